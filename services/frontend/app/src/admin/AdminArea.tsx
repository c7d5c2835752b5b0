import { useMemo } from "react";
import { Link, Navigate, NavLink, Route, Routes } from "react-router";
import { PageTitle } from "../components/Layout";
import { useApi, useSession } from "../services";
import { AdminApi } from "./adminApi";
import { AdminApiContext } from "./context";
import { DeadLettersAdmin } from "./DeadLettersAdmin";
import { OrdersAdmin } from "./OrdersAdmin";
import { ProductsAdmin } from "./ProductsAdmin";
import { UsersAdmin } from "./UsersAdmin";

/**
 * The admin area, a chunk of its own that customers never download. The page shows it to admins only; what
 * protects the data is the gateway and the services, which answer 403 to any other token.
 */
export default function AdminArea() {
  const state = useSession();
  const api = useApi();
  const admin = useMemo(() => new AdminApi(api), [api]);

  if (state.status === "restoring") return <p role="status">Loading…</p>;
  if (state.status === "signedOut") {
    return (
      <>
        <PageTitle>Admin</PageTitle>
        <p>
          Please <Link to="/signin?next=%2Fadmin">sign in</Link> with an administrator account.
        </p>
      </>
    );
  }
  if (!state.user.roles.includes("admin")) {
    return (
      <>
        <PageTitle>Admin</PageTitle>
        <p role="alert" className="error">
          This area is for administrators. You are signed in as {state.user.email}, which is not an administrator
          account.
        </p>
        <p>
          <Link to="/">Back to the shop</Link>
        </p>
      </>
    );
  }
  return (
    <AdminApiContext.Provider value={admin}>
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          <li>
            <NavLink to="/admin/products">Products</NavLink>
          </li>
          <li>
            <NavLink to="/admin/orders">Orders</NavLink>
          </li>
          <li>
            <NavLink to="/admin/dead-letters">Dead letters</NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">Users</NavLink>
          </li>
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/products" replace />} />
        <Route path="products" element={<ProductsAdmin />} />
        <Route path="orders" element={<OrdersAdmin />} />
        <Route path="dead-letters" element={<DeadLettersAdmin />} />
        <Route path="users" element={<UsersAdmin />} />
        {/* absolute: a relative target resolves against the unknown path itself and would loop */}
        <Route path="*" element={<Navigate to="/admin/products" replace />} />
      </Routes>
    </AdminApiContext.Provider>
  );
}
