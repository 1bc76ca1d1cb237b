import { randomUUID } from 'node:crypto';

export const TENANT = 'swietokrzyskie';

/** The event every contender stores: the same id, type, data and metadata for all three. */
export interface BenchEvent {
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly metadata: {
    readonly tenantId: string;
    readonly commandId: string;
    readonly correlationId: string;
    readonly causationId: string;
    readonly actor: { readonly sub: string; readonly role: string; readonly tenantId: string };
    readonly occurredAt: string;
    readonly schemaVersion: number;
  };
}

/** A stream of the groups context: `groups.group-<uuid>`, as the real handlers name them. */
export function groupStreamId(index: number): string {
  return `groups.group-${uuidFrom(index)}`;
}

/** `count` MemberJoined events (about 300 bytes of data, 400 of metadata), each with a fresh id. */
export function memberJoined(streamId: string, count: number): BenchEvent[] {
  const commandId = randomUUID();
  const events: BenchEvent[] = [];
  for (let i = 0; i < count; i++) {
    events.push({
      id: randomUUID(),
      type: 'groups.MemberJoined.v1',
      data: {
        groupId: streamId.slice(streamId.indexOf('-') + 1),
        personId: randomUUID(),
        institution: 'Miejski Ośrodek Pomocy Społecznej w Skarżysku-Kamiennej, Dział Pracy Socjalnej',
        sector: 'social-assistance',
        role: 'member',
        joinedOn: '2024-11-18',
      },
      metadata: {
        tenantId: TENANT,
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { sub: '5d0c2f7e-9b1a-4c3e-8f6d-2a7b9e4c1d30', role: 'coordinator', tenantId: TENANT },
        occurredAt: '2024-11-18T10:15:00.000Z',
        schemaVersion: 1,
      },
    });
  }
  return events;
}

function uuidFrom(index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `7b1e4f60-2c3d-4a5b-9e8f-${hex}`;
}
