// The API as operators run it (`node dist/apps/api/src/main.js`), in a child process of the
// worker, so that the load generator and the server do not share an event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadOrCreateDevKeys, signDevToken } from '@kooperacja/platform/auth/dev-keys';

const root = resolve(__dirname, '..', '..'); // compiled to dist/bench/
const ISSUER = 'kooperacja-bench';
const AUDIENCE = 'kooperacja-api';

export interface ApiProcess {
  readonly baseUrl: string;
  /** A dev token of `role` (for `tenant`), signed with this process's key. */
  token(role: string, tenant?: string): string;
  stop(): Promise<void>;
}

/**
 * Starts the API on a free port against `databaseUrl` with a throwaway dev key, no rate limit and
 * warnings-only logs, and waits until `/health` answers.
 */
export async function startApi(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const keysDir = mkdtempSync(join(tmpdir(), 'kooperacja-bench-keys-'));
  const keys = loadOrCreateDevKeys(keysDir);
  const port = await freePort();
  // The worker's own flags too: under `npm run bench -- --profile` the API writes a profile as well.
  const child = spawn(process.execPath, [...process.execArgv, join(root, 'dist', 'apps', 'api', 'src', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      AUTH_MODE: 'dev',
      DEV_KEYS_DIR: keysDir,
      DEV_TOKEN_ISSUER: ISSUER,
      DEV_TOKEN_AUDIENCE: AUDIENCE,
      DATABASE_URL: databaseUrl,
      DATABASE_APP_URL: '',
      KAFKA_BROKERS: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      RATE_LIMIT_PER_MINUTE: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child).finally(() => rmSync(keysDir, { recursive: true, force: true }));
  try {
    await waitForHealth(baseUrl, child, () => stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    token: (role, tenant) =>
      signDevToken(keys, { sub: `bench-${role}`, role, tenant, issuer: ISSUER, audience: AUDIENCE }),
    stop,
  };
}

async function waitForHealth(baseUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}: ${stderr()}`);
    const ok = await fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the API did not answer /health within 60 s: ${stderr()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}
