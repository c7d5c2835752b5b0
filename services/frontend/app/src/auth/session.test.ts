import { afterEach, beforeEach, vi } from "vitest";
import { Api } from "../api/client";
import { fakeFetch, json, refreshOk, refreshRefused, tokens } from "../test/harness";
import { SESSION_ENDED, Session } from "./session";

const GW = "http://gw.test";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test("restores the session from the refresh cookie on load, keeping the token in memory only", async () => {
  const fetchFn = fakeFetch(refreshOk);
  const session = new Session(GW, fetchFn);

  await session.restore();

  expect(session.getState()).toMatchObject({ status: "signedIn", user: { displayName: "Ada" } });
  expect(session.accessToken()).toBe("token-1");
  expect(fetchFn.mock.calls[0][1]).toMatchObject({ method: "POST", credentials: "include" });
  expect(localStorage.length).toBe(0);
  expect(sessionStorage.length).toBe(0);
});

test("is signed out without a notice when there is no session to restore", async () => {
  const session = new Session(GW, fakeFetch(refreshRefused));

  await session.restore();

  expect(session.getState()).toEqual({ status: "signedOut" });
});

test("renews the token a minute before it expires", async () => {
  let issued = 0;
  const session = new Session(
    GW,
    fakeFetch((url) => (url.pathname === "/api/auth/refresh" ? json(tokens(900, `token-${++issued}`)) : undefined)),
  );
  await session.restore();

  await vi.advanceTimersByTimeAsync(839_000);
  expect(session.accessToken()).toBe("token-1");
  await vi.advanceTimersByTimeAsync(1_000);

  expect(session.accessToken()).toBe("token-2");
});

test("ends an expired session cleanly and says so", async () => {
  let calls = 0;
  const session = new Session(
    GW,
    fakeFetch((url) => {
      if (url.pathname !== "/api/auth/refresh") return undefined;
      return ++calls === 1 ? json(tokens(900)) : json({ status: 401, title: "Unauthorized" }, 401);
    }),
  );
  await session.restore();

  await vi.advanceTimersByTimeAsync(840_000);

  expect(session.getState()).toEqual({ status: "signedOut", notice: SESSION_ENDED });
  expect(session.accessToken()).toBeNull();
});

test("renews the token once and retries when the API answers 401", async () => {
  let issued = 0;
  const fetchFn = fakeFetch(
    (url) => (url.pathname === "/api/auth/refresh" ? json(tokens(900, `token-${++issued}`)) : undefined),
    (url, init) => {
      if (url.pathname !== "/api/orders/o-1") return undefined;
      const auth = (init.headers as Record<string, string>).Authorization;
      return auth === "Bearer token-2" ? json({ orderId: "o-1" }) : json({ status: 401 }, 401);
    },
  );
  const session = new Session(GW, fetchFn);
  await session.restore();

  const order = await new Api({ gatewayUrl: GW, sandboxUrl: "http://sb.test" }, session, fetchFn).order("o-1");

  expect(order).toEqual({ orderId: "o-1" });
});
