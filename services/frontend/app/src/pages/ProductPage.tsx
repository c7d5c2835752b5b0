import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCart } from "../cart/cart";
import { PageTitle } from "../components/Layout";
import { describeError } from "../components/messages";
import { useAsync } from "../components/useAsync";
import { availability, formatMoney } from "../format";
import { useApi } from "../services";

export function ProductPage() {
  const { id = "" } = useParams();
  const api = useApi();
  const cart = useCart();
  const product = useAsync(() => api.product(id), [api, id]);
  const [added, setAdded] = useState(false);

  if (product.status === "loading") return <p role="status">Loading…</p>;
  if (product.status === "failed") {
    return (
      <>
        <PageTitle>Product</PageTitle>
        <p role="alert" className="error">
          {describeError(product.error)}
        </p>
        <Link to="/">Back to the shop</Link>
      </>
    );
  }
  const p = product.value;
  const stock = availability(p.available);
  return (
    <article className="product-detail">
      <img src={api.imageUrl(p.imageUrl)} alt={p.name} width={640} height={480} />
      <div>
        <PageTitle>{p.name}</PageTitle>
        <p className="price">{formatMoney(p.price, p.currency)}</p>
        <p className={stock.inStock ? "stock" : "stock out"}>{stock.label}</p>
        <p>{p.description}</p>
        <p className="muted">
          Category: <Link to={`/?category=${encodeURIComponent(p.category)}`}>{p.category}</Link> · SKU {p.sku}
        </p>
        <button
          type="button"
          className="primary"
          disabled={!stock.inStock}
          onClick={() => {
            cart.add(p);
            setAdded(true);
          }}
        >
          Add to cart
        </button>
        <p role="status" className="added">
          {added && (
            <>
              Added to your cart. <Link to="/cart">Go to cart</Link>
            </>
          )}
        </p>
      </div>
    </article>
  );
}
