import { availability, formatMoney } from "./format";

test("formats a price in the product's currency", () => {
  expect(formatMoney(12.5, "USD", "en-US")).toBe("$12.50");
  expect(formatMoney(1234, "EUR", "de-DE")).toBe("1.234,00\u00a0€");
});

test("says how much is available", () => {
  expect(availability(20)).toEqual({ label: "In stock", inStock: true });
  expect(availability(6)).toEqual({ label: "In stock", inStock: true });
  expect(availability(5)).toEqual({ label: "Only 5 left", inStock: true });
  expect(availability(1)).toEqual({ label: "Only 1 left", inStock: true });
  expect(availability(0)).toEqual({ label: "Out of stock", inStock: false });
});
