import { Link } from "react-router";
import { MAX_QUANTITY, useCart } from "../cart/cart";
import { PageTitle } from "../components/Layout";
import { formatMoney } from "../format";
import { useApi } from "../services";

export function CartPage() {
  const cart = useCart();
  const api = useApi();

  if (cart.lines.length === 0) {
    return (
      <>
        <PageTitle>Your cart</PageTitle>
        <p>
          Your cart is empty. <Link to="/">Find something in the shop</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <PageTitle>Your cart</PageTitle>
      <ul className="cart-lines">
        {cart.lines.map((line) => (
          <li key={line.productId} className="cart-line">
            <img src={api.imageUrl(line.imageUrl)} alt="" width={96} height={72} />
            <Link to={`/products/${line.productId}`} className="product-name">
              {line.name}
            </Link>
            <span className="price">{formatMoney(line.price, line.currency)}</span>
            <div className="field quantity">
              <label htmlFor={`qty-${line.productId}`}>
                Quantity<span className="visually-hidden"> of {line.name}</span>
              </label>
              <input
                id={`qty-${line.productId}`}
                type="number"
                inputMode="numeric"
                min={1}
                max={MAX_QUANTITY}
                value={line.quantity}
                onChange={(e) => {
                  const quantity = Number.parseInt(e.target.value, 10);
                  if (quantity >= 1) cart.setQuantity(line.productId, quantity);
                }}
              />
            </div>
            <span className="line-total">{formatMoney(line.price * line.quantity, line.currency)}</span>
            <button type="button" className="link-button" onClick={() => cart.remove(line.productId)}>
              Remove<span className="visually-hidden"> {line.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <p className="cart-total">
        Total: <strong>{formatMoney(cart.total, cart.currency ?? "USD")}</strong>
      </p>
      <p className="muted">Prices are confirmed when you place the order.</p>
      <Link to="/checkout" className="button primary">
        Check out
      </Link>
    </>
  );
}
