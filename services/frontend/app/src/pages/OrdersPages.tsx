import { useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Order, OrderStatus, Payment } from "../api/types";
import { PageTitle } from "../components/Layout";
import { describeError } from "../components/messages";
import { Pager } from "../components/Pager";
import { useAsync } from "../components/useAsync";
import { formatDate, formatMoney } from "../format";
import { useApi, useSession } from "../services";

/** order-service asks clients to poll a pending order no faster than this */
export const POLL_MS = 5_000;

export const STATUS_LABELS: Record<OrderStatus, string> = {
  pending: "Awaiting payment",
  confirmed: "Confirmed",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
};

const CANCELLABLE: OrderStatus[] = ["pending", "confirmed"];

function SignInFirst({ next }: { next: string }) {
  return (
    <p>
      Please <Link to={`/signin?next=${encodeURIComponent(next)}`}>sign in</Link> to see your orders.
    </p>
  );
}

export function OrdersPage() {
  const state = useSession();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const signedIn = state.status === "signedIn";
  const orders = useAsync(() => (signedIn ? api.orders(page) : Promise.resolve(null)), [api, page, signedIn]);

  if (state.status === "restoring") return <p role="status">Loading…</p>;
  if (!signedIn) {
    return (
      <>
        <PageTitle>My orders</PageTitle>
        <SignInFirst next="/orders" />
      </>
    );
  }
  return (
    <>
      <PageTitle>My orders</PageTitle>
      {orders.status === "loading" && <p role="status">Loading your orders…</p>}
      {orders.status === "failed" && (
        <p role="alert" className="error">
          {describeError(orders.error)}
        </p>
      )}
      {orders.status === "done" && orders.value && (
        <>
          {orders.value.items.length === 0 ? (
            <p>
              No orders yet. <Link to="/">Visit the shop</Link>
            </p>
          ) : (
            <table className="orders">
              <caption className="visually-hidden">Your orders, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Status</th>
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {orders.value.items.map((order) => (
                  <tr key={order.orderId}>
                    <td>
                      <Link to={`/orders/${order.orderId}`}>{order.orderId.slice(0, 8)}</Link>
                    </td>
                    <td>{formatDate(order.placedAt)}</td>
                    <td>{STATUS_LABELS[order.status]}</td>
                    <td>{formatMoney(order.totalAmount, order.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Pager page={page} totalPages={orders.value.totalPages} onPage={(next) => setParams({ page: String(next) })} />
        </>
      )}
    </>
  );
}

/** One order, live: while it is pending it is read again every five seconds, and its payments with it. */
export function OrderPage() {
  const { id = "" } = useParams();
  const state = useSession();
  const api = useApi();
  const [order, setOrder] = useState<Order | null>(null);
  const [payments, setPayments] = useState<Payment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedIn = state.status === "signedIn";

  const status = order?.status;
  const paymentsSettled = payments.every((p) => p.status !== "processing" && p.refund?.status !== "pending");
  const live = (order !== null && status === "pending") || !paymentsSettled;

  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const load = useCallback(async () => {
    try {
      const [nextOrder, nextPayments] = await Promise.all([api.order(id), api.payments(id)]);
      if (!mounted.current) return;
      setOrder(nextOrder);
      setPayments(nextPayments);
      setError(null);
    } catch (e) {
      if (mounted.current) setError(describeError(e));
    }
  }, [api, id]);

  useEffect(() => {
    if (signedIn) void load();
  }, [load, signedIn]);

  // order-service offers polling: read a pending order (or an unsettled payment) again every five seconds
  useEffect(() => {
    if (!signedIn || !live) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load, signedIn, live]);

  if (state.status === "restoring") return <p role="status">Loading…</p>;
  if (!signedIn) {
    return (
      <>
        <PageTitle>Order</PageTitle>
        <SignInFirst next={`/orders/${id}`} />
      </>
    );
  }
  if (!order) {
    return error ? (
      <>
        <PageTitle>Order</PageTitle>
        <p role="alert" className="error">
          {error}
        </p>
      </>
    ) : (
      <p role="status">Loading your order…</p>
    );
  }

  const cancel = async () => {
    if (!window.confirm("Cancel this order?")) return;
    setBusy(true);
    setMessage(null);
    try {
      setOrder(await api.cancelOrder(order.orderId));
      await load();
      setMessage("Your order is cancelled. If it was paid, the payment is refunded.");
    } catch (e) {
      setMessage(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const paid = payments.some((p) => p.status === "succeeded" || p.status === "processing");
  return (
    <>
      <PageTitle>{`Order ${order.orderId.slice(0, 8)}`}</PageTitle>
      <p className="order-status" role="status" aria-live="polite">
        Status: <strong>{STATUS_LABELS[order.status]}</strong>
        {order.status === "cancelled" && order.cancellationReason === "payment-expired" && " (not paid in time)"}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="muted">Placed {formatDate(order.placedAt)}</p>
      <table className="order-items">
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price</th>
            <th scope="col">Line total</th>
          </tr>
        </thead>
        <tbody>
          {order.items.map((item) => (
            <tr key={item.productId}>
              <td>
                <Link to={`/products/${item.productId}`}>{item.name}</Link>
              </td>
              <td>{item.quantity}</td>
              <td>{formatMoney(item.unitPrice, order.currency)}</td>
              <td>{formatMoney(item.lineTotal, order.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td>{formatMoney(order.totalAmount, order.currency)}</td>
          </tr>
        </tfoot>
      </table>

      <section aria-labelledby="shipping-heading">
        <h2 id="shipping-heading">Shipping to</h2>
        <address>
          {[
            order.shippingAddress.name,
            order.shippingAddress.line1,
            order.shippingAddress.line2,
            [order.shippingAddress.postalCode, order.shippingAddress.city].join(" "),
            order.shippingAddress.region,
            order.shippingAddress.country,
          ]
            .filter(Boolean)
            .map((line) => (
              <span key={line} className="address-line">
                {line}
              </span>
            ))}
        </address>
      </section>

      <section aria-labelledby="payment-heading">
        <h2 id="payment-heading">Payment</h2>
        {payments.length === 0 ? <p>No payment yet.</p> : <PaymentList payments={payments} />}
        {order.status === "pending" && !paid && (
          <p>
            Due by {formatDate(order.paymentDueBy)}.{" "}
            <Link to={`/checkout?orderId=${order.orderId}`} className="button primary">
              Pay now
            </Link>
          </p>
        )}
      </section>

      {CANCELLABLE.includes(order.status) && (
        <button type="button" onClick={() => void cancel()} disabled={busy}>
          Cancel order
        </button>
      )}
      {message && <p role="alert">{message}</p>}
      <p>
        <Link to="/orders">All my orders</Link>
      </p>
    </>
  );
}

const PAYMENT_LABELS: Record<Payment["status"], string> = {
  processing: "Processing",
  succeeded: "Paid",
  failed: "Failed",
  refunded: "Refunded",
};

function PaymentList({ payments }: { payments: Payment[] }) {
  return (
    <ul className="payments">
      {payments.map((p) => (
        <li key={p.id}>
          {PAYMENT_LABELS[p.status]} {formatMoney(p.amount, p.currency)}
          {p.card && ` with ${p.card.brand} ending ${p.card.last4}`} on {formatDate(p.createdAt)}
          {p.failureReason && ` (${p.failureReason.replace(/-/g, " ")})`}
          {p.refund && (
            <span className="refund">
              {" "}
              · Refund {formatMoney(p.refund.amount, p.currency)}: {p.refund.status}
              {p.refund.refundedAt && ` on ${formatDate(p.refund.refundedAt)}`}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
