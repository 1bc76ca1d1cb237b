// Builds dist/ when it is missing or older than any source file, so `npm start`, `npm run token`
// and `npm run bench` work right after `npm ci`.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(path));
    else if (entry.name.endsWith('.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

let stamp = 0;
try {
  stamp = statSync(join(root, 'dist', '.build-stamp')).mtimeMs;
} catch {
  // never built
}
const sources = Math.max(...['apps', 'libs', 'bench'].map((d) => newest(join(root, d))));
if (sources > stamp) execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
