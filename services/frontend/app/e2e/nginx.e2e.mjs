// The storefront served by the container's nginx configuration (services/frontend/nginx) instead of the run
// command's Java server: rendered by the container's own renderer (nginx/render.sh) into a temporary folder,
// checked with `nginx -t`, then run by Debian's nginx as an unprivileged user on the port the e2e platform
// keeps for it (NGINX_STOREFRONT_URL, an origin its gateway and sandbox allow). Its answers are compared with the
// Java server's, and a customer shops through it in Chromium.
//
// By hand, against ./emporium start: build the app (npm run build), start the platform with
// EMPORIUM_EXTRA_ORIGINS=http://localhost:3080,http://127.0.0.1:3080 and run
// `node --test e2e/nginx.e2e.mjs` (NGINX_STOREFRONT_URL, default http://127.0.0.1:3080; NGINX, default
// /usr/sbin/nginx).
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import {
  addFirstProduct, checkOut, openBrowser, platformUrl, register, screenshotOnFailure, storefront,
} from "./browser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist");
const render = join(here, "..", "..", "nginx", "render.sh");
const nginx = process.env.NGINX ?? "/usr/sbin/nginx";

const gatewayUrl = platformUrl("GATEWAY_URL", "http://localhost:8000");
const sandboxUrl = platformUrl("PAYMENT_SANDBOX_URL", "http://localhost:8090");
const javaStorefront = storefront();
const port = new URL(platformUrl("NGINX_STOREFRONT_URL", "http://127.0.0.1:3080")).port;
// fetch() goes to the address nginx listens on; the browser opens the page on localhost, as the journeys do.
const direct = `http://127.0.0.1:${port}`;
const base = `http://localhost:${port}`;

const IMMUTABLE = "public, max-age=31536000, immutable";
const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"];

// The container runs nginx as a user that is not root; so does this test. Run by root (CI), it runs nginx as
// nobody, on a copy of the app in the scratch folder (a checkout under /root is not readable by nobody).
const runAs = process.getuid?.() === 0 ? nobody() : {};
let scratch;
let root;
let conf;

function nobody() {
  const entry = readFileSync("/etc/passwd", "utf8").split("\n").find((line) => line.startsWith("nobody:"));
  assert.ok(entry, "no user nobody in /etc/passwd to run nginx as");
  const [, , uid, gid] = entry.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function logsTail() {
  const log = join(scratch, "logs", "error.log");
  return existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-20).join("\n") : "(no error.log)";
}

before(() => {
  assert.ok(existsSync(join(dist, "index.html")), `no built app in ${dist}: run npm run build first`);
  scratch = mkdtempSync(join(tmpdir(), "storefront-nginx-"));
  root = join(scratch, "html");
  cpSync(dist, root, { recursive: true });
  const rendered = spawnSync("sh", [render, "--listen", `127.0.0.1:${port}`, "--root", root,
    "--gateway-url", gatewayUrl, "--sandbox-url", sandboxUrl, "--scratch", scratch], { encoding: "utf8" });
  assert.equal(rendered.status, 0, `render.sh failed: ${rendered.stderr}`);
  conf = rendered.stdout.trim();
  assert.equal(conf, join(scratch, "nginx.conf"));
  if (runAs.uid !== undefined) {
    const chown = spawnSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, scratch], { encoding: "utf8" });
    assert.equal(chown.status, 0, chown.stderr);
  }
});

after(() => {
  if (scratch) {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("the rendered configuration passes nginx -t", () => {
  const check = spawnSync(nginx, ["-t", "-e", "stderr", "-p", scratch, "-c", conf], { encoding: "utf8", ...runAs });
  if (check.error) {
    assert.fail(`cannot run ${nginx} (apt-get install nginx, or set NGINX): ${check.error}`);
  }
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stderr, /configuration file .* test is successful/);
});

describe("the storefront served by nginx", () => {
  let server;
  let serverOutput = "";
  let browser;

  before(async () => {
    server = spawn(nginx, ["-e", "stderr", "-p", scratch, "-c", conf], { stdio: ["ignore", "pipe", "pipe"], ...runAs });
    server.stdout.on("data", (chunk) => (serverOutput += chunk));
    server.stderr.on("data", (chunk) => (serverOutput += chunk));
    await untilAnswering();
    browser = await openBrowser();
  });

  after(async () => {
    await browser?.context.close();
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = once(server, "exit");
      server.kill("SIGTERM");
      await exited;
    }
  });

  /** Polls the health probe until nginx answers; fails at once when it exits. */
  async function untilAnswering() {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (server.exitCode !== null) {
        assert.fail(`nginx exited with ${server.exitCode}: ${serverOutput}\n${logsTail()}`);
      }
      const answer = await fetch(`${direct}/health/live`).catch(() => null);
      if (answer?.ok) {
        return;
      }
      await delay(100);
    }
    assert.fail(`nginx did not answer on ${direct} within 10 s: ${serverOutput}\n${logsTail()}`);
  }

  test("nginx runs as a user that is not root", () => {
    const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
    const uid = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    assert.notEqual(uid, "0");
  });

  test("the page and /config.json carry the Java server's security headers and configuration", async () => {
    const java = await fetch(javaStorefront + "/");
    const page = await fetch(direct + "/");
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-type"), /^text\/html/);
    assert.equal(page.headers.get("cache-control"), "no-cache");
    for (const name of SECURITY_HEADERS) {
      assert.ok(page.headers.get(name), `no ${name} on /`);
      assert.equal(page.headers.get(name), java.headers.get(name), `${name} differs from the Java server's`);
    }
    const csp = page.headers.get("content-security-policy");
    assert.match(csp, new RegExp(`connect-src 'self' [^;]*${new URL(gatewayUrl).origin}`));
    assert.match(csp, new RegExp(`connect-src 'self' [^;]*${new URL(sandboxUrl).origin}`));
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get("server"), "nginx", "server_tokens off: no version");

    const config = await fetch(direct + "/config.json");
    assert.equal(config.status, 200);
    assert.match(config.headers.get("content-type"), /^application\/json/);
    assert.equal(config.headers.get("cache-control"), "no-cache");
    assert.equal(config.headers.get("content-security-policy"), csp);
    const body = await config.json();
    assert.deepEqual(body, { gatewayUrl: gatewayUrl.replace(/\/$/, ""), sandboxUrl: sandboxUrl.replace(/\/$/, "") });
    assert.deepEqual(body, await (await fetch(javaStorefront + "/config.json")).json());
  });

  test("hashed assets are cached for a year and gzipped; a missing one is a 404, not the page", async () => {
    const html = await (await fetch(direct + "/")).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(script, `no hashed script in index.html: ${html}`);
    const asset = await fetch(direct + script, { headers: { "accept-encoding": "gzip" } });
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("content-type"), /javascript/);
    assert.equal(asset.headers.get("cache-control"), IMMUTABLE);
    assert.equal(asset.headers.get("content-encoding"), "gzip");
    assert.ok(asset.headers.get("content-security-policy"), "no CSP on a hashed asset");
    assert.equal(asset.headers.get("x-content-type-options"), "nosniff");
    assert.equal(await asset.text(), readFileSync(join(dist, script), "utf8"));

    const missing = await fetch(direct + "/assets/missing.js");
    assert.equal(missing.status, 404);
    assert.notEqual(missing.headers.get("cache-control"), IMMUTABLE);
    assert.ok(missing.headers.get("content-security-policy"), "no CSP on a 404");
  });

  test("an app route answers index.html (SPA fallback); the probe answers", async () => {
    const route = await fetch(direct + "/orders/some-id");
    assert.equal(route.status, 200);
    assert.match(route.headers.get("content-type"), /^text\/html/);
    assert.equal(route.headers.get("cache-control"), "no-cache");
    assert.ok(route.headers.get("content-security-policy"), "no CSP on an app route");
    assert.equal(await route.text(), readFileSync(join(dist, "index.html"), "utf8"));

    const live = await fetch(direct + "/health/live");
    assert.deepEqual(await live.json(), { status: "UP" });
  });

  test("a new customer shops through nginx: registers, checks out with a good card, sees the order confirmed",
    async (t) => {
      const { page, errors } = browser;
      screenshotOnFailure(t, page, "nginx");
      // The console reports what the Content-Security-Policy blocked.
      const blocked = [];
      page.on("console", (message) => {
        if (message.type() === "error" && /Content.Security.Policy/i.test(message.text())) {
          blocked.push(message.text());
        }
      });

      await page.goto(base + "/");
      await page.getByRole("heading", { name: "Shop" }).waitFor();
      await page.locator("a[href^='/products/']").first().waitFor();
      assert.match(await page.getByText(/\d+ products/).first().innerText(), /\d+ products/);
      await register(page, base, "Nginx Customer");
      // Each page load renews the session with the refresh cookie, which rotates it; the journey lets each
      // renewal finish before the next load, as a person would (session.e2e.mjs covers impatient reloads).
      const signedIn = () => page.getByRole("button", { name: /sign out/i }).waitFor();
      const productName = await addFirstProduct(page, base);
      await signedIn();
      await page.goto(base + "/cart");
      await page.getByText(productName).first().waitFor();
      await signedIn();

      await checkOut(page, base, "4242 4242 4242 4242");
      assert.match(await page.getByText(/ending 4242/).first().innerText(), /visa ending 4242/i);

      assert.deepEqual(errors, []);
      assert.deepEqual(blocked, []);
    });
});
