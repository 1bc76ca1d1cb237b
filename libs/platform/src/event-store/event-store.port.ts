import type { Position } from './position';

/** The revision the caller expects a stream to be at when appending. */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

/** Who did something: taken from the verified token, never from a request body. */
export interface Actor {
  readonly sub: string;
  readonly role: string;
  readonly tenantId?: string;
}

/** Metadata carried by every stored event. */
export interface EventMetadata {
  readonly tenantId: string;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly actor: Actor;
  /** Business time: when the fact happened (ISO 8601). */
  readonly occurredAt: string;
  readonly schemaVersion: number;
  /** Set on events produced by the synthetic pilot generator. */
  readonly synthetic?: boolean;
  /** Free-form, documented extensions (e.g. the source document of an imported fact). */
  readonly [extension: string]: unknown;
}

/** The personal fields of an event to append and the (pseudonymous) subject they are about. */
export interface PersonalDataRef {
  readonly subjectId: string;
  /** Top-level data fields holding personal values. */
  readonly fields: readonly string[];
}

/** An event to append. `id` must be stable across retries of the same command. */
export interface EventToAppend<Data = unknown> {
  readonly id: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /**
   * Set by the command runner from the event catalogue: the privacy layer
   * (`PersonalDataProtectingStore`) encrypts these fields under the subject's key. Never stored.
   */
  readonly personalData?: PersonalDataRef;
}

/** An event as stored. */
export interface RecordedEvent<Data = unknown> extends EventToAppend<Data> {
  readonly tenantId: string;
  readonly streamId: string;
  /** 0-based position of the event in its stream. */
  readonly revision: number;
  readonly position: Position;
  /** When the store committed the event (server time). */
  readonly recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event of the stream after the append. */
  readonly nextExpectedRevision: number;
  /** Position of the last event appended (or found, for an idempotent retry). */
  readonly position: Position;
  /** True when every event id was already in the stream: nothing was written. */
  readonly idempotent: boolean;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly limit?: number;
}

/** Marker for a cross-tenant read; the caller must ask for it explicitly. */
export const ALL_TENANTS = Symbol.for('kooperacja.all-tenants');
export type TenantScope = string | typeof ALL_TENANTS;

export interface ReadAllOptions {
  readonly tenant: TenantScope;
  /** Exclusive: events after this position. Omit to read from the start. */
  readonly after?: Position;
  /** Keep only events whose stored type starts with one of these prefixes. */
  readonly eventTypePrefixes?: readonly string[];
  readonly limit?: number;
}

/**
 * The event store port. Every call names a tenant; a tenant's reads never return
 * another tenant's events. Adapters: PostgreSQL (default) and EventStoreDB.
 */
export interface EventStore {
  append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult>;

  readStream(tenantId: string, streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Reads the global log in commit order. An event is returned only once every event
   * ordered before it is committed, so a catch-up reader never skips a late commit.
   */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** The position of the newest event a reader may see now (null when empty). */
  headPosition(tenant: TenantScope): Promise<Position | null>;

  /**
   * Waits (up to `timeoutMs`) until `readAll` returns every event of the tenant committed
   * before the call, for one-off readers that must not stop short (an export, a copy). Stores
   * whose readers see a commit at once need not implement it.
   */
  untilReadable?(tenantId: string, timeoutMs?: number): Promise<void>;
}
