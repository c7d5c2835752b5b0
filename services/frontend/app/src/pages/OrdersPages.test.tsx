import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, vi } from "vitest";
import { fakeFetch, json, refreshOk, renderApp } from "../test/harness";
import { POLL_MS } from "./OrdersPages";

const ID = "0a000000-0000-4000-8000-000000000001";
const order = (status: string) => ({
  orderId: ID,
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
const payment = (status: string, refund: unknown = null) => ({
  id: "pay-1",
  orderId: ID,
  status,
  amount: 79,
  currency: "USD",
  failureReason: null,
  card: { brand: "visa", last4: "4242" },
  refund,
  createdAt: "2026-01-01T00:01:00Z",
  updatedAt: "2026-01-01T00:01:00Z",
});

afterEach(() => vi.useRealTimers());

test("polls a pending order every five seconds and stops when it is final", async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const statuses = ["pending", "confirmed"];
  let reads = 0;
  await renderApp(
    `/orders/${ID}`,
    fakeFetch(refreshOk, (url) => {
      if (url.pathname === `/api/orders/${ID}`) return json(order(statuses[Math.min(reads++, 1)]));
      if (url.pathname === "/api/payments") return json({ items: reads > 1 ? [payment("succeeded")] : [], page: 0, size: 20, totalItems: 0, totalPages: 0 });
      return undefined;
    }),
    true,
  );
  expect(await screen.findByText("Awaiting payment")).toBeInTheDocument();

  await act(() => vi.advanceTimersByTimeAsync(POLL_MS));
  expect(await screen.findByText("Confirmed")).toBeInTheDocument();
  expect(screen.getByText(/Paid .*visa ending 4242/)).toBeInTheDocument();

  await act(() => vi.advanceTimersByTimeAsync(POLL_MS * 3));
  expect(reads).toBe(2);
});

test("cancels an order and shows its refund", async () => {
  vi.spyOn(window, "confirm").mockReturnValue(true);
  let cancelled = false;
  const user = userEvent.setup();
  await renderApp(
    `/orders/${ID}`,
    fakeFetch(refreshOk, (url, init) => {
      if (url.pathname === `/api/orders/${ID}/cancel` && init.method === "PUT") {
        cancelled = true;
        return json(order("cancelled"));
      }
      if (url.pathname === `/api/orders/${ID}`) return json(order(cancelled ? "cancelled" : "confirmed"));
      if (url.pathname === "/api/payments") {
        const refund = cancelled
          ? { id: "r-1", status: "succeeded", reason: "order-cancelled", amount: 79, refundedAt: "2026-01-01T00:02:00Z" }
          : null;
        return json({ items: [payment(cancelled ? "refunded" : "succeeded", refund)], page: 0, size: 20, totalItems: 1, totalPages: 1 });
      }
      return undefined;
    }),
    true,
  );

  await user.click(await screen.findByRole("button", { name: "Cancel order" }));

  expect(await screen.findByText("Cancelled")).toBeInTheDocument();
  expect(await screen.findByText(/Refund \$79\.00: succeeded/)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "Cancel order" })).not.toBeInTheDocument();
});

test("lists the customer's orders", async () => {
  await renderApp(
    "/orders",
    fakeFetch(refreshOk, (url) =>
      url.pathname === "/api/orders" ? json({ items: [order("shipped")], page: 0, size: 10, totalItems: 1, totalPages: 1 }) : undefined,
    ),
    true,
  );

  expect(await screen.findByRole("link", { name: "0a000000" })).toHaveAttribute("href", `/orders/${ID}`);
  expect(screen.getByText("Shipped")).toBeInTheDocument();
});
