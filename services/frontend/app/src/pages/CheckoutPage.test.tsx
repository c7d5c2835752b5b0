import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CART_KEY } from "../cart/cart";
import { fakeFetch, json, refreshOk, renderApp, type Route } from "../test/harness";
import { parseCard } from "./CheckoutPage";

const LINE = { productId: "p-1", name: "Desk lamp", price: 39.5, currency: "USD", imageUrl: "/i.svg", quantity: 2 };
const ORDER = { orderId: "0a000000-0000-4000-8000-000000000001", status: "pending", totalAmount: 79, currency: "USD" };

function putInCart() {
  localStorage.setItem(CART_KEY, JSON.stringify([LINE]));
}

async function fillAndSubmit(card = "4242 4242 4242 4242") {
  const user = userEvent.setup();
  if (screen.queryByLabelText("Full name")) {
    await user.type(screen.getByLabelText("Full name"), "Ada");
    await user.type(screen.getByLabelText("Address line 1"), "1 Loop Road");
    await user.type(screen.getByLabelText("City"), "London");
    await user.type(screen.getByLabelText("Postal code"), "N1 9GU");
    await user.type(screen.getByLabelText(/Country code/), "gb");
  }
  await user.type(screen.getByLabelText("Card number"), card);
  await user.type(screen.getByLabelText("Expiry (MM/YY)"), "12/30");
  await user.type(screen.getByLabelText("Security code"), "123");
  await user.click(screen.getByRole("button", { name: /pay/i }));
}

const sandbox: Route = (url, init) => {
  if (url.origin !== "http://sandbox.test" || url.pathname !== "/v1/tokens") return undefined;
  const card = JSON.parse(String(init.body)) as { number: string };
  return json({ token: card.number.startsWith("4000") ? "tok_declined_card" : "tok_good", card: {}, createdAt: "" }, 201);
};

test("parses the card as typed", () => {
  expect(parseCard({ number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" })).toEqual({
    number: "4242424242424242",
    expMonth: 12,
    expYear: 2030,
    cvc: "123",
  });
  expect(parseCard({ number: "42", expiry: "12/30", cvc: "123" })).toMatch(/card number/);
  expect(parseCard({ number: "4242424242424242", expiry: "13/30", cvc: "123" })).toMatch(/month/);
});

test("asks a signed-out customer to sign in, keeping the cart", async () => {
  putInCart();
  await renderApp("/checkout", fakeFetch());

  expect(await screen.findByRole("link", { name: "sign in" })).toHaveAttribute("href", "/signin?next=%2Fcheckout");
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toHaveLength(1);
});

test("a declined card keeps the order payable, and another card pays it", async () => {
  putInCart();
  const orderKeys: string[] = [];
  const payments: { token: string; key: string }[] = [];
  const fetchFn = fakeFetch(refreshOk, sandbox, (url, init) => {
    const headers = init.headers as Record<string, string>;
    if (url.pathname === "/api/orders" && init.method === "POST") {
      orderKeys.push(headers["Idempotency-Key"]);
      expect(JSON.parse(String(init.body))).toMatchObject({
        items: [{ productId: "p-1", quantity: 2 }],
        shippingAddress: { name: "Ada", country: "GB" },
      });
      return json(ORDER, 201);
    }
    if (url.pathname === "/api/payments" && init.method === "POST") {
      const { paymentToken } = JSON.parse(String(init.body)) as { paymentToken: string };
      payments.push({ token: paymentToken, key: headers["Idempotency-Key"] });
      return paymentToken === "tok_good"
        ? json({ id: "pay-1", status: "succeeded" }, 201)
        : json({ type: "urn:problem:emporium:payment-declined", status: 402, declineCode: "card-declined" }, 402);
    }
    if (url.pathname === `/api/orders/${ORDER.orderId}`) {
      return json({
        ...ORDER,
        items: [],
        shippingAddress: { name: "Ada", line1: "1 Loop Road", city: "London", postalCode: "N1 9GU", country: "GB" },
        paymentDueBy: "2026-01-01T00:15:00Z",
        placedAt: "2026-01-01T00:00:00Z",
      });
    }
    if (url.pathname === "/api/payments") return json({ items: [], page: 0, size: 20, totalItems: 0, totalPages: 0 });
    return undefined;
  });
  await renderApp("/checkout", fetchFn, true);

  await fillAndSubmit("4000 0000 0000 0002");
  expect(await screen.findByRole("alert")).toHaveTextContent(/declined.*pay it with another card/i);
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toHaveLength(1);

  await fillAndSubmit("4242 4242 4242 4242");
  await screen.findByRole("heading", { name: /^Order 0a000000/ });

  expect(orderKeys).toHaveLength(1);
  expect(payments.map((p) => p.token)).toEqual(["tok_declined_card", "tok_good"]);
  expect(payments[0].key).not.toBe(payments[1].key);
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toEqual([]);
  const cardCalls = fetchFn.mock.calls.filter(([, init]) => String(init?.body ?? "").includes("4242424242424242"));
  expect(cardCalls.map(([u]) => new URL(String(u)).origin)).toEqual(["http://sandbox.test"]);
});

test("names the product that is short of stock and keeps the cart", async () => {
  putInCart();
  await renderApp(
    "/checkout",
    fakeFetch(refreshOk, sandbox, (url) =>
      url.pathname === "/api/orders"
        ? json(
            {
              type: "urn:problem:emporium:insufficient-stock",
              status: 422,
              lines: [{ productId: "p-1", requested: 2, available: 1 }],
            },
            422,
          )
        : undefined,
    ),
    true,
  );

  await fillAndSubmit();

  expect(await screen.findByRole("alert")).toHaveTextContent("Desk lamp: only 1 left");
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toHaveLength(1);
});

test("says to try again later when the platform is down, and keeps the cart", async () => {
  putInCart();
  await renderApp(
    "/checkout",
    fakeFetch(refreshOk, sandbox, (url) =>
      url.pathname === "/api/orders" ? json({ status: 503, title: "Service Unavailable" }, 503) : undefined,
    ),
    true,
  );

  await fillAndSubmit();

  expect(await screen.findByRole("alert")).toHaveTextContent(/try again later/i);
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toHaveLength(1);
});
