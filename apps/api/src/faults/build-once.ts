import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * Builds dist/ (SWC, seconds) for the tests that run the apps as child processes, unless a build
 * newer than this test run's start exists already.
 */
export async function buildOnce(): Promise<void> {
  const marker = join(REPO_ROOT, 'dist/apps/api/src/main.js');
  const startedAt = Date.now() - process.uptime() * 1000;
  if (existsSync(marker) && statSync(marker).mtimeMs > startedAt) return;
  await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs')], { cwd: REPO_ROOT });
}
