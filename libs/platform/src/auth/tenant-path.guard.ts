import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { PlatformRequest } from './request-context';

/** The route parameter that makes a route tenant-scoped. */
export const TENANT_PARAM = 'tenantId';

/**
 * Global guard: a route with a `:tenantId` parameter answers 404 unless the token's tenant is
 * that tenant, so callers can neither reach nor enumerate other tenants. Runs before the role
 * check, so the answer does not depend on what the route would allow.
 */
@Injectable()
export class TenantPathGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<PlatformRequest>();
    const named = req.params?.[TENANT_PARAM];
    if (named === undefined) return true;
    if (!req.context?.tenantId || req.context.tenantId !== named) throw new NotFoundException();
    return true;
  }
}
