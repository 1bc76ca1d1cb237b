import { TenantRequiredError } from './errors';
import type { EventToAppend } from './event-store.port';
import { assertAppendable, clampReadLimit } from './validation';

const event = (overrides: Partial<EventToAppend> = {}): EventToAppend => ({
  id: '0b6f3f1e-5a43-4f0e-9d1c-3a8e4c1f2b01',
  type: 'groups.GroupConvened.v1',
  data: {},
  metadata: {
    tenantId: 'mr1',
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: { sub: 's', role: 'tenant-admin', tenantId: 'mr1' },
    occurredAt: '2019-03-14',
    schemaVersion: 1,
  },
  ...overrides,
});

describe('checks shared by every event-store adapter', () => {
  it('accepts a well-formed append and names what is wrong with a bad one', () => {
    expect(() => assertAppendable('mr1', 'group-1', [event()])).not.toThrow();
    expect(() => assertAppendable('MR1', 'group-1', [event()])).toThrow(TenantRequiredError);
    expect(() => assertAppendable('mr1', '', [event()])).toThrow(/invalid stream id/);
    expect(() => assertAppendable('mr1', 'group-1', [])).toThrow('append needs at least one event');
    expect(() => assertAppendable('mr1', 'group-1', [event({ id: '42' })])).toThrow(
      'event id must be a UUID, got "42"',
    );
    expect(() => assertAppendable('mr2', 'group-1', [event()])).toThrow(/metadata.tenantId must be "mr2"/);
  });

  it('bounds read limits: 1000 by default, at most 10,000, positive integers only', () => {
    expect(clampReadLimit(undefined)).toBe(1000);
    expect(clampReadLimit(50_000)).toBe(10_000);
    expect(clampReadLimit(7)).toBe(7);
    expect(() => clampReadLimit(0)).toThrow('limit must be a positive integer, got 0');
  });
});
