import { render, screen } from "@testing-library/react";
import { App } from "./App";

test("shows the shop's name", () => {
  render(<App />);
  expect(screen.getByRole("heading", { name: "Emporium" })).toBeInTheDocument();
});
