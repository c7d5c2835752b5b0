import { lazy, Suspense, useEffect } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { CartProvider } from "./cart/cart";
import { Layout } from "./components/Layout";
import { CatalogPage } from "./pages/CatalogPage";
import { ProductPage } from "./pages/ProductPage";
import { SignInPage, RegisterPage } from "./pages/AuthPages";
import { CartPage } from "./pages/CartPage";
import { CheckoutPage } from "./pages/CheckoutPage";
import { OrdersPage, OrderPage } from "./pages/OrdersPages";
import { NotFoundPage } from "./pages/NotFoundPage";
import { ServicesProvider, type Services } from "./services";

/** Its own chunk: a customer's first page does not carry the admin area's code. */
const AdminArea = lazy(() => import("./admin/AdminArea"));

export function AppRoutes() {
  return (
    <Layout>
      <Routes>
        <Route path="/" element={<CatalogPage />} />
        <Route path="/products/:id" element={<ProductPage />} />
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/cart" element={<CartPage />} />
        <Route path="/checkout" element={<CheckoutPage />} />
        <Route path="/orders" element={<OrdersPage />} />
        <Route path="/orders/:id" element={<OrderPage />} />
        <Route
          path="/admin/*"
          element={
            <Suspense fallback={<p role="status">Loading…</p>}>
              <AdminArea />
            </Suspense>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

export function App({ services }: { services: Services }) {
  useEffect(() => {
    void services.session.restore();
  }, [services]);
  return (
    <ServicesProvider services={services}>
      <CartProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </CartProvider>
    </ServicesProvider>
  );
}
