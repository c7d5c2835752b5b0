// Fails the build when the JavaScript the first page loads is over budget: every script and modulepreload that
// dist/index.html references, gzipped as a server would send it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const BUDGET_BYTES = 150 * 1024;
const dist = new URL("../dist/", import.meta.url).pathname;
const html = readFileSync(join(dist, "index.html"), "utf8");

const referenced = new Set();
const tag = /<(script|link)\b[^>]*>/g;
for (const [element, name] of html.matchAll(tag)) {
  const isScript = name === "script" || /rel="modulepreload"/.test(element);
  const source = /(?:src|href)="([^"]+\.m?js)"/.exec(element);
  if (isScript && source) referenced.add(source[1]);
}
if (referenced.size === 0) {
  console.error("bundle budget: index.html references no script; is dist/ built?");
  process.exit(1);
}

let total = 0;
for (const file of referenced) {
  const size = gzipSync(readFileSync(join(dist, file.replace(/^\//, "")))).length;
  total += size;
  console.log(`bundle budget: ${file} ${(size / 1024).toFixed(1)} kB gzipped`);
}
const verdict = total <= BUDGET_BYTES ? "within" : "OVER";
console.log(
  `bundle budget: first page JavaScript ${(total / 1024).toFixed(1)} kB gzipped, ${verdict} the budget of ${BUDGET_BYTES / 1024} kB`,
);
if (total > BUDGET_BYTES) process.exit(1);
