import { Injectable, Logger, RequestMethod, type OnApplicationBootstrap } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY, ROLES_KEY } from './decorators';
import { isTenantRole, type Role } from './roles';
import { TENANT_PARAM } from './tenant-path.guard';

/** What a route declares about access, read from its decorators. */
export interface RouteAccess {
  readonly method: string;
  /** Express form, e.g. `/api/v1/tenants/:tenantId/audit`. */
  readonly path: string;
  readonly handler: string;
  readonly isPublic: boolean;
  /** null when the route declares no roles. */
  readonly roles: readonly Role[] | null;
  /** True when the path has a `:tenantId` parameter. */
  readonly tenantScoped: boolean;
}

/** Every controller route of the application with its access rules (for tests and audits). */
@Injectable()
export class RouteCatalogue implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  /** Says at startup which routes break the rules (they answer 403/404 until fixed). */
  onApplicationBootstrap(): void {
    for (const problem of this.violations()) new Logger(RouteCatalogue.name).error(problem);
  }

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
      if (!type) continue;
      const prefixes = asArray(Reflect.getMetadata(PATH_METADATA, type) as string | string[] | undefined);
      const proto = type.prototype as Record<string, unknown>;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const fn = proto[name] as (...args: unknown[]) => unknown;
        const methodPaths = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
        if (methodPaths === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod];
        const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [fn, type]) ?? false;
        const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [fn, type]) ?? null;
        for (const prefix of prefixes) {
          for (const sub of asArray(methodPaths)) {
            const path = joinPath(prefix, sub);
            routes.push({
              method,
              path,
              handler: `${type.name}.${name}`,
              isPublic,
              roles,
              tenantScoped: path.split('/').includes(`:${TENANT_PARAM}`),
            });
          }
        }
      }
    }
    return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }

  /** Routes breaking the access rules of docs/security.md; empty when all is well. */
  violations(): string[] {
    const problems: string[] = [];
    for (const r of this.routes()) {
      const at = `${r.method} ${r.path} (${r.handler})`;
      if (r.isPublic && r.roles) problems.push(`${at}: both @Public and @Roles`);
      if (!r.isPublic && !r.roles?.length) problems.push(`${at}: declares neither @Roles nor @Public`);
      if (r.tenantScoped && r.isPublic) problems.push(`${at}: a tenant route cannot be public`);
      if (r.tenantScoped && r.roles?.some((role) => !isTenantRole(role))) {
        problems.push(`${at}: a tenant route is for tenant roles only, found ${r.roles.join(', ')}`);
      }
      if (r.path.startsWith('/api/v1/tenants/') && !r.tenantScoped) {
        problems.push(`${at}: routes under /api/v1/tenants/ must start with /api/v1/tenants/:tenantId`);
      }
    }
    return problems;
  }
}

function asArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return ['/'];
  return Array.isArray(value) ? value : [value];
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}
