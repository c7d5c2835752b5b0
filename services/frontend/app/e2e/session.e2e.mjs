// The session across page loads, in Chromium against the e2e platform. Each load renews the access token with the
// refresh cookie, which rotates it; a load that starts before the previous renewal answered never receives the
// rotated cookie and presents the old one again. user-service's reuse grace must keep that customer signed in.
import { after, before, test } from "node:test";
import { openBrowser, register, screenshotOnFailure, storefront } from "./browser.mjs";

const base = storefront();
let browser;

before(async () => {
  browser = await openBrowser();
});

after(async () => {
  await browser?.context.close();
});

test("a customer who reloads pages in quick succession stays signed in", async (t) => {
  const { page } = browser;
  screenshotOnFailure(t, page, "session");
  await register(page, base, "Quick Reloader");
  for (let i = 0; i < 8; i++) {
    // the next load starts as soon as this one's response begins: its renewal is usually still in flight
    await page.goto(base + (i % 2 ? "/cart" : "/"), { waitUntil: "commit" });
    await page.waitForTimeout(30 + i * 20);
  }
  await page.goto(base + "/orders");
  await page.getByRole("button", { name: /sign out/i }).waitFor({ timeout: 8_000 });
  await page.getByRole("heading", { name: "My orders" }).waitFor();
});
