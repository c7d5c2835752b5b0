import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { ApiError } from "../api/ApiError";
import { PageTitle } from "../components/Layout";
import { useAsync } from "../components/useAsync";
import { formatMoney } from "../format";
import type { AdminProduct, NewProduct, ProductDetails } from "./adminApi";
import { AdminTable } from "./AdminTable";
import { useAdminApi } from "./context";
import { OutcomeLine, useOutcome } from "./Outcome";

type Editing = { mode: "new" } | { mode: "edit"; product: AdminProduct } | null;

/** Products and their stock: search, create, edit details, and move stock by a delta. */
export function ProductsAdmin() {
  const admin = useAdminApi();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const [search, setSearch] = useState(q);
  const [reloads, setReloads] = useState(0);
  const [changed, setChanged] = useState<Record<string, AdminProduct>>({});
  const [editing, setEditing] = useState<Editing>(null);
  const { outcome, done, failed, clear } = useOutcome();
  const products = useAsync(() => admin.products({ q, page }), [admin, q, page, reloads]);

  useEffect(() => setSearch(q), [q]);

  const reload = () => {
    setChanged({});
    setReloads((n) => n + 1);
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(search.trim() ? { q: search.trim() } : {});
  };
  /** A write based on a version someone else replaced gets 412: show the product as it now is. */
  const onWriteFailed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 412) {
      failed(new ApiError(412, { detail: "Someone changed this product meanwhile. It is shown as it is now; try again." }));
      setEditing(null);
      reload();
    } else {
      failed(error);
    }
  };
  const saved = (product: AdminProduct, text: string) => {
    setChanged((all) => ({ ...all, [product.productId]: product }));
    done(text);
  };

  return (
    <>
      <PageTitle>Admin: products and stock</PageTitle>
      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="admin-q">Search products</label>
          <input id="admin-q" type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit">Search</button>
        <button type="button" className="primary" onClick={() => (clear(), setEditing({ mode: "new" }))}>
          New product
        </button>
      </form>
      <OutcomeLine outcome={outcome} />
      {editing && (
        <ProductForm
          key={editing.mode === "edit" ? editing.product.productId : "new"}
          product={editing.mode === "edit" ? (changed[editing.product.productId] ?? editing.product) : null}
          onCancel={() => setEditing(null)}
          onSubmit={async (details, sku, onHand) => {
            clear();
            try {
              if (editing.mode === "edit") {
                const current = changed[editing.product.productId] ?? editing.product;
                saved(await admin.updateProduct(current, details), `${details.name} is saved.`);
              } else {
                const { image, ...rest } = details;
                const fresh: NewProduct = { ...rest, ...(image ? { image } : {}), sku, onHand };
                const created = await admin.createProduct(fresh);
                done(`${created.name} (${created.sku}) is in the catalog.`);
                reload();
              }
              setEditing(null);
            } catch (error) {
              onWriteFailed(error);
            }
          }}
        />
      )}
      <AdminTable
        state={products}
        loading="Loading products…"
        summary={(found) => (
          <p className="result-count">
            {found.totalItems} product{found.totalItems === 1 ? "" : "s"}
          </p>
        )}
        caption="Products with their stock"
        columns={["Product", "Price", "On hand", "Reserved", "Available", "Change stock", { hidden: "Edit" }]}
        page={page}
        onPage={(next) => setParams({ ...(q ? { q } : {}), page: String(next) })}
        row={(listed) => {
          const product = changed[listed.productId] ?? listed;
          return (
            <tr key={product.productId}>
              <th scope="row">
                {product.name}
                <span className="muted sku">
                  {product.sku} · {product.category}
                </span>
              </th>
              <td>{formatMoney(product.price, product.currency)}</td>
              <td>{product.onHand}</td>
              <td>{product.reserved}</td>
              <td>{product.available}</td>
              <td>
                <StockChange
                  product={product}
                  onSubmit={async (delta) => {
                    clear();
                    try {
                      const next = await admin.adjustStock(product, delta);
                      saved(next, `${next.name}: ${next.onHand} on hand, ${next.available} available.`);
                      return true;
                    } catch (error) {
                      onWriteFailed(error);
                      return false;
                    }
                  }}
                />
              </td>
              <td>
                <button type="button" onClick={() => (clear(), setEditing({ mode: "edit", product }))}>
                  Edit<span className="visually-hidden"> {product.name}</span>
                </button>
              </td>
            </tr>
          );
        }}
      />
    </>
  );
}

function StockChange({ product, onSubmit }: { product: AdminProduct; onSubmit: (delta: number) => Promise<boolean> }) {
  const id = useId();
  const [delta, setDelta] = useState("");
  const [busy, setBusy] = useState(false);
  const value = Number(delta);
  const valid = delta.trim() !== "" && Number.isInteger(value) && value !== 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    if (await onSubmit(value)) setDelta("");
    setBusy(false);
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="visually-hidden">
        Stock change for {product.name} (for example 20 or -3)
      </label>
      <input
        id={id}
        type="number"
        step={1}
        inputMode="numeric"
        placeholder="+/-"
        value={delta}
        onChange={(e) => setDelta(e.target.value)}
        className="delta"
      />
      <button type="submit" disabled={!valid || busy}>
        Apply<span className="visually-hidden"> stock change for {product.name}</span>
      </button>
    </form>
  );
}

function ProductForm({
  product,
  onSubmit,
  onCancel,
}: {
  product: AdminProduct | null;
  onSubmit: (details: ProductDetails, sku: string, onHand: number) => Promise<void>;
  onCancel: () => void;
}) {
  const prefix = useId();
  const [fields, setFields] = useState({
    sku: product?.sku ?? "",
    name: product?.name ?? "",
    description: product?.description ?? "",
    price: product ? String(product.price) : "",
    category: product?.category ?? "",
    image: product?.image ?? "",
    onHand: "0",
  });
  const [busy, setBusy] = useState(false);
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) =>
    setFields((all) => ({ ...all, [name]: e.target.value }));
  const field = (name: keyof typeof fields, label: string, props: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input id={`${prefix}-${name}`} value={fields[name]} onChange={set(name)} {...props} />
    </div>
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const details: ProductDetails = {
      name: fields.name.trim(),
      description: fields.description.trim(),
      price: Number(fields.price),
      category: fields.category.trim(),
      image: fields.image.trim(),
    };
    await onSubmit(details, fields.sku.trim(), Number(fields.onHand));
    setBusy(false);
  };
  const title = product ? `Edit ${product.name}` : "New product";
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <form className="stack narrow admin-form" onSubmit={(e) => void submit(e)} aria-label={title}>
      <h2 ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {!product && field("sku", "SKU", { required: true, minLength: 3, maxLength: 32, pattern: "[A-Za-z0-9]+(-[A-Za-z0-9]+)*" })}
      {field("name", "Name", { required: true, maxLength: 200 })}
      <div className="field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea
          id={`${prefix}-description`}
          value={fields.description}
          onChange={set("description")}
          maxLength={2000}
          rows={3}
        />
      </div>
      {field("price", "Price", { required: true, type: "number", min: "0.01", step: "0.01", inputMode: "decimal" })}
      {field("category", "Category (lower case, e.g. home-office)", {
        required: true,
        maxLength: 40,
        pattern: "[a-z0-9]+(-[a-z0-9]+)*",
      })}
      {field("image", "Image file (e.g. desk-lamp.svg)", {
        required: product !== null,
        pattern: "[a-z0-9]+(-[a-z0-9]+)*\\.svg",
      })}
      {!product && field("onHand", "Stock on hand", { required: true, type: "number", min: 0, step: 1 })}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {product ? "Save" : "Create product"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
