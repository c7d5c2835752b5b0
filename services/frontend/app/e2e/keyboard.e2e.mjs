// A checkout with the keyboard alone, in Chromium against the e2e platform: no clicks and no filling by selector;
// Tab and Shift+Tab move the focus, Enter follows links and presses buttons, text is typed into what has focus.
// Then the pages the other journeys do not pass are audited by axe-core.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { assertAccessible, byLabel, byText, openBrowser, screenshotOnFailure, storefront, tabTo } from "./browser.mjs";

const base = storefront();
let browser;

before(async () => {
  browser = await openBrowser();
});

after(async () => {
  await browser?.context.close();
});

async function typeInto(page, label, text) {
  await tabTo(page, byLabel(label));
  await page.keyboard.type(text);
}

test("a customer registers, fills the cart and pays with the keyboard alone", async (t) => {
  const { page, errors } = browser;
  screenshotOnFailure(t, page, "keyboard");
  await page.goto(base + "/register");
  await page.getByLabel("Name").waitFor();
  // the skip link comes first, and takes the focus to the page's content
  const skip = await tabTo(page, byText("Skip to content"), { max: 1 });
  assert.equal(skip.tag, "a");
  await typeInto(page, "Name", "Keyboard Only");
  await typeInto(page, "Email", `keyboard-${Date.now()}@example.com`);
  await typeInto(page, "Password", "a perfectly long password");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: /sign out/i }).waitFor();

  await page.goto(base + "/");
  await page.locator("a[href^='/products/']").first().waitFor();
  await tabTo(page, (el) => el.tag === "a" && el.href.startsWith("/products/"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/products\//);
  await page.getByRole("button", { name: /add to cart/i }).waitFor();
  await tabTo(page, byText(/^Add to cart/i));
  await page.keyboard.press("Enter");
  await page.getByText(/added to your cart/i).waitFor();
  await tabTo(page, byText("Go to cart"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/cart$/);
  await page.getByRole("link", { name: "Check out" }).waitFor();
  await tabTo(page, byText("Check out"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/checkout$/);
  await page.getByLabel("Full name").waitFor();

  await typeInto(page, "Full name", "Ada Lovelace");
  await typeInto(page, "Address line 1", "1 Loop Road");
  await typeInto(page, "City", "London");
  await typeInto(page, "Postal code", "N1 9GU");
  await typeInto(page, "Country code", "GB");
  await typeInto(page, "Card number", "4242 4242 4242 4242");
  await typeInto(page, "Expiry (MM/YY)", "12/30");
  await typeInto(page, "Security code", "123");
  await tabTo(page, byText("Place order and pay"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
  await page.getByText("Confirmed").first().waitFor({ timeout: 20_000 });
  assert.deepEqual(errors, []);
});

test("the pages no other journey passes have no serious accessibility violation", async (t) => {
  const { page } = browser;
  screenshotOnFailure(t, page, "audit");
  const pages = [
    ["/cart", /cart is empty/i, "the empty cart"],
    ["/checkout", /cart is empty/i, "the checkout with an empty cart"],
    ["/no-such-page", /Page not found/, "the not-found page"],
    ["/?q=zzzz-nothing", /No products match/, "a search with no result"],
  ];
  for (const [path, text, name] of pages) {
    await page.goto(base + path);
    await page.getByText(text).first().waitFor();
    await assertAccessible(page, name);
  }
  await page.getByRole("button", { name: /sign out/i }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  for (const [path, text, name] of [
    ["/signin", /sign in/i, "the sign-in page"],
    ["/orders", /sign in/i, "my orders signed out"],
    ["/admin", /administrator account/i, "the admin area signed out"],
  ]) {
    await page.goto(base + path);
    await page.getByText(text).first().waitFor();
    await assertAccessible(page, name);
  }
});
