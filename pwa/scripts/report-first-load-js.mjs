// Prints the gzipped size of the JavaScript a browser fetches to show the first screen:
// every script and modulepreload in dist/index.html. Fails the build over the budget.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 90;
const dist = new URL('../dist/', import.meta.url);
const html = readFileSync(new URL('index.html', dist), 'utf8');

const scriptSources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
const preloads = [...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
const files = [...new Set([...scriptSources, ...preloads])].filter((src) => src.startsWith('/'));

let totalBytes = 0;
for (const src of files) {
  const gzipped = gzipSync(readFileSync(new URL(`.${src}`, dist))).length;
  totalBytes += gzipped;
  console.log(`  ${src}: ${(gzipped / 1024).toFixed(2)} KB gzipped`);
}
const totalKb = totalBytes / 1024;
console.log(`First-load JS: ${totalKb.toFixed(2)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (totalKb > BUDGET_KB) {
  console.error(`First-load JS is over the ${BUDGET_KB} KB budget.`);
  process.exit(1);
}
