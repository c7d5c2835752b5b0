import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { Product } from "../api/types";
import { PageTitle } from "../components/Layout";
import { describeError } from "../components/messages";
import { Pager } from "../components/Pager";
import { useAsync } from "../components/useAsync";
import { availability, formatMoney } from "../format";
import { useApi } from "../services";

export const PAGE_SIZE = 12;

const SORTS = [
  { value: "", label: "Name" },
  { value: "price,asc", label: "Price: low to high" },
  { value: "price,desc", label: "Price: high to low" },
];

/** The catalog; its search, category, sort and page live in the URL so they survive reloads and links. */
export function CatalogPage() {
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const category = params.get("category") ?? "";
  const sort = params.get("sort") ?? "";
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const [search, setSearch] = useState(q);

  useEffect(() => setSearch(q), [q]);

  const products = useAsync(
    () => api.products({ q, category, sort, page, size: PAGE_SIZE }),
    [api, q, category, sort, page],
  );
  const categories = useAsync(() => api.categories(), [api]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next);
  };

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ q: search.trim() });
  };

  return (
    <>
      <PageTitle>Shop</PageTitle>
      <form className="filters" role="search" onSubmit={onSearch}>
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" type="search" value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <button type="submit">Search</button>
        <div className="field">
          <label htmlFor="category">Category</label>
          <select id="category" value={category} onChange={(e) => update({ category: e.target.value })}>
            <option value="">All categories</option>
            {categories.status === "done" &&
              categories.value.map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name} ({c.productCount})
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sort">Sort by</label>
          <select id="sort" value={sort} onChange={(e) => update({ sort: e.target.value })}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      {products.status === "loading" && <p role="status">Loading products…</p>}
      {products.status === "failed" && (
        <p role="alert" className="error">
          {describeError(products.error)}
        </p>
      )}
      {products.status === "done" && (
        <>
          <p role="status" className="result-count">
            {products.value.totalItems === 0
              ? "No products match."
              : `${products.value.totalItems} product${products.value.totalItems === 1 ? "" : "s"}`}
          </p>
          <ul className="product-grid">
            {products.value.items.map((product) => (
              <ProductCard key={product.productId} product={product} />
            ))}
          </ul>
          <Pager
            page={page}
            totalPages={products.value.totalPages}
            onPage={(next) => update({ page: String(next) })}
          />
        </>
      )}
    </>
  );
}

function ProductCard({ product }: { product: Product }) {
  const api = useApi();
  const stock = availability(product.available);
  return (
    <li className="product-card">
      <Link to={`/products/${product.productId}`}>
        <img src={api.imageUrl(product.imageUrl)} alt="" width={320} height={240} loading="lazy" />
        <span className="product-name">{product.name}</span>
      </Link>
      <span className="price">{formatMoney(product.price, product.currency)}</span>
      <span className={stock.inStock ? "stock" : "stock out"}>{stock.label}</span>
    </li>
  );
}
