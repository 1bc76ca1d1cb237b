import { Client, type Pool } from 'pg';
import type { EventStore } from '../event-store/event-store.port';
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
    const started = Date.now();
    const lock = new Client({ connectionString: this.databaseUrl, application_name: 'kooperacja-rebuild' });
    await lock.connect();
    try {
      const { rows } = await lock.query<{ ok: boolean }>(
        `SELECT pg_try_advisory_lock(hashtext('projection-rebuild'), hashtext($1)) AS ok`,
        [projection.name],
      );
      if (!rows[0].ok) throw new RebuildInProgressError(projection.name);

      const fromVersion = await this.schema.ensureActive(projection);
      const toVersion = fromVersion + 1;
      await this.discard(projection, toVersion); // leftovers of an interrupted rebuild
      await this.pool.query(
        `UPDATE projection_versions SET rebuilding_version = $2, rebuild_started_at = now() WHERE projection = $1`,
        [projection.name, toVersion],
      );
      await this.schema.createVersion(projection, toVersion);

      const tenants = await tenantsWithEvents(this.pool);
      let events = 0;
      await Promise.all(
        tenants.map(async (tenantId) => {
          const worker = new PartitionWorker(
            this.pool,
            this.store,
            projection,
            toVersion,
            tenantId,
            this.options.batchSize ?? 2000,
          );
          events += await worker.catchUp();
          this.options.onProgress?.(events);
        }),
      );

      await this.schema.activate(projection, toVersion);
      await this.schema.dropVersionsBefore(projection, fromVersion);
      return {
        projection: projection.name,
        fromVersion,
        toVersion,
        events,
        tenants,
        seconds: (Date.now() - started) / 1000,
      };
    } finally {
      await lock.end().catch(() => undefined);
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
