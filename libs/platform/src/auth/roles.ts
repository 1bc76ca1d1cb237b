/** Every role the platform knows; tokens carry exactly one of them. */
export const ROLES = ['analyst', 'tenant-admin', 'tenant-editor', 'tenant-viewer', 'platform-operator'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to one tenant and may use the routes under `/api/v1/tenants/{tenantId}/`. */
export const TENANT_ROLES = ['tenant-admin', 'tenant-editor', 'tenant-viewer'] as const satisfies readonly Role[];
export type TenantRole = (typeof TENANT_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isTenantRole(role: string): role is TenantRole {
  return (TENANT_ROLES as readonly string[]).includes(role);
}
