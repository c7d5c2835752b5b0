// The storefront in a real browser (Debian's Chromium, driven by playwright-core) against the platform the e2e
// module started: a new customer registers, browses, fills the cart, checks out with a declined card and then a
// good one, and sees the order confirmed. Screenshots of the main pages at desktop and phone widths go to
// services/frontend/e2e-screenshots/ (ignored by git).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const screenshots = join(here, "..", "..", "e2e-screenshots");

/** The storefront's URL on localhost (the host whose cookies the gateway's refresh cookie shares). */
function storefront() {
  const folder = process.env.EMPORIUM_E2E_PLATFORM;
  if (!folder) {
    return process.env.STOREFRONT_URL ?? "http://localhost:3000";
  }
  const env = readFileSync(join(folder, "services.env"), "utf8");
  const url = /^FRONTEND_URL=(.+)$/m.exec(env)?.[1];
  assert.ok(url, `no FRONTEND_URL in ${folder}/services.env`);
  return url.replace("127.0.0.1", "localhost");
}

const base = storefront();
let context;
let page;
const pageErrors = [];

before(async () => {
  mkdirSync(screenshots, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "storefront-e2e-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await context?.close();
});

async function shoot(name) {
  await page.screenshot({ path: join(screenshots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(screenshots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function fillAddressAndCard(card) {
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Address line 1").fill("1 Loop Road");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Postal code").fill("N1 9GU");
  await page.getByLabel(/^Country code/).fill("GB");
  await fillCard(card);
}

async function fillCard(card) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code").fill("123");
}

test("a new customer browses, is declined, pays with another card and sees the order confirmed", async (t) => {
  t.after(async () => {
    if (pageErrors.length > 0 || t.passed === false) {
      await page.screenshot({ path: join(screenshots, "failure.png"), fullPage: true }).catch(() => {});
    }
  });
  await page.goto(base + "/");
  await page.getByRole("heading", { name: "Shop" }).waitFor();
  await page.locator("a[href^='/products/']").first().waitFor();
  assert.match(await page.getByText(/\d+ products/).first().innerText(), /\d+ products/);
  await shoot("catalog");

  await page.goto(base + "/register");
  await page.getByLabel("Name").fill("Browser Test");
  await page.getByLabel("Email").fill(`browser-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a perfectly long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: /sign out/i }).waitFor();

  await page.goto(base + "/");
  const product = page.locator("a[href^='/products/']").first();
  const productName = (await product.innerText()).split("\n")[0];
  await product.click();
  await page.getByRole("button", { name: /add to cart/i }).click();
  await shoot("product");
  await page.reload();
  await page.getByRole("button", { name: /sign out/i }).waitFor();

  await page.goto(base + "/cart");
  await page.getByText(productName).first().waitFor();
  await shoot("cart");

  await page.goto(base + "/checkout");
  await fillAddressAndCard("4000 0000 0000 0002");
  await shoot("checkout");
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.getByText(/declined/i).first().waitFor();

  await fillCard("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
  await page.getByText("Confirmed").first().waitFor({ timeout: 20_000 });
  assert.match(await page.getByText(/ending 4242/).first().innerText(), /visa ending 4242/i);
  await shoot("order");

  await page.goto(base + "/cart");
  await page.getByText(/cart is empty/i).first().waitFor();
  assert.deepEqual(pageErrors, []);
});
