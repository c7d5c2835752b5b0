import { useEffect, useRef, type ReactNode } from "react";
import { Link, NavLink, useLocation, useNavigate } from "react-router";
import { useCart } from "../cart/cart";
import { useServices, useSession } from "../services";

/** Header, navigation and the main landmark; moves focus to the page's content when the route changes. */
export function Layout({ children }: { children: ReactNode }) {
  const { session } = useServices();
  const state = useSession();
  const cart = useCart();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const signOut = async () => {
    await session.logout();
    navigate("/");
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Emporium
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink to="/" end>
                Shop
              </NavLink>
            </li>
            <li>
              <NavLink to="/cart">
                Cart <span className="badge">{cart.count}</span>
                <span className="visually-hidden"> items</span>
              </NavLink>
            </li>
            {state.status === "signedIn" ? (
              <>
                <li>
                  <NavLink to="/orders">My orders</NavLink>
                </li>
                {state.user.roles.includes("admin") && (
                  <li>
                    <NavLink to="/admin">Admin</NavLink>
                  </li>
                )}
                <li className="account">
                  <span className="who">{state.user.displayName}</span>
                  <button type="button" className="link-button" onClick={() => void signOut()}>
                    Sign out
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/signin">Sign in</NavLink>
                </li>
                <li>
                  <NavLink to="/register">Register</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
      </header>
      {state.status === "signedOut" && state.notice && (
        <div className="notice" role="status">
          {state.notice}
        </div>
      )}
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Emporium, a reference shop. Card details go to the card processor only.</p>
      </footer>
    </>
  );
}

export function PageTitle({ children }: { children: string }) {
  useEffect(() => {
    document.title = `${children} · Emporium`;
  }, [children]);
  return <h1>{children}</h1>;
}
