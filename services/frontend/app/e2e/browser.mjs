// What the browser journeys share: where the storefront and its platform are, a Chromium per persona, screenshots,
// the checkout form, keyboard navigation, and axe-core's accessibility audit.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const screenshots = join(here, "..", "..", "e2e-screenshots");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** KEY=value lines of one of the test platform's files, or {} when there is none (a platform started by hand). */
function platformFile(name) {
  const folder = process.env.EMPORIUM_E2E_PLATFORM;
  if (!folder || !existsSync(join(folder, name))) return {};
  return Object.fromEntries(
    readFileSync(join(folder, name), "utf8")
      .split("\n")
      .map((line) => /^([A-Z0-9_]+)=(.*)$/.exec(line))
      .filter(Boolean)
      .map(([, key, value]) => [key, value]),
  );
}

/**
 * A URL the test platform recorded in its services.env (EMPORIUM_E2E_PLATFORM names its run folder); without a
 * test platform (a run by hand against ./emporium start), the environment variable of that name, else fallback.
 */
export function platformUrl(name, fallback) {
  if (!process.env.EMPORIUM_E2E_PLATFORM) return process.env[name] ?? fallback;
  const url = platformFile("services.env")[name];
  assert.ok(url, `no ${name} in ${process.env.EMPORIUM_E2E_PLATFORM}/services.env`);
  return url;
}

/**
 * The run command's storefront on localhost: the host whose cookies the gateway's refresh cookie (SameSite=Strict)
 * shares, as the page calls the gateway under the name it was opened with.
 */
export function storefront() {
  return platformUrl("FRONTEND_URL", process.env.STOREFRONT_URL ?? "http://localhost:3000").replace(
    "//127.0.0.1",
    "//localhost",
  );
}

/** The bootstrap admin's account: the test platform's own, else ADMIN_EMAIL / ADMIN_PASSWORD. */
export function adminAccount() {
  const state = platformFile("e2e.env");
  const email = state.ADMIN_EMAIL ?? process.env.ADMIN_EMAIL;
  const password = state.ADMIN_PASSWORD ?? process.env.ADMIN_PASSWORD;
  assert.ok(email && password, "no admin account: run against the e2e platform, or set ADMIN_EMAIL and ADMIN_PASSWORD");
  return { email, password };
}

/** The test platform's RabbitMQ virtual host on the machine's broker (guest, a development default), or RABBITMQ_URL. */
export function brokerUrl() {
  if (process.env.RABBITMQ_URL) return process.env.RABBITMQ_URL;
  const vhost = platformFile("e2e.env").EMPORIUM_RABBIT_VHOST;
  assert.ok(vhost, "no RabbitMQ virtual host: run against the e2e platform, or set RABBITMQ_URL");
  return `amqp://guest:guest@127.0.0.1:5672/${encodeURIComponent(vhost)}`;
}

/**
 * A Chromium of its own (own profile, so its own cookies) with one page; errors thrown in the page are collected
 * in `errors`. Debian's Chromium, as a test tool's own browser download does not work here.
 */
export async function openBrowser() {
  mkdirSync(screenshots, { recursive: true });
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

/**
 * A full-page screenshot at desktop width and at 360 px, the narrowest phone the storefront is made for; at 360 px
 * nothing may stick out sideways (wide tables scroll inside their own box).
 */
export async function shoot(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(screenshots, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.ok(width <= 360, `${name} is ${width} px wide on a 360 px phone`);
}

/** On a failed test: a screenshot of where it stopped. */
export function screenshotOnFailure(t, page, name) {
  t.after(async () => {
    if (t.passed === false) {
      await page?.screenshot({ path: join(screenshots, `failure-${name}.png`), fullPage: true }).catch(() => {});
    }
  });
}

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

export async function signIn(page, base, { email, password }) {
  await page.goto(base + "/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: /sign out/i }).waitFor();
}

/** Opens the first product of the catalog, adds it to the cart, and answers its name. */
export async function addFirstProduct(page, base) {
  await page.goto(base + "/");
  const product = page.locator("a[href^='/products/']").first();
  const name = (await product.innerText()).split("\n")[0];
  await product.click();
  await page.getByRole("button", { name: /add to cart/i }).click();
  await page.getByText(/added to your cart/i).waitFor();
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

/** Checks out the cart with a good card and waits for the order page to say Confirmed; answers the order id. */
export async function checkOut(page, base, card = "4242 4242 4242 4242") {
  await page.goto(base + "/checkout");
  await fillAddress(page);
  await fillCard(page, card);
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}/);
  await page.getByText("Confirmed").first().waitFor({ timeout: 20_000 });
  return /\/orders\/([0-9a-f-]{36})/.exec(page.url())[1];
}

/** What has the keyboard focus: its tag, role-ish text and label, for matching and for failure messages. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "body", text: "", label: "" };
    const label = el.getAttribute("aria-label") ?? (el.labels?.[0]?.innerText ?? "");
    return { tag: el.tagName.toLowerCase(), text: (el.innerText ?? "").trim(), label: label.trim(), href: el.getAttribute("href") ?? "" };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard user would; fails when it is not
 * reached within `max` presses, naming what was focused on the way.
 */
export async function tabTo(page, matches, { back = false, max = 60 } = {}) {
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const now = await focused(page);
    if (matches(now)) return now;
    seen.push(`${now.tag}:${now.label || now.text || now.href}`.slice(0, 40));
  }
  assert.fail(`not reached with ${back ? "Shift+Tab" : "Tab"} in ${max} presses; focused on the way: ${seen.join(" | ")}`);
}

export const byLabel = (label) => (el) => el.label === label || el.label.startsWith(label);
export const byText = (text) => (el) => el.text === text || (text instanceof RegExp && text.test(el.text));

/**
 * axe-core's audit of the page as it is now (WCAG 2.x A and AA rules and best practices); fails on any serious or
 * critical violation, naming each rule and the elements it found. axe runs in the page through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern.
 */
export async function assertAccessible(page, name) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { resultTypes: ["violations"] }),
  );
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")})`);
  assert.deepEqual(serious, [], `axe-core on ${name}`);
  return result.violations.length;
}
