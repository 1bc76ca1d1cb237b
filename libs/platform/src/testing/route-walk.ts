import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { RouteAccess } from '../auth/route-catalogue';
import { isTenantRole, type Role } from '../auth/roles';

/** Someone calling the API in the walk: no token, a refused token, or a role (with its tenant). */
export interface WalkCaller {
  readonly name: string;
  readonly token?: string;
  readonly role?: Role;
  readonly tenantId?: string;
}

export type Expected = 'public' | 'allowed' | 401 | 403 | 404 | 'undeclared';

/**
 * What a route must answer a caller, from the route's declared access alone:
 * public routes never 401/403; a route declaring no roles is a failure of its own; no valid
 * token: 401; a tenant path naming another tenant than the token's: 404 (before roles); a role
 * the route does not list: 403; otherwise the caller gets past access control.
 */
export function expectedAccess(route: RouteAccess, caller: WalkCaller, pathTenant: string | undefined): Expected {
  if (route.isPublic) return 'public';
  if (!route.roles?.length) return 'undeclared';
  if (!caller.role) return 401;
  if (route.tenantScoped && (!isTenantRole(caller.role) || caller.tenantId !== pathTenant)) return 404;
  if (!route.roles.includes(caller.role)) return 403;
  return 'allowed';
}

export interface WalkOptions {
  /** Tenant of the tenant-role callers, and another one. */
  readonly ownTenant: string;
  readonly otherTenant: string;
  /** Value for path parameters other than `:tenantId` (default: a UUID nothing has). */
  readonly paramValue?: string;
  /** Something that must not change when a write is refused (e.g. the event count). */
  readonly snapshot: () => Promise<unknown>;
}

/** Calls every route with every caller (and, for tenant routes, both tenants); returns what went wrong. */
export async function walkRoutes(
  app: INestApplication,
  routes: readonly RouteAccess[],
  callers: readonly WalkCaller[],
  options: WalkOptions,
): Promise<string[]> {
  const problems: string[] = [];
  const server = app.getHttpServer() as Parameters<typeof request>[0];
  for (const route of routes) {
    const tenants = route.tenantScoped ? [options.ownTenant, options.otherTenant] : [undefined];
    for (const caller of callers) {
      for (const pathTenant of tenants) {
        const expected = expectedAccess(route, caller, pathTenant);
        const label = `${route.method} ${route.path} as ${caller.name}${pathTenant ? ` on ${pathTenant}` : ''}`;
        if (expected === 'undeclared') {
          problems.push(`${label}: the route declares neither @Roles nor @Public`);
          continue;
        }
        const path = route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
          name === 'tenantId' ? pathTenant! : (options.paramValue ?? '00000000-0000-4000-8000-000000000000'),
        );
        const method = route.method === 'ALL' ? 'get' : route.method.toLowerCase();
        const write = !['get', 'head', 'options'].includes(method);
        const before = write ? await options.snapshot() : undefined;
        let req = (request(server) as unknown as Record<string, (p: string) => request.Test>)[method](path);
        if (caller.token) req = req.set('Authorization', `Bearer ${caller.token}`);
        if (write) req = req.set('Content-Type', 'application/json').send({});
        const res = await req;
        const status = res.status;
        const ok = checkStatus(expected, status, route);
        if (!ok) problems.push(`${label}: expected ${String(expected)}, got ${status} ${JSON.stringify(res.body)}`);
        if (write && typeof expected === 'number') {
          const after = await options.snapshot();
          if (JSON.stringify(after) !== JSON.stringify(before)) {
            problems.push(`${label}: refused with ${status} but the store changed`);
          }
        }
      }
    }
  }
  return problems;
}

function checkStatus(expected: Expected, status: number, route: RouteAccess): boolean {
  if (status >= 500 && !(expected === 'public' && status === 503)) return false;
  if (typeof expected === 'number') return status === expected;
  if (status === 401 || status === 403) return false;
  // An allowed caller may still meet a missing resource, on routes that name one.
  if (status === 404) return expected === 'allowed' && /:(?!tenantId\b)/.test(route.path);
  return true;
}
