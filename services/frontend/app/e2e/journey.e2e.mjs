// The storefront in a real browser (Debian's Chromium, driven by playwright-core) against the platform the e2e
// module started: a new customer registers, browses, fills the cart, checks out with a declined card and then a
// good one, and sees the order confirmed. Screenshots of the main pages at desktop and phone widths go to
// services/frontend/e2e-screenshots/ (ignored by git).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  addFirstProduct, fillAddress, fillCard, openBrowser, register, screenshotOnFailure, shoot, storefront,
} from "./browser.mjs";

const base = storefront();
let browser;

before(async () => {
  browser = await openBrowser();
});

after(async () => {
  await browser?.context.close();
});

test("a new customer browses, is declined, pays with another card and sees the order confirmed", async (t) => {
  const { page, errors } = browser;
  screenshotOnFailure(t, page, "journey");
  await page.goto(base + "/");
  await page.getByRole("heading", { name: "Shop" }).waitFor();
  await page.locator("a[href^='/products/']").first().waitFor();
  assert.match(await page.getByText(/\d+ products/).first().innerText(), /\d+ products/);
  await shoot(page, "catalog");

  await register(page, base);

  const productName = await addFirstProduct(page, base);
  await shoot(page, "product");
  await page.reload();
  await page.getByRole("button", { name: /sign out/i }).waitFor();

  await page.goto(base + "/cart");
  await page.getByText(productName).first().waitFor();
  await shoot(page, "cart");

  await page.goto(base + "/checkout");
  await fillAddress(page);
  await fillCard(page, "4000 0000 0000 0002");
  await shoot(page, "checkout");
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.getByText(/declined/i).first().waitFor();

  await fillCard(page, "4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
  await page.getByText("Confirmed").first().waitFor({ timeout: 20_000 });
  assert.match(await page.getByText(/ending 4242/).first().innerText(), /visa ending 4242/i);
  await shoot(page, "order");

  await page.goto(base + "/cart");
  await page.getByText(/cart is empty/i).first().waitFor();
  assert.deepEqual(errors, []);
});
