// `npm start`: build if needed, then run the API (and projector) in one process.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')], { stdio: 'inherit' });
await import(join(root, 'dist', 'apps', 'api', 'src', 'standalone.js'));
