// What the browser journeys (e2e/*.e2e.mjs) share: where the platform is, Debian's Chromium driven by
// playwright-core, screenshots, and the steps a customer takes in the shop.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const screenshots = join(here, "..", "..", "e2e-screenshots");

/**
 * A URL the test platform recorded in its services.env (EMPORIUM_E2E_PLATFORM names its run folder); without a
 * test platform (a run by hand against ./emporium start), the environment variable of that name, else fallback.
 */
export function platformUrl(name, fallback) {
  const folder = process.env.EMPORIUM_E2E_PLATFORM;
  if (!folder) {
    return process.env[name] ?? fallback;
  }
  const file = join(folder, "services.env");
  const url = existsSync(file) ? new RegExp(`^${name}=(.+)$`, "m").exec(readFileSync(file, "utf8"))?.[1] : undefined;
  assert.ok(url, `no ${name} in ${file}`);
  return url;
}

/**
 * The run command's storefront on localhost: the host whose cookies the gateway's refresh cookie (SameSite=Strict)
 * shares, as the page calls the gateway under the name it was opened with.
 */
export function storefront() {
  return platformUrl("FRONTEND_URL", process.env.STOREFRONT_URL ?? "http://localhost:3000")
    .replace("//127.0.0.1", "//localhost");
}

/** Debian's Chromium, headless, with a fresh profile and one page; errors thrown in the page go to `errors`. */
export async function openBrowser() {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "storefront-e2e-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.setDefaultTimeout(15_000);
  return { context, page, errors };
}

/** A full-page screenshot at desktop width and at 360 px, under services/frontend/e2e-screenshots/. */
export async function shoot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.screenshot({ path: join(screenshots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** When the test fails: a screenshot of where it stopped (failure-NAME.png). */
export function screenshotOnFailure(t, page, name) {
  t.after(async () => {
    if (t.passed === false) {
      mkdirSync(screenshots, { recursive: true });
      await page?.screenshot({ path: join(screenshots, `failure-${name}.png`), fullPage: true }).catch(() => {});
    }
  });
}

/** A new customer registers and is then signed in; answers the account's email. */
export async function register(page, base, name = "Browser Test") {
  const email = `browser-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto(base + "/register");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a perfectly long password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: /sign out/i }).waitFor();
  return email;
}

/** Opens the catalog's first product and adds it to the cart; answers the product's name. */
export async function addFirstProduct(page, base) {
  await page.goto(base + "/");
  const product = page.locator("a[href^='/products/']").first();
  const name = (await product.innerText()).split("\n")[0];
  await product.click();
  await page.getByRole("button", { name: /add to cart/i }).click();
  return name;
}

export async function fillAddress(page) {
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Address line 1").fill("1 Loop Road");
  await page.getByLabel("City").fill("London");
  await page.getByLabel("Postal code").fill("N1 9GU");
  await page.getByLabel(/^Country code/).fill("GB");
}

export async function fillCard(page, card) {
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code").fill("123");
}

/** Checks the cart out with a good card and waits until the order's page says Confirmed; answers the order id. */
export async function checkOut(page, base, card = "4242 4242 4242 4242") {
  await page.goto(base + "/checkout");
  await fillAddress(page);
  await fillCard(page, card);
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
  await page.getByText("Confirmed").first().waitFor({ timeout: 20_000 });
  return /\/orders\/([0-9a-f-]{36})/.exec(page.url())[1];
}
