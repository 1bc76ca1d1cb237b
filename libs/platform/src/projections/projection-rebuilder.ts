import { Client, type Pool } from 'pg';
import type { EventStore } from '../event-store/event-store.port';
import { START, comparePositions, type Position } from '../event-store/position';
import { PartitionWorker } from './partition-worker';
import { versionedTable, type Projection } from './projection';
import { ProjectionSchema } from './projection-schema';
import { tenantsWithEvents } from './tenant-partitions';

export class RebuildInProgressError extends Error {
  override readonly name = 'RebuildInProgressError';
  constructor(projection: string) {
    super(`a rebuild of projection "${projection}" is already running`);
  }
}

export interface RebuildResult {
  readonly projection: string;
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly events: number;
  readonly tenants: readonly string[];
  readonly seconds: number;
}

/**
 * Rebuilds a projection without downtime: replays every tenant's events into a new version
 * of its tables while the active version keeps serving, then swaps the reader views in one
 * transaction. The live runner notices the new active version and continues on it from the
 * rebuild's checkpoints; it never writes the version being rebuilt.
 */
export class ProjectionRebuilder {
  private readonly schema: ProjectionSchema;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly databaseUrl: string,
    private readonly options: { batchSize?: number; readerRole?: string; onProgress?: (events: number) => void } = {},
  ) {
    this.schema = new ProjectionSchema(pool, options.readerRole);
  }

  async rebuild(projection: Projection): Promise<RebuildResult> {
    const [result] = await this.rebuildAll([projection]);
    return result;
  }

  /**
   * Rebuilds several projections at once (e.g. the whole read-model set): each tenant's log is
   * read once, every batch handed to every projection's worker, each applying its own events
   * in its own transaction with its own checkpoint. Refused, changing nothing, when a rebuild
   * of any of them is already running.
   */
  async rebuildAll(projections: readonly Projection[]): Promise<RebuildResult[]> {
    const started = Date.now();
    const lock = new Client({ connectionString: this.databaseUrl, application_name: 'kooperacja-rebuild' });
    await lock.connect();
    try {
      for (const projection of projections) {
        const { rows } = await lock.query<{ ok: boolean }>(
          `SELECT pg_try_advisory_lock(hashtext('projection-rebuild'), hashtext($1)) AS ok`,
          [projection.name],
        );
        if (!rows[0].ok) throw new RebuildInProgressError(projection.name);
      }
      const versions: { fromVersion: number; toVersion: number }[] = [];
      for (const projection of projections) {
        const fromVersion = await this.schema.ensureActive(projection);
        const toVersion = fromVersion + 1;
        await this.discard(projection, toVersion); // leftovers of an interrupted rebuild
        await this.pool.query(
          `UPDATE projection_versions SET rebuilding_version = $2, rebuild_started_at = now() WHERE projection = $1`,
          [projection.name, toVersion],
        );
        await this.schema.createVersion(projection, toVersion);
        versions.push({ fromVersion, toVersion });
      }

      const tenants = await tenantsWithEvents(this.pool);
      const events = projections.map(() => 0);
      let read = 0;
      await Promise.all(
        tenants.map(async (tenantId) => {
          const workers = projections.map(
            (projection, i) =>
              new PartitionWorker(
                this.pool,
                this.store,
                projection,
                versions[i].toVersion,
                tenantId,
                this.options.batchSize ?? 2000,
              ),
          );
          const counts =
            workers.length === 1 ? [await workers[0].catchUp()] : await this.replayShared(workers, tenantId);
          counts.forEach((n, i) => (events[i] += n));
          read += Math.max(...counts);
          this.options.onProgress?.(read);
        }),
      );

      for (const [i, projection] of projections.entries()) {
        await this.schema.activate(projection, versions[i].toVersion);
        await this.schema.dropVersionsBefore(projection, versions[i].fromVersion);
      }
      const seconds = (Date.now() - started) / 1000;
      return projections.map((projection, i) => ({
        projection: projection.name,
        ...versions[i],
        events: events[i],
        tenants,
        seconds,
      }));
    } finally {
      await lock.end().catch(() => undefined);
    }
  }

  /**
   * One reader for a tenant's log, every batch applied by every worker (concurrently, each in
   * its own transaction). The workers start together at the beginning of fresh tables, and no
   * one else writes the version being rebuilt, so their checkpoints move in step. Returns the
   * events each projection handled.
   */
  private async replayShared(workers: readonly PartitionWorker[], tenantId: string): Promise<number[]> {
    const batchSize = this.options.batchSize ?? 2000;
    const counts = workers.map(() => 0);
    let after: Position = START;
    for (const worker of workers) {
      if (comparePositions(await worker.currentPosition(), START) !== 0) {
        throw new Error(`${worker.projection.name}/${tenantId}: a fresh version has a checkpoint already`);
      }
    }
    // Every event committed before now, even if a reader's snapshot bound hides it for a moment.
    const { rows } = await this.pool.query<{ c: string; p: string }>(
      `SELECT transaction_id::text AS c, global_position::text AS p FROM es_events WHERE tenant_id = $1
        ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
      [tenantId],
    );
    const target: Position | null = rows[0] ? { commit: BigInt(rows[0].c), prepare: BigInt(rows[0].p) } : null;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const read = await this.store.readAll({ tenant: tenantId, after, limit: batchSize });
      if (read.length > 0) {
        const applied = await Promise.all(workers.map((w) => w.applyRead(read)));
        const stale = workers.find((_, i) => applied[i] !== read.length);
        if (stale) throw new Error(`${stale.projection.name}/${tenantId}: the checkpoint moved during the rebuild`);
        workers.forEach((w, i) => (counts[i] += read.filter((e) => w.handles(e.type)).length));
        after = read[read.length - 1].position;
      }
      const reached = !target || comparePositions(after, target) >= 0;
      if (reached && read.length < batchSize) return counts;
      if (read.length === 0) {
        if (Date.now() > deadline) throw new Error(`${tenantId}: events committed before the rebuild stayed invisible`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  private async discard(projection: Projection, version: number) {
    for (const base of projection.tables)
      await this.pool.query(`DROP TABLE IF EXISTS ${versionedTable(base, version)}`);
    await this.pool.query('DELETE FROM projection_checkpoints WHERE projection = $1 AND version = $2', [
      projection.name,
      version,
    ]);
  }
}
