import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { fakeFetch, json, refreshOk, renderApp, USER, type Route } from "../test/harness";

const ADMIN = { ...USER, id: "admin-1", email: "admin@example.com", displayName: "Admin", roles: ["customer", "admin"] };
const refreshAdmin: Route = (url) =>
  url.pathname === "/api/auth/refresh"
    ? json({ accessToken: "admin-token", tokenType: "Bearer", expiresIn: 900, user: ADMIN })
    : undefined;
const page = <T,>(items: T[]) => ({ items, page: 0, size: 20, totalItems: items.length, totalPages: 1 });

const ORDER_ID = "0a000000-0000-4000-8000-0000000000aa";
const order = (status: string) => ({
  orderId: ORDER_ID,
  customerId: "u-1",
  status,
  items: [{ productId: "p-1", sku: "L", name: "Desk lamp", quantity: 2, unitPrice: 39.5, lineTotal: 79 }],
  totalAmount: 79,
  currency: "USD",
  shippingAddress: { name: "Ada", line1: "1 Loop Road", city: "London", postalCode: "N1 9GU", country: "GB" },
  paymentDueBy: "2026-01-01T00:15:00Z",
  placedAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
});
const product = (version: number, onHand: number) => ({
  productId: "p-1",
  sku: "LAMP-1",
  name: "Desk lamp",
  description: "A lamp",
  price: 39.5,
  currency: "USD",
  category: "lighting",
  image: "desk-lamp.svg",
  imageUrl: "/images/desk-lamp.svg",
  onHand,
  reserved: 2,
  available: onHand - 2,
  version,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
});

test("a customer who opens the admin area is told it is for admins, and nothing admin is requested", async () => {
  const fetchFn = fakeFetch(refreshOk);
  await renderApp("/admin/orders", fetchFn, true);
  expect(await screen.findByRole("alert")).toHaveTextContent(/for administrators/);
  expect(screen.queryByRole("link", { name: "Admin" })).not.toBeInTheDocument();
  expect(fetchFn.mock.calls.map(([input]) => String(input)).filter((u) => u.includes("/admin/"))).toEqual([]);
});

test("a signed-out visitor is asked to sign in", async () => {
  await renderApp("/admin", fakeFetch());
  expect(await screen.findByRole("link", { name: "sign in" })).toHaveAttribute("href", "/signin?next=%2Fadmin");
});

test("an admin ships a confirmed order and then marks it delivered", async () => {
  let status = "confirmed";
  const calls: string[] = [];
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    const method = init.method ?? "GET";
    if (!url.pathname.startsWith("/api/orders/admin/orders")) return undefined;
    calls.push(`${method} ${url.pathname}${url.search}`);
    expect(new Headers(init.headers).get("Authorization")).toBe("Bearer admin-token");
    if (method === "PUT" && url.pathname.endsWith("/ship")) status = "shipped";
    else if (method === "PUT" && url.pathname.endsWith("/deliver")) status = "delivered";
    else return json(page([order(status)]));
    return json(order(status));
  });
  const user = userEvent.setup();
  await renderApp("/admin/orders", fetchFn, true);
  expect(await screen.findByRole("link", { name: "Admin" })).toBeInTheDocument();

  const row = (await screen.findByText(ORDER_ID.slice(0, 8))).closest("tr")!;
  expect(within(row).getByText("Confirmed")).toBeInTheDocument();
  await user.click(within(row).getByRole("button", { name: /^Ship/ }));
  await waitFor(() => expect(within(row).getByText("Shipped")).toBeInTheDocument());
  expect(screen.getByText(`Order ${ORDER_ID.slice(0, 8)} is shipped.`)).toBeInTheDocument();

  await user.click(within(row).getByRole("button", { name: /^Mark delivered/ }));
  await waitFor(() => expect(within(row).getByText("Delivered")).toBeInTheDocument());
  expect(within(row).queryByRole("button")).not.toBeInTheDocument();
  expect(calls).toEqual([
    "GET /api/orders/admin/orders?size=20&page=0",
    `PUT /api/orders/admin/orders/${ORDER_ID}/ship`,
    `PUT /api/orders/admin/orders/${ORDER_ID}/deliver`,
  ]);
});

test("an unknown admin path leads to the products", async () => {
  const fetchFn = fakeFetch(refreshAdmin, (url) =>
    url.pathname === "/api/inventory/admin/products" ? json(page([product(1, 5)])) : undefined,
  );
  await renderApp("/admin/product", fetchFn, true);
  expect(await screen.findByRole("heading", { name: "Admin: products and stock" })).toBeInTheDocument();
  expect(await screen.findByRole("rowheader", { name: /Desk lamp/ })).toBeInTheDocument();
});

test("a replay refused while the broker is down says so, and a 403 names the missing role", async () => {
  const letter = {
    id: "dl-9",
    queue: "orders.payments",
    messageId: "m-9",
    eventType: "PaymentSucceeded",
    routingKey: "payment.succeeded",
    aggregateId: null,
    reason: "boom",
    attempts: 5,
    deadLetteredAt: "2026-01-01T00:00:00Z",
    replays: 0,
  };
  let replays = 0;
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    if (url.pathname.endsWith("/dl-9/replay") && init.method === "POST") {
      replays++;
      return replays === 1
        ? json({ status: 503, title: "Service Unavailable", detail: "The message broker cannot be reached; the dead letters are kept." }, 503)
        : json({ status: 403, title: "Forbidden", detail: "roles do not allow POST" }, 403);
    }
    if (url.pathname === "/api/orders/admin/dead-letters") return json(page([letter]));
    return undefined;
  });
  const user = userEvent.setup();
  await renderApp("/admin/dead-letters", fetchFn, true);
  await user.click(await screen.findByRole("button", { name: "Replay PaymentSucceeded m-9" }));
  expect(await screen.findByRole("alert")).toHaveTextContent("The message broker cannot be reached; the dead letters are kept.");
  await user.click(screen.getByRole("button", { name: "Replay PaymentSucceeded m-9" }));
  expect(await screen.findByRole("alert")).toHaveTextContent(/Only administrators may do this/);
});

test("the status filter asks order-service for that status only", async () => {
  const searches: string[] = [];
  const fetchFn = fakeFetch(refreshAdmin, (url) => {
    if (url.pathname !== "/api/orders/admin/orders") return undefined;
    searches.push(url.searchParams.get("status") ?? "");
    return json(page([]));
  });
  const user = userEvent.setup();
  await renderApp("/admin/orders", fetchFn, true);
  await screen.findByText("No orders.");
  await user.selectOptions(screen.getByLabelText("Status"), "shipped");
  expect(await screen.findByText("No orders with the status shipped.")).toBeInTheDocument();
  expect(searches).toEqual(["", "shipped"]);
});

test("a stock change names the version it was based on, and a stale one is reloaded", async () => {
  let version = 3;
  const writes: { ifMatch: string | null; body: unknown }[] = [];
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    if (url.pathname === "/api/inventory/admin/products") return json(page([product(version, 10)]));
    if (url.pathname === "/api/inventory/admin/products/p-1/stock-adjustments") {
      const ifMatch = new Headers(init.headers).get("If-Match");
      writes.push({ ifMatch, body: JSON.parse(String(init.body)) });
      if (writes.length === 2) {
        version = 9; // someone else wrote meanwhile
        return json({ title: "Precondition Failed", status: 412 }, 412);
      }
      version = 4;
      return json(product(4, 30));
    }
    return undefined;
  });
  const user = userEvent.setup();
  await renderApp("/admin/products", fetchFn, true);
  const input = await screen.findByLabelText(/Stock change for Desk lamp/);
  const apply = screen.getByRole("button", { name: /Apply stock change for Desk lamp/ });
  expect(apply).toBeDisabled();

  await user.type(input, "20");
  await user.click(apply);
  expect(await screen.findByText("Desk lamp: 30 on hand, 28 available.")).toBeInTheDocument();

  await user.type(screen.getByLabelText(/Stock change for Desk lamp/), "-3");
  await user.click(screen.getByRole("button", { name: /Apply stock change for Desk lamp/ }));
  expect(await screen.findByRole("alert")).toHaveTextContent(/changed this product meanwhile/);
  expect(writes).toEqual([
    { ifMatch: '"3"', body: { delta: 20 } },
    { ifMatch: '"4"', body: { delta: -3 } },
  ]);
});

test("a new product without an image is sent without one", async () => {
  const created: unknown[] = [];
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    if (url.pathname !== "/api/inventory/admin/products") return undefined;
    if (init.method === "POST") {
      created.push(JSON.parse(String(init.body)));
      return json({ ...product(0, 5), sku: "MUG-9", name: "Mug" }, 201);
    }
    return json(page([]));
  });
  const user = userEvent.setup();
  await renderApp("/admin/products", fetchFn, true);
  await user.click(await screen.findByRole("button", { name: "New product" }));
  const form = screen.getByRole("form", { name: "New product" });
  await user.type(within(form).getByLabelText("SKU"), "mug-9");
  await user.type(within(form).getByLabelText("Name"), "Mug");
  await user.type(within(form).getByLabelText("Price"), "8.5");
  await user.type(within(form).getByLabelText(/^Category/), "kitchen");
  await user.clear(within(form).getByLabelText("Stock on hand"));
  await user.type(within(form).getByLabelText("Stock on hand"), "5");
  await user.click(within(form).getByRole("button", { name: "Create product" }));
  expect(await screen.findByText("Mug (MUG-9) is in the catalog.")).toBeInTheDocument();
  expect(created).toEqual([{ sku: "mug-9", name: "Mug", description: "", price: 8.5, category: "kitchen", onHand: 5 }]);
});

test("dead letters are listed per service, shown, and replayed", async () => {
  let replayed = false;
  const letter = {
    id: "dl-1",
    queue: "payments.order-events",
    messageId: "m-1",
    eventType: "OrderPlaced",
    routingKey: "order.placed",
    aggregateId: ORDER_ID,
    reason: "amount is not a number",
    attempts: 3,
    deadLetteredAt: "2026-01-01T00:00:00Z",
    replays: 0,
  };
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    if (!url.pathname.startsWith("/api/payments/admin/dead-letters")) return undefined;
    if (url.pathname.endsWith("/dl-1/replay") && init.method === "POST") {
      replayed = true;
      return json({ replayed: 1 });
    }
    if (url.pathname.endsWith("/dl-1")) return json({ letter, headers: { "x-attempts": 3 }, event: { orderId: ORDER_ID }, body: null });
    return json(page(replayed ? [] : [letter]));
  });
  const user = userEvent.setup();
  await renderApp("/admin/dead-letters?area=payments", fetchFn, true);
  expect(screen.getByLabelText("Service")).toHaveValue("payments");
  expect(await screen.findByText("amount is not a number")).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: /^Show OrderPlaced/ }));
  expect(await screen.findByText(new RegExp(`"orderId": "${ORDER_ID}"`))).toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: /^Replay OrderPlaced/ }));
  expect(await screen.findByText("OrderPlaced is back on payments.order-events.")).toBeInTheDocument();
  expect(await screen.findByText(/No dead letters in Payments/)).toBeInTheDocument();
  expect(replayed).toBe(true);
});

test("a dead letter whose body is not JSON is shown as text", async () => {
  const letter = {
    id: "dl-2",
    queue: "inventory-service.orders",
    messageId: "m-2",
    eventType: null,
    routingKey: "order.confirmed",
    aggregateId: null,
    reason: "InvalidEvent: not an envelope",
    attempts: 1,
    deadLetteredAt: "2026-01-01T00:00:00Z",
    replays: 0,
  };
  const fetchFn = fakeFetch(refreshAdmin, (url) => {
    if (url.pathname === "/api/inventory/admin/dead-letters/dl-2") return json({ letter, headers: {}, body: "plain words" });
    if (url.pathname === "/api/inventory/admin/dead-letters") return json(page([letter]));
    return undefined;
  });
  const user = userEvent.setup();
  await renderApp("/admin/dead-letters?area=inventory", fetchFn, true);
  expect(await screen.findByRole("rowheader", { name: "(no type) message m-2" })).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: /^Show/ }));
  expect(await screen.findByRole("heading", { name: "Dead letter: not a readable event" })).toBeInTheDocument();
  expect(screen.getByText("plain words")).toBeInTheDocument();
  expect(screen.getByRole("heading", { name: "Dead letter: not a readable event" })).toHaveFocus();
});

test("an admin makes another account an admin and disables one; their own row offers neither", async () => {
  vi.spyOn(window, "confirm").mockReturnValue(true);
  const bob = { ...USER, id: "u-2", email: "bob@example.com", displayName: "Bob" };
  const sent: string[] = [];
  const fetchFn = fakeFetch(refreshAdmin, (url, init) => {
    if (url.pathname === "/api/users/admin/users") return json(page([ADMIN, bob]));
    if (url.pathname === "/api/users/admin/users/u-2/roles") {
      sent.push(`roles ${String(init.body)}`);
      return json({ ...bob, roles: JSON.parse(String(init.body)).roles });
    }
    if (url.pathname === "/api/users/admin/users/u-2/disable") {
      sent.push("disable");
      return json({ ...bob, roles: ["customer", "admin"], disabled: true });
    }
    return undefined;
  });
  const user = userEvent.setup();
  await renderApp("/admin/users", fetchFn, true);
  const me = (await screen.findByText("admin@example.com")).closest("tr")!;
  expect(within(me).queryByRole("button")).not.toBeInTheDocument();

  await user.click(screen.getByRole("button", { name: "Make admin bob@example.com" }));
  expect(await screen.findByText("bob@example.com is now an administrator.")).toBeInTheDocument();
  await user.click(screen.getByRole("button", { name: "Disable bob@example.com" }));
  expect(await screen.findByText("bob@example.com is disabled.")).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Enable bob@example.com" })).toBeInTheDocument();
  expect(sent).toEqual(['roles {"roles":["customer","admin"]}', "disable"]);
});
