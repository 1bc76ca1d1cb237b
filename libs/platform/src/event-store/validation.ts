import { ALL_TENANTS, type EventToAppend, type TenantScope } from './event-store.port';
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checks every adapter makes before an append: tenant, stream, and each event's id, type and tenant. */
export function assertAppendable(tenantId: string, streamId: string, events: readonly EventToAppend[]): void {
  assertTenantId(tenantId);
  assertStreamId(streamId);
  if (events.length === 0) throw new RangeError('append needs at least one event');
  for (const e of events) {
    if (!UUID.test(e.id)) throw new RangeError(`event id must be a UUID, got ${JSON.stringify(e.id)}`);
    if (!e.type) throw new RangeError('event type is required');
    if (e.metadata?.tenantId !== tenantId) {
      throw new RangeError(`event ${e.id}: metadata.tenantId must be "${tenantId}"`);
    }
  }
}

const DEFAULT_READ_LIMIT = 1000;
const MAX_READ_LIMIT = 10_000;

/** A read's limit: 1000 when omitted, at most `max`; anything but a positive integer is refused. */
export function clampReadLimit(limit: number | undefined, max = MAX_READ_LIMIT): number {
  if (limit === undefined) return Math.min(DEFAULT_READ_LIMIT, max);
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  return Math.min(limit, max);
}
