import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/ApiError";
import type { NewCard } from "../api/client";
import type { Order, ShippingAddress } from "../api/types";
import { useCart } from "../cart/cart";
import { PageTitle } from "../components/Layout";
import { describeError } from "../components/messages";
import { formatMoney } from "../format";
import { useApi, useSession } from "../services";

const EMPTY_ADDRESS: ShippingAddress = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  postalCode: "",
  region: "",
  country: "",
};

const ADDRESS_FIELDS: { key: keyof ShippingAddress; label: string; autoComplete: string; required: boolean }[] = [
  { key: "name", label: "Full name", autoComplete: "shipping name", required: true },
  { key: "line1", label: "Address line 1", autoComplete: "shipping address-line1", required: true },
  { key: "line2", label: "Address line 2 (optional)", autoComplete: "shipping address-line2", required: false },
  { key: "city", label: "City", autoComplete: "shipping address-level2", required: true },
  { key: "postalCode", label: "Postal code", autoComplete: "shipping postal-code", required: true },
  { key: "region", label: "Region (optional)", autoComplete: "shipping address-level1", required: false },
  { key: "country", label: "Country code (two letters, e.g. GB)", autoComplete: "shipping country", required: true },
];

/** Card fields as typed; they go to the sandbox and nowhere else. */
interface CardForm {
  number: string;
  expiry: string;
  cvc: string;
}

export function parseCard(form: CardForm): NewCard | string {
  const number = form.number.replace(/[\s-]/g, "");
  if (!/^\d{12,19}$/.test(number)) return "Enter the card number (12 to 19 digits).";
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(form.expiry);
  if (!expiry) return "Enter the expiry as MM/YY.";
  const expMonth = Number(expiry[1]);
  const expYear = expiry[2].length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2]);
  if (expMonth < 1 || expMonth > 12) return "The expiry month must be 01 to 12.";
  if (!/^\d{3,4}$/.test(form.cvc.trim())) return "Enter the 3 or 4 digit security code.";
  return { number, expMonth, expYear, cvc: form.cvc.trim() };
}

function newKey(): string {
  return crypto.randomUUID();
}

type Step = { kind: "form" } | { kind: "busy"; what: string };

export function CheckoutPage() {
  const api = useApi();
  const cart = useCart();
  const state = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [card, setCard] = useState<CardForm>({ number: "", expiry: "", cvc: "" });
  const [step, setStep] = useState<Step>({ kind: "form" });
  const [error, setError] = useState<string | null>(null);
  // an order placed by this attempt (or named in the URL) is paid, never placed again
  const [order, setOrder] = useState<{ orderId: string; totalAmount?: number; currency?: string } | null>(
    params.get("orderId") ? { orderId: params.get("orderId")! } : null,
  );
  const orderKey = useRef(newKey());
  const paymentKey = useRef<{ token: string; key: string } | null>(null);

  if (state.status === "restoring") return <p role="status">Loading…</p>;
  if (state.status === "signedOut") {
    return (
      <>
        <PageTitle>Checkout</PageTitle>
        <p>
          Please <Link to="/signin?next=%2Fcheckout">sign in</Link> or{" "}
          <Link to="/register?next=%2Fcheckout">create an account</Link> to check out. Your cart is kept.
        </p>
      </>
    );
  }
  if (!order && cart.lines.length === 0) {
    return (
      <>
        <PageTitle>Checkout</PageTitle>
        <p>
          Your cart is empty. <Link to="/">Back to the shop</Link>
        </p>
      </>
    );
  }

  const placeOrder = async (): Promise<Order | null> => {
    setStep({ kind: "busy", what: "Placing your order…" });
    const body = {
      items: cart.lines.map((line) => ({ productId: line.productId, quantity: line.quantity })),
      shippingAddress: Object.fromEntries(
        Object.entries({ ...address, country: address.country.trim().toUpperCase() }).filter(
          ([, value]) => value.trim() !== "",
        ),
      ),
    };
    try {
      return await api.placeOrder(body, orderKey.current);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.kind === "insufficient-stock") {
        const names = (e.problem.lines ?? []).map((line) => {
          const name = cart.lines.find((l) => l.productId === line.productId)?.name ?? "An item";
          return line.available === 0 ? `${name} is out of stock` : `${name}: only ${line.available} left`;
        });
        setError(`Not enough stock. ${names.join("; ")}. Change your cart and try again.`);
      } else {
        setError(describeError(e));
      }
      // nothing was ordered unless the platform was unreachable; only then may the same key be retried
      if (!(e instanceof ApiError && (e.status === 0 || e.status >= 500))) orderKey.current = newKey();
      return null;
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const parsed = parseCard(card);
    if (typeof parsed === "string") {
      setError(parsed);
      return;
    }
    setStep({ kind: "busy", what: "Checking your card…" });
    let token: string;
    try {
      token = await api.tokenizeCard(parsed);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 400 ? "The card details are not valid. Check them and try again." : describeError(e),
      );
      setStep({ kind: "form" });
      return;
    }
    let current = order;
    if (!current) {
      const placed = await placeOrder();
      if (!placed) {
        setStep({ kind: "form" });
        return;
      }
      current = placed;
      setOrder(placed);
    }
    setStep({ kind: "busy", what: "Paying…" });
    if (paymentKey.current?.token !== token) paymentKey.current = { token, key: newKey() };
    try {
      await api.pay(current.orderId, token, paymentKey.current.key);
      if (!params.get("orderId")) cart.clear();
      navigate(`/orders/${current.orderId}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 402) {
        setError("Your card was declined. Your order is kept: pay it with another card.");
        paymentKey.current = null;
        setCard({ number: "", expiry: "", cvc: "" });
      } else if (e instanceof ApiError && e.status === 409) {
        setError("This order cannot be paid any more (it was paid or cancelled). See My orders.");
      } else {
        setError(`${describeError(e)} Your order is kept; you can try paying again.`);
      }
      setStep({ kind: "form" });
    }
  };

  const busy = step.kind === "busy";
  return (
    <>
      <PageTitle>Checkout</PageTitle>
      <form className="checkout" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        {order ? (
          <section aria-labelledby="order-heading">
            <h2 id="order-heading">Your order</h2>
            <p>
              Order <Link to={`/orders/${order.orderId}`}>{order.orderId.slice(0, 8)}</Link> is placed and waits for
              payment
              {order.totalAmount !== undefined && order.currency
                ? ` of ${formatMoney(order.totalAmount, order.currency)}`
                : ""}
              .
            </p>
          </section>
        ) : (
          <>
            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading">Summary</h2>
              <ul className="summary">
                {cart.lines.map((line) => (
                  <li key={line.productId}>
                    {line.quantity} × {line.name} — {formatMoney(line.price * line.quantity, line.currency)}
                  </li>
                ))}
              </ul>
              <p>
                Total: <strong>{formatMoney(cart.total, cart.currency ?? "USD")}</strong>
              </p>
            </section>
            <fieldset>
              <legend>Shipping address</legend>
              {ADDRESS_FIELDS.map((f) => (
                <div className="field" key={f.key}>
                  <label htmlFor={`ship-${f.key}`}>{f.label}</label>
                  <input
                    id={`ship-${f.key}`}
                    autoComplete={f.autoComplete}
                    required={f.required}
                    maxLength={f.key === "country" ? 2 : 200}
                    value={address[f.key] ?? ""}
                    onChange={(e) => setAddress({ ...address, [f.key]: e.target.value })}
                  />
                </div>
              ))}
            </fieldset>
          </>
        )}
        <fieldset>
          <legend>Card</legend>
          <p className="muted">Your card goes straight to our card processor; Emporium never sees it.</p>
          <div className="field">
            <label htmlFor="card-number">Card number</label>
            <input id="card-number" inputMode="numeric" autoComplete="cc-number" required value={card.number}
              onChange={(e) => setCard({ ...card, number: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="card-expiry">Expiry (MM/YY)</label>
            <input id="card-expiry" autoComplete="cc-exp" placeholder="MM/YY" required value={card.expiry}
              onChange={(e) => setCard({ ...card, expiry: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="card-cvc">Security code</label>
            <input id="card-cvc" inputMode="numeric" autoComplete="cc-csc" required maxLength={4} value={card.cvc}
              onChange={(e) => setCard({ ...card, cvc: e.target.value })} />
          </div>
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p role="status">{busy ? step.what : ""}</p>
        <button type="submit" className="primary" disabled={busy}>
          {order ? "Pay" : "Place order and pay"}
        </button>
      </form>
    </>
  );
}
