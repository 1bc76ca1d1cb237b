import type { AuthConfig } from '../config/config';
import type { TenantDirectory } from '../domain/tenant-directory';
import { assertTenantId } from '../event-store/validation';
import { normaliseVoivodeship } from '../tenancy/voivodeships';
import { AuthRejection } from './auth-rejection';
import { isRole, isTenantRole, type Role } from './roles';

/** Who a verified token says the caller is. */
export interface AuthenticatedUser {
  readonly sub: string;
  readonly role: Role;
  /** Set for tenant roles only; analysts and operators belong to no tenant. */
  readonly tenantId?: string;
  /** tenant-editor only: voivodeships it may record facts for (within its tenant). */
  readonly voivodeships?: readonly string[];
}

/**
 * Reads a verified token's claims. The token must carry a subject, an expiry and exactly one
 * platform role (other roles, e.g. Keycloak's `offline_access`, are ignored); a tenant role
 * needs the tenant claim of an active tenant.
 */
export async function userFromClaims(
  payload: Record<string, unknown>,
  claims: AuthConfig['claims'],
  directory: TenantDirectory,
): Promise<AuthenticatedUser> {
  const sub = payload.sub;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) {
    throw new AuthRejection('claims', 'token has no usable subject');
  }
  if (typeof payload.exp !== 'number') throw new AuthRejection('claims', 'token has no expiry');
  const roles = asStrings(claimAt(payload, claims.roles)).filter(isRole);
  if (roles.length !== 1) {
    throw new AuthRejection('claims', `token must carry exactly one platform role, found ${roles.length}`);
  }
  const role = roles[0];
  if (!isTenantRole(role)) return { sub, role };

  const tenantId = claimAt(payload, claims.tenant);
  try {
    assertTenantId(tenantId);
  } catch {
    throw new AuthRejection('claims', `role ${role} needs a tenant claim`);
  }
  const tenant = await directory.get(tenantId);
  if (!tenant) throw new AuthRejection('tenant_unknown');
  if (tenant.status !== 'active') throw new AuthRejection('tenant_offboarded');
  if (role !== 'tenant-editor') return { sub, role, tenantId };

  // Only voivodeships of the editor's own tenant count, whatever else the claim lists.
  const own = new Set(tenant.voivodeships.map(normaliseVoivodeship));
  const voivodeships = [...new Set(asStrings(claimAt(payload, claims.voivodeships)).map(normaliseVoivodeship))].filter(
    (v) => own.has(v),
  );
  return { sub, role, tenantId, voivodeships };
}

/** A claim by dotted path, e.g. `resource_access.kooperacja-api.roles`; a literal key wins. */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (path in payload) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
