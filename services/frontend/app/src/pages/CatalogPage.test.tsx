import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeFetch, json, refreshRefused, renderApp, type Route } from "../test/harness";

const lamp = {
  productId: "p-1",
  sku: "LAMP-1",
  name: "Desk lamp",
  description: "A warm light.",
  price: 39.5,
  currency: "USD",
  category: "home",
  imageUrl: "/api/inventory/images/lamp.jpg",
  available: 3,
};
const mug = { ...lamp, productId: "p-2", sku: "MUG-1", name: "Mug", price: 8, available: 0 };

const catalog: Route = (url) => {
  if (url.pathname === "/api/inventory/categories") {
    return json({ items: [{ name: "home", productCount: 2 }, { name: "coffee", productCount: 4 }] });
  }
  if (url.pathname === "/api/inventory/products") {
    return json({ items: [lamp, mug], page: Number(url.searchParams.get("page") ?? 0), size: 12, totalItems: 30, totalPages: 3 });
  }
  if (url.pathname === "/api/inventory/products/p-1") return json(lamp);
  if (url.pathname === "/api/inventory/products/p-2") return json(mug);
  return undefined;
};

test("shows products with images from the gateway, prices and availability", async () => {
  await renderApp("/", fakeFetch(refreshRefused, catalog));

  const first = (await screen.findByText("Desk lamp")).closest("li")!;
  expect(within(first).getByText("$39.50")).toBeInTheDocument();
  expect(within(first).getByText("Only 3 left")).toBeInTheDocument();
  expect(first.querySelector("img")).toHaveAttribute("src", "http://gw.test/api/inventory/images/lamp.jpg");
  expect(screen.getByText("Out of stock")).toBeInTheDocument();
  expect(screen.getByText("Page 1 of 3")).toBeInTheDocument();
});

test("asks the catalog for the search, category, sort and page the customer picks", async () => {
  const fetchFn = fakeFetch(refreshRefused, catalog);
  const user = userEvent.setup();
  await renderApp("/", fetchFn);
  await screen.findByText("Desk lamp");

  await user.type(screen.getByLabelText("Search"), "lamp");
  await user.click(screen.getByRole("button", { name: "Search" }));
  await user.selectOptions(await screen.findByLabelText("Category"), "coffee");
  await user.selectOptions(screen.getByLabelText("Sort by"), "price,desc");
  await user.click(await screen.findByRole("button", { name: "Next" }));
  await screen.findByText("Page 2 of 3");

  const last = new URL(String(fetchFn.mock.calls.filter(([u]) => String(u).includes("/products?")).at(-1)![0]));
  expect(Object.fromEntries(last.searchParams)).toEqual({
    q: "lamp",
    category: "coffee",
    sort: "price,desc",
    page: "1",
    size: "12",
  });
});

test("a product page offers a product in stock for the cart", async () => {
  const user = userEvent.setup();
  await renderApp("/products/p-1", fakeFetch(refreshRefused, catalog));

  await user.click(await screen.findByRole("button", { name: "Add to cart" }));

  expect(screen.getByRole("heading", { name: "Desk lamp" })).toBeInTheDocument();
  expect(screen.getByText("A warm light.")).toBeInTheDocument();
  expect(JSON.parse(localStorage.getItem("emporium.cart")!)).toMatchObject([{ productId: "p-1", quantity: 1 }]);
});

test("a product out of stock cannot be added to the cart", async () => {
  await renderApp("/products/p-2", fakeFetch(refreshRefused, catalog));

  expect(await screen.findByRole("button", { name: "Add to cart" })).toBeDisabled();
  expect(screen.getByText("Out of stock")).toBeInTheDocument();
});
