import { createContext, useContext } from "react";
import type { AdminApi } from "./adminApi";

export const AdminApiContext = createContext<AdminApi | null>(null);

export function useAdminApi(): AdminApi {
  const admin = useContext(AdminApiContext);
  if (!admin) throw new Error("useAdminApi needs the admin area");
  return admin;
}
