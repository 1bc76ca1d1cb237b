import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startE2eApp, type E2eApp } from './e2e-app';

/** Debian's chromium; `scripts/test-all.sh` installs it when it is missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..', '..', '..');
const WEB_SOURCES = join(ROOT, 'apps', 'web');
const WEB_DIST = join(ROOT, 'dist', 'apps', 'web');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * Builds the dashboard (as `npm run build` does) unless dist/apps/web is newer than its sources,
 * and returns a private copy of it, so a build running meanwhile cannot pull the files away.
 */
export function dashboardBuild(): { readonly dir: string; remove(): void } {
  const index = join(WEB_DIST, 'index.html');
  const sources = Math.max(newest(join(WEB_SOURCES, 'src')), statSync(join(WEB_SOURCES, 'index.html')).mtimeMs);
  if (!existsSync(index) || statSync(index).mtimeMs < sources) {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--config', 'apps/web/vite.config.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'kooperacja-web-'));
  cpSync(WEB_DIST, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The whole API serving a private copy of the built dashboard, listening on the loopback. */
export interface DashboardServer {
  readonly e2e: E2eApp;
  /** e.g. http://127.0.0.1:41234 */
  readonly base: string;
  close(): Promise<void>;
}

export async function startDashboardServer(env: Record<string, string> = {}): Promise<DashboardServer> {
  const web = dashboardBuild();
  process.env.DASHBOARD_DIR = web.dir; // read by serveDashboard when the app is created
  let e2e: E2eApp;
  try {
    e2e = await startE2eApp(env);
  } finally {
    delete process.env.DASHBOARD_DIR;
  }
  await e2e.app.listen(0, '127.0.0.1');
  const { port } = e2e.app.getHttpServer().address() as { port: number };
  return {
    e2e,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await e2e.close();
      web.remove();
    },
  };
}

/** A tab that records page errors and console errors (a CSP refusal is only reported there). */
export type WatchedPage = Page & { readonly problems: string[] };

export interface Browser {
  readonly context: BrowserContext;
  /** A new tab (its own sessionStorage, so its own sign-in) that records what went wrong in it. */
  newPage(): Promise<WatchedPage>;
  close(): Promise<void>;
}

/** Headless chromium with a fresh profile, driven by playwright-core. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (scripts/test-all.sh does it)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'kooperacja-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    acceptDownloads: true,
    locale: 'pl-PL',
    timezoneId: 'Europe/Warsaw',
    viewport: { width: 1400, height: 1000 },
  });
  return {
    context,
    async newPage() {
      const page = (await context.newPage()) as Page & { problems: string[] };
      page.problems = [];
      page.on('pageerror', (error) => page.problems.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        // A CSP refusal is reported on the console only.
        if (message.type() === 'error' && !/status of 40[14]/.test(message.text())) {
          page.problems.push(`console: ${message.text()}`);
        }
      });
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page. The script is evaluated through the DevTools protocol, which
 * the page's CSP (script-src 'self') does not govern, so the page under test keeps its real CSP.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })))`);
}
