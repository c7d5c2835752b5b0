// Runs the browser journeys (e2e/*.e2e.mjs) with node's test runner: progress on the console, and a JUnit report
// (BROWSER_REPORT, by default ../target/browser-reports/TEST-storefront-browser.xml) that ./emporium test counts.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const report = resolve(process.env.BROWSER_REPORT ?? join(here, "..", "..", "target", "browser-reports",
  "TEST-storefront-browser.xml"));
mkdirSync(dirname(report), { recursive: true });
const journeys = readdirSync(here).filter((file) => file.endsWith(".e2e.mjs")).map((file) => join(here, file));
const run = spawnSync(process.execPath, ["--test", "--test-concurrency=1",
  "--test-reporter=spec", "--test-reporter-destination=stdout",
  "--test-reporter=junit", `--test-reporter-destination=${report}`, ...journeys], { stdio: "inherit" });
process.exit(run.status ?? 1);
