import { render } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { vi } from "vitest";
import { AppRoutes } from "../App";
import { CartProvider } from "../cart/cart";
import { createServices, ServicesProvider } from "../services";

export const CONFIG = { gatewayUrl: "http://gw.test", sandboxUrl: "http://sandbox.test" };

export type Route = (url: URL, init: RequestInit) => Response | Promise<Response> | undefined;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });
}

/** A fetch that answers by the first route that returns something, and 404 otherwise. */
export function fakeFetch(...routes: Route[]) {
  return vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    for (const route of routes) {
      const answer = await route(url, init);
      if (answer) return answer;
    }
    return json({ title: "Not Found", status: 404 }, 404);
  });
}

export const USER = {
  id: "u-1",
  email: "ada@example.com",
  displayName: "Ada",
  roles: ["customer"],
  disabled: false,
  createdAt: "2026-01-01T00:00:00Z",
};

export function tokens(expiresIn = 900, accessToken = "token-1") {
  return { accessToken, tokenType: "Bearer", expiresIn, user: USER };
}

/** The app's routes at a path, with a signed-in customer when asked. */
export async function renderApp(path: string, fetchFn: ReturnType<typeof fakeFetch>, signIn = false) {
  const services = createServices(CONFIG, fetchFn as unknown as typeof fetch);
  if (signIn) await services.session.restore();
  else if (services.session.getState().status === "restoring") {
    // as after a page load without a refresh cookie
    await services.session.restore();
  }
  const view = render(
    <ServicesProvider services={services}>
      <CartProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </CartProvider>
    </ServicesProvider>,
  );
  return { ...view, services };
}

export const refreshOk: Route = (url) => (url.pathname === "/api/auth/refresh" ? json(tokens()) : undefined);
export const refreshRefused: Route = (url) =>
  url.pathname === "/api/auth/refresh" ? json({ title: "Unauthorized", status: 401 }, 401) : undefined;
