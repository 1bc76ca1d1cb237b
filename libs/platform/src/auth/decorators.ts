import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Role } from './roles';

export const IS_PUBLIC_KEY = 'kooperacja:public';
export const ROLES_KEY = 'kooperacja:roles';

/** The route needs no token (health, docs). Every other route must declare {@link Roles}. */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), ApiExtension('x-public', true));

/**
 * The roles that may call the route (on a handler or a controller). A route under
 * `/api/v1/tenants/:tenantId/` is also limited to the caller's own tenant, whatever the roles.
 */
export const Roles = (...roles: Role[]) => {
  if (roles.length === 0) throw new Error('@Roles() needs at least one role');
  return applyDecorators(SetMetadata(ROLES_KEY, roles), ApiBearerAuth(), ApiExtension('x-roles', roles));
};
