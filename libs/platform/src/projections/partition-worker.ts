import type { Pool, PoolClient } from 'pg';
import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import { START, comparePositions, type Position } from '../event-store/position';
import { versionedTable, type Projection, type ProjectionBatch } from './projection';

/**
 * Applies one tenant's events to one version of a projection. Each batch runs in one
 * transaction that locks the checkpoint row, checks it is where this worker thinks it is
 * (fencing: a second process on the same partition can never apply a batch twice), applies
 * the batch and moves the checkpoint. A crash at any point leaves either all or none of a batch.
 */
export class PartitionWorker {
  private position: Position | null = null;
  private readonly handled: ReadonlySet<string>;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    readonly projection: Projection,
    readonly version: number,
    readonly tenantId: string,
    private readonly batchSize = 1000,
  ) {
    this.handled = new Set(projection.handles);
  }

  /** Applies the next batch; returns how many events it read (fewer than the batch size: caught up). */
  async runBatch(): Promise<number> {
    const read = await this.store.readAll({
      tenant: this.tenantId,
      after: await this.currentPosition(),
      eventTypePrefixes: this.projection.handles,
      limit: this.batchSize,
    });
    return this.applyRead(read);
  }

  /** Whether this projection applies events of this stored type. */
  handles(type: string): boolean {
    return this.handled.has(type);
  }

  /** Where this worker's checkpoint is (loaded once, then kept by the worker). */
  async currentPosition(): Promise<Position> {
    this.position ??= await this.loadCheckpoint();
    return this.position;
  }

  /**
   * Applies events someone read from this tenant's log right after {@link currentPosition}, in
   * log order: this projection's own, or every type (a reader shared by several projections;
   * the ones this projection does not handle only move its checkpoint). Same transaction and
   * fencing as {@link runBatch}; returns how many events it was given, or 0 when the
   * checkpoint had moved (then nothing was applied).
   */
  async applyRead(read: readonly RecordedEvent[]): Promise<number> {
    if (read.length === 0) return 0;
    this.position ??= await this.loadCheckpoint();
    // Handled names double as prefixes in the read; drop the few longer names they also match.
    const events = read.filter((e) => this.handled.has(e.type));
    const last = read[read.length - 1];
    if (this.projection.sideEffects && events.length > 0) {
      const noTransaction = (): never => {
        throw new Error(`${this.projection.name} has side effects: it gets no transaction and no tables`);
      };
      const batch: ProjectionBatch = {
        tenantId: this.tenantId,
        get client(): PoolClient {
          return noTransaction();
        },
        table: noTransaction,
      };
      await this.projection.apply(events, batch);
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const stored = await this.lockCheckpoint(client);
      if (comparePositions(stored, this.position) !== 0) {
        // Someone else moved this partition on: continue from where they are.
        await client.query('ROLLBACK');
        this.position = stored;
        return 0;
      }
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [this.tenantId]);
      if (events.length > 0 && !this.projection.sideEffects) {
        await this.projection.apply(events, {
          tenantId: this.tenantId,
          client,
          table: (base) => versionedTable(base, this.version),
        });
      }
      await client.query(
        `UPDATE projection_checkpoints
            SET commit_position = $4::xid8, prepare_position = $5, events_applied = events_applied + $6,
                last_recorded_at = $7, updated_at = now()
          WHERE projection = $1 AND version = $2 AND tenant_id = $3`,
        [
          this.projection.name,
          this.version,
          this.tenantId,
          last.position.commit.toString(),
          last.position.prepare.toString(),
          events.length,
          last.recordedAt,
        ],
      );
      await client.query('COMMIT');
      this.position = last.position;
      return read.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      this.position = null; // reload from the database: the transaction may not have committed
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Runs batches until every handled event committed before the call is applied. Readers only
   * see transactions older than the oldest one still open on the server, so a committed event
   * can be invisible for a moment: this waits for it (up to `timeoutMs`) rather than stopping
   * short. Returns the number of events read.
   */
  async catchUp(timeoutMs = 60_000): Promise<number> {
    const target = await this.latestCommitted();
    const deadline = Date.now() + timeoutMs;
    let total = 0;
    for (;;) {
      const n = await this.runBatch();
      total += n;
      const reached = !target || (this.position !== null && comparePositions(this.position, target) >= 0);
      if (reached && n < this.batchSize) return total;
      if (n === 0) {
        if (Date.now() > deadline) {
          throw new Error(
            `${this.projection.name}/${this.tenantId}: events committed before catch-up stayed invisible`,
          );
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  /** The newest handled event committed now, visible or not yet to a reader's snapshot bound. */
  private async latestCommitted(): Promise<Position | null> {
    const patterns = this.projection.handles.map((h) => `${h.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const { rows } = await this.pool.query<{ c: string; p: string }>(
      `SELECT transaction_id::text AS c, global_position::text AS p FROM es_events
        WHERE tenant_id = $1 AND event_type LIKE ANY($2::text[])
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [this.tenantId, patterns],
    );
    return rows.length ? { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) } : null;
  }

  private async loadCheckpoint(): Promise<Position> {
    await this.pool.query(
      `INSERT INTO projection_checkpoints (projection, version, tenant_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING`,
      [this.projection.name, this.version, this.tenantId],
    );
    const { rows } = await this.pool.query<{ c: string; p: string }>(
      `SELECT commit_position::text AS c, prepare_position::text AS p FROM projection_checkpoints
        WHERE projection = $1 AND version = $2 AND tenant_id = $3`,
      [this.projection.name, this.version, this.tenantId],
    );
    return rows.length ? { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) } : START;
  }

  private async lockCheckpoint(client: PoolClient): Promise<Position> {
    const { rows } = await client.query<{ c: string; p: string }>(
      `SELECT commit_position::text AS c, prepare_position::text AS p FROM projection_checkpoints
        WHERE projection = $1 AND version = $2 AND tenant_id = $3 FOR UPDATE`,
      [this.projection.name, this.version, this.tenantId],
    );
    if (!rows.length)
      throw new Error(`checkpoint of ${this.projection.name} v${this.version}/${this.tenantId} vanished`);
    return { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) };
  }
}
