import { useState } from "react";
import { useSearchParams } from "react-router";
import type { Order, OrderStatus } from "../api/types";
import { PageTitle } from "../components/Layout";
import { useAsync } from "../components/useAsync";
import { formatDate, formatMoney } from "../format";
import { STATUS_LABELS } from "../pages/OrdersPages";
import { AdminTable } from "./AdminTable";
import { useAdminApi } from "./context";
import { OutcomeLine, useBusy, useOutcome } from "./Outcome";
import { ApiError } from "../api/ApiError";

const STATUSES: OrderStatus[] = ["pending", "confirmed", "shipped", "delivered", "cancelled"];

/** The step an admin takes next with an order in this state, if any. */
const NEXT_STEP: Partial<Record<OrderStatus, { label: string; act: "ship" | "deliver"; result: string }>> = {
  confirmed: { label: "Ship", act: "ship", result: "shipped" },
  shipped: { label: "Mark delivered", act: "deliver", result: "delivered" },
};

/** Every customer's orders, newest first, filtered by status; confirmed ones are shipped, shipped ones delivered. */
export function OrdersAdmin() {
  const admin = useAdminApi();
  const [params, setParams] = useSearchParams();
  const status = (STATUSES as string[]).includes(params.get("status") ?? "") ? (params.get("status") as OrderStatus) : "";
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const [changed, setChanged] = useState<Record<string, Order>>({});
  const { busy, start, end } = useBusy();
  const [reloads, setReloads] = useState(0);
  const { outcome, done, failed, clear } = useOutcome();
  const orders = useAsync(() => admin.orders({ status, page }), [admin, status, page, reloads]);

  const step = async (order: Order, act: "ship" | "deliver", result: string) => {
    clear();
    start(order.orderId);
    try {
      const next = act === "ship" ? await admin.ship(order.orderId) : await admin.deliver(order.orderId);
      setChanged((all) => ({ ...all, [next.orderId]: next }));
      done(`Order ${next.orderId.slice(0, 8)} is ${result}.`);
    } catch (error) {
      failed(error);
      // someone else moved (or removed) the order meanwhile: show it as it is now
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
        setChanged({});
        setReloads((n) => n + 1);
      }
    } finally {
      end(order.orderId);
    }
  };

  return (
    <>
      <PageTitle>Admin: orders</PageTitle>
      <div className="filters">
        <div className="field">
          <label htmlFor="admin-order-status">Status</label>
          <select
            id="admin-order-status"
            value={status}
            onChange={(e) => (setChanged({}), setParams(e.target.value ? { status: e.target.value } : {}))}
          >
            <option value="">All orders</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <OutcomeLine outcome={outcome} />
      <AdminTable
        state={orders}
        loading="Loading orders…"
        empty={<p>No orders{status ? ` with the status ${STATUS_LABELS[status].toLowerCase()}` : ""}.</p>}
        caption="Orders, newest first"
        columns={["Order", "Placed", "Ship to", "Items", "Total", "Status", { hidden: "Next step" }]}
        page={page}
        onPage={(n) => setParams({ ...(status ? { status } : {}), page: String(n) })}
        row={(listed) => {
          const order = changed[listed.orderId] ?? listed;
          const next = NEXT_STEP[order.status];
          const short = order.orderId.slice(0, 8);
          return (
            <tr key={order.orderId} data-order-id={order.orderId}>
              <th scope="row">
                <code title={order.orderId}>{short}</code>
              </th>
              <td>{formatDate(order.placedAt)}</td>
              <td>
                {order.shippingAddress.name}, {order.shippingAddress.city} ({order.shippingAddress.country})
              </td>
              <td>{order.items.reduce((n, item) => n + item.quantity, 0)}</td>
              <td>{formatMoney(order.totalAmount, order.currency)}</td>
              <td>{STATUS_LABELS[order.status]}</td>
              <td>
                {next && (
                  <button
                    type="button"
                    disabled={busy.has(order.orderId)}
                    onClick={() => void step(order, next.act, next.result)}
                  >
                    {next.label}
                    <span className="visually-hidden"> order {short}</span>
                  </button>
                )}
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}
