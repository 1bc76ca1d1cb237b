import { ALL_TENANTS, type TenantScope } from './event-store.port';
import { TenantRequiredError } from './errors';

const TENANT_ID = /^[a-z][a-z0-9-]{0,31}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export function assertTenantId(tenantId: unknown): asserts tenantId is string {
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new TenantRequiredError(`got ${JSON.stringify(tenantId)}; expected ^[a-z][a-z0-9-]{0,31}$`);
  }
}

export function assertTenantScope(scope: unknown): asserts scope is TenantScope {
  if (scope !== ALL_TENANTS) assertTenantId(scope);
}

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 200 || CONTROL.test(streamId)) {
    throw new RangeError(`invalid stream id ${JSON.stringify(streamId)}: 1-200 characters, no control characters`);
  }
}
