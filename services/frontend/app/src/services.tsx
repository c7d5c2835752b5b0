import { createContext, useContext, useSyncExternalStore, type ReactNode } from "react";
import { Api } from "./api/client";
import { Session, type SessionState } from "./auth/session";
import type { AppConfig } from "./config";

export interface Services {
  config: AppConfig;
  session: Session;
  api: Api;
}

export function createServices(config: AppConfig, fetchFn?: typeof fetch): Services {
  const session = new Session(config.gatewayUrl, fetchFn);
  return { config, session, api: new Api(config, session, fetchFn) };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices needs a ServicesProvider");
  return services;
}

export function useApi(): Api {
  return useServices().api;
}

export function useSession(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.getState(),
  );
}
