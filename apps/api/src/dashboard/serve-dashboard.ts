import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { PlatformConfig } from '@kooperacja/platform';

/** What the dashboard needs to know before it can sign anyone in (served as /app/config.json). */
export interface DashboardConfig {
  readonly authMode: 'dev' | 'oidc';
  readonly oidc: { readonly authority: string; readonly clientId: string; readonly scope: string } | null;
}

export function dashboardConfig(config: PlatformConfig, env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  if (config.auth.mode !== 'oidc') return { authMode: 'dev', oidc: null };
  return {
    authMode: 'oidc',
    oidc: {
      authority: config.auth.issuer,
      clientId: env.DASHBOARD_OIDC_CLIENT_ID || 'kooperacja-panel',
      scope: env.DASHBOARD_OIDC_SCOPE || 'openid',
    },
  };
}

/** dist/apps/web from the compiled API (dist/apps/api/src/dashboard) or from the sources (tests). */
export function findDashboardDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const compiled = __filename.endsWith('.js'); // dist/apps/api/src/dashboard, else apps/api/src/dashboard
  const candidates = [
    env.DASHBOARD_DIR,
    compiled
      ? join(__dirname, '..', '..', '..', 'web')
      : join(__dirname, '..', '..', '..', '..', 'dist', 'apps', 'web'),
  ];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'index.html'))) ?? null;
}

/**
 * The dashboard's static files under /app (public: the page holds no data; every API call it
 * makes carries the user's token). Helmet's CSP stays as it is, except that the page may also
 * call the identity provider's token endpoint when OIDC is on.
 */
export function serveDashboard(app: NestExpressApplication, config: PlatformConfig): void {
  const dir = findDashboardDir();
  const settings = dashboardConfig(config);
  const provider = settings.oidc ? new URL(settings.oidc.authority).origin : null;
  app.use('/app', (req: Request, res: Response, next: NextFunction) => {
    if (provider) {
      const csp = String(res.getHeader('Content-Security-Policy') ?? '');
      res.setHeader('Content-Security-Policy', `${csp};connect-src 'self' ${provider}`);
    }
    if (req.path === '/config.json') {
      res.setHeader('Cache-Control', 'no-store');
      res.json(settings);
      return;
    }
    if (!dir) {
      res.status(404).type('text/plain').send('The dashboard is not built: run npm run build');
      return;
    }
    next();
  });
  if (!dir) return;
  app.useStaticAssets(dir, {
    prefix: '/app',
    index: 'index.html',
    redirect: true,
    setHeaders: (res, path) => {
      // Hashed asset names never change content; the page itself is always revalidated.
      res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
