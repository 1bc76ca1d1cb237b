// Compiles apps/, libs/ and bench/ to dist/ with SWC (path aliases rewritten to relative requires),
// then builds the dashboard (apps/web) with Vite.
// Type checking is separate: `npm run typecheck`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const swc = join(root, 'node_modules', '.bin', 'swc');
execFileSync(
  swc,
  [
    'apps',
    'libs',
    'bench',
    '-d',
    'dist',
    '--config-file',
    '.swcrc',
    '--ignore',
    '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,apps/web/**',
    '--quiet',
  ],
  { cwd: root, stdio: 'inherit' },
);
// The dashboard (apps/web): Vite bundles it into dist/apps/web, which the API serves under /app.
execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.mjs'], {
  cwd: root,
  stdio: 'inherit',
});
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', '.build-stamp'), new Date().toISOString());
