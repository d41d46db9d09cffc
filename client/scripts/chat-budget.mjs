// The customer chat page must load fast on a slow phone: every .js file the browser downloads to
// open /chat (all of dist/chat/browser), gzipped, must stay under the budget. Run after `ng build chat`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 100;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'chat', 'browser');

function jsFiles(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    console.error(`chat page JS: nothing at ${dir}; run \`ng build chat\` first`);
    process.exit(2);
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return jsFiles(path);
    return e.name.endsWith('.js') || e.name.endsWith('.mjs') ? [path] : [];
  });
}

const files = jsFiles(root).map((path) => ({
  path: relative(root, path),
  gzipped: gzipSync(readFileSync(path), { level: 9 }).length,
}));
if (!files.length) {
  console.error(`chat page JS: no .js files in ${root}`);
  process.exit(2);
}
const total = files.reduce((sum, f) => sum + f.gzipped, 0);
for (const f of files.sort((a, b) => b.gzipped - a.gzipped)) {
  console.log(`  ${(f.gzipped / 1024).toFixed(1).padStart(6)} KB  ${f.path}`);
}
const kb = total / 1024;
console.log(`chat page JS: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (kb > BUDGET_KB) {
  console.error(`chat page JS is over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
