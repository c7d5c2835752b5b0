// How soon the catalog shows real data: Chromium opens the storefront's first page RUNS times with an empty
// cache (a new profile each time) and RUNS times warm, and the figure is the time from the start of navigation
// to the first product card drawn with its price (the catalog's answer from the gateway, rendered). Prints the
// median and the slowest of each. Usage: node bench/storefront-first-page.mjs STOREFRONT_URL [RUNS]
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const app = join(dirname(fileURLToPath(import.meta.url)), "..", "services", "frontend", "app");
const { chromium } = createRequire(join(app, "package.json"))("playwright-core");
const [url, runsArg] = process.argv.slice(2);
if (!url) {
  console.error("usage: node bench/storefront-first-page.mjs STOREFRONT_URL [RUNS]");
  process.exit(2);
}
const runs = Number(runsArg ?? 10);
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

async function launch() {
  const profile = mkdtempSync(join(tmpdir(), "storefront-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args,
    viewport: { width: 1280, height: 900 },
  });
  return { context, page: context.pages()[0] ?? (await context.newPage()), profile };
}

/** Milliseconds from navigation start to the first product card with its price on screen. */
async function firstData(page) {
  await page.goto(url, { waitUntil: "commit" });
  await page.locator(".product-card .price").first().waitFor({ timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, slowest ${sorted.at(-1).toFixed(0)} ms`;
};

const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const browser = await launch();
  cold.push(await firstData(browser.page));
  warm.push(await firstData(browser.page));
  await browser.context.close();
  rmSync(browser.profile, { recursive: true, force: true });
}
console.log(`catalog with real data, ${runs} cold loads (empty cache): ${stats(cold)}`);
console.log(`catalog with real data, ${runs} warm loads (cached assets): ${stats(warm)}`);
