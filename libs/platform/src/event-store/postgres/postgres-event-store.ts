import type { Pool, PoolClient } from 'pg';
import {
  ALL_TENANTS,
  type AppendResult,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type TenantScope,
} from '../event-store.port';
import { EventStoreUnavailableError, IdempotencyConflictError, WrongExpectedRevisionError } from '../errors';
import { START, type Position } from '../position';
import { assertAppendable, assertStreamId, assertTenantId, assertTenantScope, clampReadLimit } from '../validation';

interface EventRow {
  global_position: string;
  transaction_id: string;
  tenant_id: string;
  stream_id: string;
  stream_revision: string;
  event_id: string;
  event_type: string;
  data: unknown;
  metadata: EventToAppend['metadata'];
  recorded_at: Date;
}

const COLUMNS =
  'global_position, transaction_id, tenant_id, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at';

/** Event store on PostgreSQL: one round trip per append (the `es_append` function). */
export class PostgresEventStore implements EventStore {
  constructor(private readonly pool: Pool) {}

  async append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    assertAppendable(tenantId, streamId, events);
    const payload = JSON.stringify(events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })));
    const { rows } = await this.query<{
      status: string;
      revision: string | null;
      commit_position: string | null;
      prepare_position: string | null;
    }>('SELECT status, revision, commit_position, prepare_position FROM es_append($1, $2, $3, $4::jsonb)', [
      tenantId,
      streamId,
      encodeExpected(expectedRevision),
      payload,
    ]);
    const r = rows[0];
    switch (r.status) {
      case 'ok':
      case 'idempotent':
        return {
          nextExpectedRevision: Number(r.revision),
          position: { commit: BigInt(r.commit_position!), prepare: BigInt(r.prepare_position!) },
          idempotent: r.status === 'idempotent',
        };
      case 'conflict': {
        const actual = Number(r.revision);
        throw new WrongExpectedRevisionError(streamId, expectedRevision, actual < 0 ? 'no_stream' : actual);
      }
      default:
        throw new IdempotencyConflictError(
          streamId,
          events.map((e) => e.id),
        );
    }
  }

  async readStream(tenantId: string, streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    assertTenantId(tenantId);
    assertStreamId(streamId);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
        WHERE tenant_id = $1 AND stream_id = $2 AND stream_revision ${backwards ? '<=' : '>='} $3
        ORDER BY stream_revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
      [
        tenantId,
        streamId,
        from,
        options.limit === undefined ? null : clampReadLimit(options.limit, Number.MAX_SAFE_INTEGER),
      ],
    );
    return rows.map(toRecorded);
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    assertTenantScope(options.tenant);
    const after = options.after ?? START;
    const params: unknown[] = [after.commit.toString(), after.prepare.toString(), clampReadLimit(options.limit)];
    let where = `(transaction_id, global_position) > ($1::xid8, $2::bigint)
       AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())`;
    if (options.tenant !== ALL_TENANTS) {
      params.push(options.tenant);
      where += ` AND tenant_id = $${params.length}`;
    }
    if (options.eventTypePrefixes?.length) {
      params.push(options.eventTypePrefixes.map((p) => `${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      where += ` AND event_type LIKE ANY($${params.length}::text[])`;
    }
    const { rows } = await this.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events WHERE ${where} ORDER BY transaction_id, global_position LIMIT $3`,
      params,
    );
    return rows.map(toRecorded);
  }

  async headPosition(tenant: TenantScope): Promise<Position | null> {
    assertTenantScope(tenant);
    const params: unknown[] = [];
    let where = 'transaction_id < pg_snapshot_xmin(pg_current_snapshot())';
    if (tenant !== ALL_TENANTS) {
      params.push(tenant);
      where += ' AND tenant_id = $1';
    }
    const { rows } = await this.query<{ transaction_id: string; global_position: string }>(
      `SELECT transaction_id, global_position FROM es_events WHERE ${where}
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      params,
    );
    return rows.length ? { commit: BigInt(rows[0].transaction_id), prepare: BigInt(rows[0].global_position) } : null;
  }

  /**
   * Readers stop below the oldest transaction still open on the server (ADR 0002), so an event
   * just committed can be unreadable for a moment: this waits until that bound has passed the
   * tenant's newest event, and returns after `timeoutMs` in any case.
   */
  async untilReadable(tenantId: string, timeoutMs = 30_000): Promise<void> {
    assertTenantScope(tenantId);
    const { rows } = await this.query<{ newest: string | null }>(
      `SELECT max(transaction_id)::text AS newest FROM es_events WHERE tenant_id = $1`,
      [tenantId],
    );
    const newest = rows[0]?.newest;
    const deadline = Date.now() + timeoutMs;
    while (newest && Date.now() < deadline) {
      const { rows: bound } = await this.query<{ readable: boolean }>(
        `SELECT pg_snapshot_xmin(pg_current_snapshot()) > $1::xid8 AS readable`,
        [newest],
      );
      if (bound[0].readable) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async query<R extends object>(text: string, params: unknown[]): Promise<{ rows: R[] }> {
    try {
      return await this.pool.query<R>(text, params);
    } catch (error) {
      throw isConnectionError(error) ? new EventStoreUnavailableError(error) : error;
    }
  }
}

/** Runs `work` with a client from the pool; used by tests and tools that need one connection. */
export async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

function encodeExpected(expected: ExpectedRevision): number {
  switch (expected) {
    case 'no_stream':
      return -1;
    case 'stream_exists':
      return -2;
    case 'any':
      return -3;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) {
        throw new RangeError(`expected revision must be a non-negative integer, got ${String(expected)}`);
      }
      return expected;
  }
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    tenantId: row.tenant_id,
    streamId: row.stream_id,
    revision: Number(row.stream_revision),
    position: { commit: BigInt(row.transaction_id), prepare: BigInt(row.global_position) },
    recordedAt: row.recorded_at,
  };
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08003',
  '08001',
]);

/** Errors after which a retry on a fresh connection may succeed. */
export function isConnectionError(error: unknown): boolean {
  // Not `instanceof Error`: socket errors come from Node's own realm, which differs under a VM (Jest).
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message)
  );
}
