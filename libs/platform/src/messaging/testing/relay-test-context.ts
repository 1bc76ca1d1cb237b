import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../../domain/decider';
import { EventCatalogue } from '../../domain/event-catalogue';
import type { EventToAppend } from '../../event-store/event-store.port';
import { mapping, mappersFor } from '../define-mappers';
import type { IntegrationEventDefinition } from '../integration-event';

/**
 * A small bounded context for the messaging tests: "things" counted in a macroregion, with a
 * personal field (the owner's name) and free text (a note) that must never be published.
 */
/** Stored as v2; v1 called the sequence `n` and had no region, and is upcast on read. */
type ThingCounted = DomainEvent<
  'ThingCounted',
  { thingId: string; seq: number; region: string; ownerName: string; note?: string; countedOn: string }
>;
type ThingChecked = DomainEvent<'ThingChecked', { thingId: string; ok: boolean; inspector: string }>;
type RelayTestEvent = ThingCounted | ThingChecked;

export const relayTestCatalogue = new EventCatalogue<RelayTestEvent>('relaytest.', [
  {
    type: 'ThingCounted',
    storedName: 'relaytest.ThingCounted.v2',
    personalFields: ['ownerName'],
    upcasters: {
      'relaytest.ThingCounted.v1': (data: { thingId: string; n: number; ownerName: string; countedOn: string }) => ({
        thingId: data.thingId,
        seq: data.n,
        region: 'unknown',
        ownerName: data.ownerName,
        countedOn: data.countedOn,
      }),
    },
  },
  { type: 'ThingChecked', storedName: 'relaytest.ThingChecked.v1', personalFields: ['inspector'] },
]);

export const thingCountedV1: IntegrationEventDefinition<{
  thingId: string;
  seq: number;
  region: string;
  countedOn: string;
}> = {
  type: 'pl.kooperacja.relaytest.thing-counted.v1',
  summary: 'A thing was counted.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['thingId', 'seq', 'region', 'countedOn'],
    properties: {
      thingId: { type: 'string' },
      seq: { type: 'integer', minimum: 0 },
      region: { type: 'string' },
      countedOn: { type: 'string', format: 'date' },
    },
  },
  example: { thingId: 'thing-1', seq: 0, region: 'podkarpackie', countedOn: '2019-05-14' },
};

export const thingCheckedV1: IntegrationEventDefinition<{ thingId: string }> = {
  type: 'pl.kooperacja.relaytest.thing-checked.v1',
  summary: 'A thing passed its check.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['thingId'],
    properties: { thingId: { type: 'string' } },
  },
  example: { thingId: 'thing-1' },
};

export const thingAuditedV1: IntegrationEventDefinition<{ thingId: string; ok: boolean }> = {
  type: 'pl.kooperacja.relaytest.thing-audited.v1',
  summary: 'A thing was audited, whatever the result.',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['thingId', 'ok'],
    properties: { thingId: { type: 'string' }, ok: { type: 'boolean' } },
  },
  example: { thingId: 'thing-1', ok: false },
};

/** ThingCounted → one event; ThingChecked → an audit event, plus a "checked" event when it passed. */
export const relayTestMappers = () =>
  mappersFor(relayTestCatalogue, {
    ThingCounted: mapping<ThingCounted['data']>()({
      fields: ['thingId', 'seq', 'region', 'countedOn'],
      produces: [thingCountedV1],
      map: ({ data }) => [
        {
          type: thingCountedV1.type,
          data: { thingId: data.thingId, seq: data.seq, region: data.region, countedOn: data.countedOn },
        },
      ],
      sample: {
        thingId: 'thing-7',
        seq: 3,
        region: 'lubelskie',
        ownerName: 'Jan Kowalski',
        note: 'zadzwonić do p. Kowalskiego',
        countedOn: '2019-06-01',
      },
      olderSamples: {
        'relaytest.ThingCounted.v1': { thingId: 'thing-7', n: 3, ownerName: 'Jan Kowalski', countedOn: '2019-06-01' },
      },
    }),
    ThingChecked: mapping<ThingChecked['data']>()({
      fields: ['thingId', 'ok'],
      produces: [thingAuditedV1, thingCheckedV1],
      map: ({ data }) => [
        { type: thingAuditedV1.type, data: { thingId: data.thingId, ok: data.ok } },
        ...(data.ok ? [{ type: thingCheckedV1.type, data: { thingId: data.thingId } }] : []),
      ],
      sample: { thingId: 'thing-7', ok: true, inspector: 'Anna Nowak' },
    }),
  });

/** `n` ThingCounted events for one stream, numbered from `firstSeq`. */
export function thingsCounted(tenantId: string, thingId: string, n: number, firstSeq = 0): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      type: 'relaytest.ThingCounted.v2',
      data: {
        thingId,
        seq: firstSeq + i,
        region: 'lubelskie',
        ownerName: 'Jan Kowalski',
        note: 'prywatna notatka',
        countedOn: '2019-06-01',
      },
      metadata: {
        tenantId,
        commandId: id,
        correlationId: id,
        causationId: id,
        actor: { sub: 'relay-test', role: 'tenant-editor', tenantId },
        occurredAt: '2019-06-01',
        schemaVersion: 2,
      },
    };
  });
}
