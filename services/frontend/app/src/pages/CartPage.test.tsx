import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CART_KEY } from "../cart/cart";
import { fakeFetch, renderApp } from "../test/harness";

const lines = [
  { productId: "p-1", name: "Desk lamp", price: 39.5, currency: "USD", imageUrl: "/a.svg", quantity: 1 },
  { productId: "p-2", name: "Mug", price: 8, currency: "USD", imageUrl: "/b.svg", quantity: 2 },
];

test("shows the cart kept across reloads with its total", async () => {
  localStorage.setItem(CART_KEY, JSON.stringify(lines));
  await renderApp("/cart", fakeFetch());

  expect(screen.getByText("Total:")).toHaveTextContent("$55.50");
});

test("changes quantities and removes lines, and remembers it", async () => {
  localStorage.setItem(CART_KEY, JSON.stringify(lines));
  const user = userEvent.setup();
  await renderApp("/cart", fakeFetch());

  const quantity = screen.getByLabelText("Quantity of Desk lamp");
  fireEvent.change(quantity, { target: { value: "3" } });
  await user.click(screen.getByRole("button", { name: "Remove Mug" }));

  expect(screen.getByText("Total:")).toHaveTextContent("$118.50");
  expect(JSON.parse(localStorage.getItem(CART_KEY)!)).toEqual([{ ...lines[0], quantity: 3 }]);
});
