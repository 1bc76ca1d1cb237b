import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type CurrentRevision,
  type EventData,
  type JSONType,
  type Position as ClientPosition,
  type RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import {
  ALL_TENANTS,
  type EventMetadata,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type TenantScope,
} from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import type { Position } from '../position';

/**
 * Pure translations between the port and EventStoreDB (KurrentDB). Stream names carry the
 * tenant: `<tenant>:<streamId>`. Tenant ids match `^[a-z][a-z0-9-]{0,31}$`, so they hold no `:`
 * and never start with `$`: the first `:` splits a name unambiguously, and no tenant stream
 * can be mistaken for a system stream. See docs/adr/0004-eventstoredb-adapter.md.
 */
export const TENANT_SEPARATOR = ':';

const TENANT_STREAM = /^([a-z][a-z0-9-]{0,31}):(.+)$/s;

/** `mr1` + `project-42` → `mr1:project-42`. Arguments are validated by the adapter. */
export function toStreamName(tenantId: string, streamId: string): string {
  return `${tenantId}${TENANT_SEPARATOR}${streamId}`;
}

/** The tenant and stream id of a tenant stream; null for system and foreign streams. */
export function parseStreamName(name: string): { tenantId: string; streamId: string } | null {
  const match = TENANT_STREAM.exec(name);
  return match ? { tenantId: match[1], streamId: match[2] } : null;
}

/** The stream-name prefix of a tenant's streams, for `$all` filters. */
export function tenantStreamPrefix(tenantId: string): string {
  return `${tenantId}${TENANT_SEPARATOR}`;
}

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected revision must be a non-negative integer, got ${String(expected)}`);
      }
      return BigInt(expected);
  }
}

/** The client's `WrongExpectedVersionError.actualVersion` as the port's typed conflict. */
export function toWrongExpectedRevision(
  streamId: string,
  expected: ExpectedRevision,
  actual: CurrentRevision,
): WrongExpectedRevisionError {
  return new WrongExpectedRevisionError(streamId, expected, actual === NO_STREAM ? 'no_stream' : Number(actual));
}

export function toClientPosition(position: Position): ClientPosition {
  return { commit: position.commit, prepare: position.prepare };
}

export function fromClientPosition(position: ClientPosition): Position {
  return { commit: position.commit, prepare: position.prepare };
}

/** Our event as the client's JSON event: id, stored type, data and metadata unchanged. */
export function toEventData(event: EventToAppend): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as unknown as JSONType,
  };
}

/**
 * A recorded EventStoreDB event as the port's recorded event; null when it is not ours (a
 * system or foreign stream, a binary event, a stream outside `tenant`).
 */
export function fromRecordedEvent(event: ClientRecordedEvent, tenant: TenantScope = ALL_TENANTS): RecordedEvent | null {
  const name = parseStreamName(event.streamId);
  if (!name || !event.isJson || !event.position) return null;
  if (tenant !== ALL_TENANTS && name.tenantId !== tenant) return null;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
    tenantId: name.tenantId,
    streamId: name.streamId,
    revision: Number(event.revision),
    position: fromClientPosition(event.position),
    recordedAt: event.created,
  };
}

/** What the server filters on in a `$all` read, and what the adapter still has to check. */
export interface AllReadPlan {
  readonly filterOn: 'streamName' | 'eventType';
  readonly prefixes?: readonly string[];
  readonly regex?: string;
  /** Applied to every delivered event: the part of the filter the server could not do. */
  matches(streamName: string, type: string): boolean;
}

/**
 * EventStoreDB filters `$all` on stream name or on event type, not both. A tenant read filters
 * on the tenant's stream prefix (tenants are few and a tenant's share of the log is small) and
 * checks the type prefixes here; a cross-tenant read with type prefixes filters on the types and
 * checks here that the stream is a tenant stream; a cross-tenant read of everything filters on
 * the tenant-stream pattern.
 */
export function planAllRead(tenant: TenantScope, eventTypePrefixes: readonly string[] = []): AllReadPlan {
  const typeMatches = (type: string) =>
    eventTypePrefixes.length === 0 || eventTypePrefixes.some((p) => type.startsWith(p));
  if (tenant !== ALL_TENANTS) {
    const prefix = tenantStreamPrefix(tenant);
    return {
      filterOn: 'streamName',
      prefixes: [prefix],
      matches: (stream, type) => stream.startsWith(prefix) && typeMatches(type),
    };
  }
  const tenantStream = (stream: string) => parseStreamName(stream) !== null;
  if (eventTypePrefixes.length > 0) {
    return {
      filterOn: 'eventType',
      prefixes: [...eventTypePrefixes],
      matches: (stream, type) => tenantStream(stream) && typeMatches(type),
    };
  }
  return { filterOn: 'streamName', regex: TENANT_STREAM.source, matches: tenantStream };
}

export interface StoredId {
  readonly id: string;
  readonly revision: number;
  readonly position: Position;
}

export type DuplicateCheck =
  | { readonly kind: 'none' }
  | { readonly kind: 'all'; readonly position: Position }
  | { readonly kind: 'partial'; readonly storedIds: readonly string[] };

/**
 * Compares the ids of an append with the ids already in the stream's tail: none stored (a new
 * append), all stored (a retry: report the newest stored one, write nothing), or some (refuse).
 */
export function checkDuplicates(ids: readonly string[], tail: readonly StoredId[]): DuplicateCheck {
  const stored = new Map(tail.map((e) => [e.id.toLowerCase(), e]));
  const found = ids.map((id) => stored.get(id.toLowerCase())).filter((e): e is StoredId => e !== undefined);
  if (found.length === 0) return { kind: 'none' };
  if (found.length < ids.length) return { kind: 'partial', storedIds: found.map((e) => e.id) };
  const newest = found.reduce((a, b) => (b.revision > a.revision ? b : a));
  return { kind: 'all', position: newest.position };
}
