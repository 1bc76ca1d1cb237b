import { jsonEvent, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import { ALL_TENANTS, type EventToAppend } from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import {
  checkDuplicates,
  fromRecordedEvent,
  parseStreamName,
  planAllRead,
  toClientExpectedRevision,
  toEventData,
  toStreamName,
  toWrongExpectedRevision,
} from './eventstoredb-mapping';

const ID_A = '0b6f3f1e-5a43-4f0e-9d1c-3a8e4c1f2b01';
const ID_B = '0b6f3f1e-5a43-4f0e-9d1c-3a8e4c1f2b02';
const ID_C = '0b6f3f1e-5a43-4f0e-9d1c-3a8e4c1f2b03';

const appended: EventToAppend = {
  id: ID_A,
  type: 'groups.MemberJoined.v1',
  data: { groupId: 'pgr-chojnice', institution: 'PCPR Ostróda', sector: 'pomoc społeczna' },
  metadata: {
    tenantId: 'mr2',
    commandId: ID_B,
    correlationId: ID_B,
    causationId: ID_B,
    actor: { sub: 'editor-1', role: 'tenant-editor', tenantId: 'mr2' },
    occurredAt: '2019-03-14',
    schemaVersion: 1,
    source: 'seed 003',
  },
};

/** What the client hands back for a stored JSON event. */
function recorded(overrides: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent {
  const data = toEventData(appended);
  return {
    streamId: 'mr2:group-pgr-chojnice',
    id: data.id,
    isJson: true,
    revision: 3n,
    type: data.type,
    created: new Date('2026-11-23T10:00:00Z'),
    data: data.data,
    metadata: data.metadata,
    position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
    ...overrides,
  } as ClientRecordedEvent;
}

describe('EventStoreDB mapping', () => {
  describe('stream names', () => {
    it('prefixes the stream with its tenant and splits it back at the first colon', () => {
      const name = toStreamName('mr1', 'project:liderzy-kooperacji:Żukowo');
      expect(name).toBe('mr1:project:liderzy-kooperacji:Żukowo');
      expect(parseStreamName(name)).toEqual({ tenantId: 'mr1', streamId: 'project:liderzy-kooperacji:Żukowo' });
    });

    it('does not take system or foreign streams for tenant streams', () => {
      expect(parseStreamName('$stats-127.0.0.1:2113')).toBeNull();
      expect(parseStreamName('$$mr1:project-1')).toBeNull();
      expect(parseStreamName('MR1:project-1')).toBeNull();
      expect(parseStreamName('mr1-project-1')).toBeNull();
      expect(parseStreamName('mr1:')).toBeNull();
    });
  });

  describe('expected revision', () => {
    it('maps every kind of expectation to the client’s', () => {
      expect(toClientExpectedRevision('no_stream')).toBe('no_stream');
      expect(toClientExpectedRevision('stream_exists')).toBe('stream_exists');
      expect(toClientExpectedRevision('any')).toBe('any');
      expect(toClientExpectedRevision(0)).toBe(0n);
      expect(toClientExpectedRevision(41)).toBe(41n);
    });

    it('refuses a negative or fractional revision before reaching the server', () => {
      expect(() => toClientExpectedRevision(-1)).toThrow(RangeError);
      expect(() => toClientExpectedRevision(1.5)).toThrow(/non-negative integer/);
    });

    it('turns the client’s conflict into our typed error with the expected and actual revisions', () => {
      const existing = toWrongExpectedRevision('group-1', 'no_stream', 4n);
      expect(existing).toBeInstanceOf(WrongExpectedRevisionError);
      expect(existing).toMatchObject({ streamId: 'group-1', expected: 'no_stream', actual: 4 });
      expect(toWrongExpectedRevision('group-2', 'stream_exists', 'no_stream')).toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      expect(toWrongExpectedRevision('group-3', 5, 0n).message).toBe('stream "group-3": expected revision 5, actual 0');
    });
  });

  describe('events', () => {
    it('stores id, type, data and metadata unchanged as a JSON event', () => {
      const data = toEventData(appended);
      expect(data).toEqual(
        jsonEvent({
          id: ID_A,
          type: 'groups.MemberJoined.v1',
          data: appended.data,
          metadata: appended.metadata,
        } as never),
      );
      expect(data.contentType).toBe('application/json');
    });

    it('reads an event back with its tenant, stream, revision, position and record time', () => {
      expect(fromRecordedEvent(recorded(), 'mr2')).toEqual({
        id: ID_A,
        type: 'groups.MemberJoined.v1',
        data: appended.data,
        metadata: appended.metadata,
        tenantId: 'mr2',
        streamId: 'group-pgr-chojnice',
        revision: 3,
        position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
        recordedAt: new Date('2026-11-23T10:00:00Z'),
      });
    });

    it('drops events of another tenant, of system streams and binary events', () => {
      expect(fromRecordedEvent(recorded(), 'mr1')).toBeNull();
      expect(fromRecordedEvent(recorded(), ALL_TENANTS)?.tenantId).toBe('mr2');
      expect(fromRecordedEvent(recorded({ streamId: '$settings' }))).toBeNull();
      expect(fromRecordedEvent(recorded({ isJson: false } as never))).toBeNull();
    });
  });

  describe('$all filters', () => {
    it('a tenant read filters on the tenant’s stream prefix and checks the type prefixes itself', () => {
      const plan = planAllRead('mr1', ['groups.']);
      expect(plan).toMatchObject({ filterOn: 'streamName', prefixes: ['mr1:'] });
      expect(plan.matches('mr1:group-1', 'groups.MemberJoined.v1')).toBe(true);
      expect(plan.matches('mr1:group-1', 'decisions.Adopted.v1')).toBe(false);
      expect(plan.matches('mr10:group-1', 'groups.MemberJoined.v1')).toBe(false);
    });

    it('a cross-tenant read with types filters on the types and keeps only tenant streams', () => {
      const plan = planAllRead(ALL_TENANTS, ['pilot.', 'groups.']);
      expect(plan).toMatchObject({ filterOn: 'eventType', prefixes: ['pilot.', 'groups.'] });
      expect(plan.matches('mr3:case-1', 'pilot.CaseOpened.v1')).toBe(true);
      expect(plan.matches('$et-pilot.CaseOpened.v1', 'pilot.CaseOpened.v1')).toBe(false);
    });

    it('a cross-tenant read of everything filters on the tenant-stream pattern', () => {
      const plan = planAllRead(ALL_TENANTS);
      expect(plan.filterOn).toBe('streamName');
      const serverSide = new RegExp(plan.regex!);
      expect(serverSide.test('mr1:project-1')).toBe(true);
      expect(serverSide.test('$stats-127.0.0.1:2113')).toBe(false);
      expect(plan.matches('$epoch-information', '$epoch-information')).toBe(false);
    });
  });

  describe('idempotency by event id', () => {
    const tail = [
      { id: ID_B, revision: 1, position: { commit: 200n, prepare: 200n } },
      { id: ID_A, revision: 0, position: { commit: 100n, prepare: 100n } },
    ];

    it('a retry of stored ids writes nothing and reports the newest stored event', () => {
      expect(checkDuplicates([ID_A, ID_B.toUpperCase()], tail)).toEqual({
        kind: 'all',
        position: { commit: 200n, prepare: 200n },
      });
    });

    it('new ids are a new append', () => {
      expect(checkDuplicates([ID_C], tail)).toEqual({ kind: 'none' });
      expect(checkDuplicates([ID_C], [])).toEqual({ kind: 'none' });
    });

    it('a batch mixing stored and new ids is refused, naming the stored ones', () => {
      expect(checkDuplicates([ID_A, ID_C], tail)).toEqual({ kind: 'partial', storedIds: [ID_A] });
    });
  });
});
