import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformRequest } from '../auth/request-context';

/** Never written to a log line: credentials, and bodies (they may hold personal data). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'req.body',
  'res.body',
] as const;

/** The route pattern that answered a request; `unmatched` for 404s of unknown paths (catch-all middleware). */
export function routePattern(req: { route?: unknown }): string {
  const path = (req.route as { path?: string } | undefined)?.path;
  return !path || path.includes('*') ? 'unmatched' : path;
}

/**
 * Fields of request log lines: the ids from the first line on; once the response is sent, also
 * the tenant and actor (known after authentication) and the route pattern.
 */
export function requestLogFields(req: PlatformRequest, res: ServerResponse): Record<string, unknown> {
  if (!res.writableEnded) return { requestId: req.requestId, correlationId: req.correlationId };
  return {
    ...(req.context
      ? { tenant: req.context.tenantId ?? null, actor: req.context.actor.sub, role: req.context.actor.role }
      : {}),
    route: routePattern(req),
  };
}

export function serializeResponse(res: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

/** Method, path (query dropped: it may hold search terms) and a few harmless headers. */
export function serializeRequest(req: IncomingMessage & { raw?: IncomingMessage }): Record<string, unknown> {
  const raw = req.raw ?? req;
  const headers = raw.headers ?? {};
  return {
    method: raw.method,
    path: (raw.url ?? '').split('?')[0],
    userAgent: headers['user-agent'],
    contentLength: headers['content-length'],
  };
}
