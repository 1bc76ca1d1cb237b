import { Client, type Pool } from 'pg';
import type { EventStore } from '../event-store/event-store.port';
import { AppendSignal } from '../event-store/subscription';
import { PartitionWorker } from './partition-worker';
import type { Projection } from './projection';
import { ProjectionSchema } from './projection-schema';
import { tenantsWithEvents } from './tenant-partitions';

export interface ProjectionRunnerOptions {
  /** Connection string for the lease connection (session advisory locks). */
  readonly databaseUrl: string;
  readonly batchSize?: number;
  /** Poll interval once caught up; doubles while idle up to `maxPollIntervalMs`. */
  readonly pollIntervalMs?: number;
  readonly maxPollIntervalMs?: number;
  /** How often partitions, leases and active versions are re-checked. */
  readonly refreshIntervalMs?: number;
  readonly appendSignal?: AppendSignal;
  /** Tenants to run; default: every tenant with events. */
  readonly partitions?: () => Promise<string[]>;
  /** Limit this process to these tenants (e.g. a deployment per tenant group). */
  readonly onlyTenants?: readonly string[];
  readonly readerRole?: string;
  readonly log?: (message: string, error?: unknown) => void;
}

interface Running {
  readonly worker: PartitionWorker;
  readonly done: Promise<void>;
  stop(): void;
}

/**
 * Runs projections, partitioned by tenant. A partition (projection, tenant) is leased with a
 * session advisory lock on a dedicated connection, so several projector processes share the
 * work without two applying the same tenant's events; the checkpoint fencing in
 * {@link PartitionWorker} keeps that true even if a lease is lost mid-batch.
 */
export class ProjectionRunner {
  private readonly schema: ProjectionSchema;
  private readonly running = new Map<string, Running>();
  private lease?: Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private refreshing?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    readonly projections: readonly Projection[],
    private readonly options: ProjectionRunnerOptions,
  ) {
    this.schema = new ProjectionSchema(pool, options.readerRole);
  }

  async start(): Promise<void> {
    for (const p of this.projections) await this.schema.ensureActive(p);
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.options.refreshIntervalMs ?? 2_000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.refreshing;
    await Promise.all([...this.running.values()].map((r) => (r.stop(), r.done)));
    this.running.clear();
    await this.lease?.end().catch(() => undefined);
    this.lease = undefined;
  }

  /** Partitions this process currently runs, as `projection/tenant@version`. */
  owned(): string[] {
    return [...this.running.values()].map(
      (r) => `${r.worker.projection.name}/${r.worker.tenantId}@${r.worker.version}`,
    );
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.doRefresh()
      .catch((error) => this.options.log?.('projection runner refresh failed', error))
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async doRefresh(): Promise<void> {
    if (this.stopped) return;
    const lease = await this.leaseConnection();
    let tenants = await (this.options.partitions ?? (() => tenantsWithEvents(this.pool)))();
    if (this.options.onlyTenants) tenants = tenants.filter((t) => this.options.onlyTenants!.includes(t));
    for (const projection of this.projections) {
      const version =
        (await this.schema.activeVersion(projection.name)) ?? (await this.schema.ensureActive(projection));
      for (const tenantId of tenants) {
        const key = `${projection.name}/${tenantId}`;
        const current = this.running.get(key);
        if (current && current.worker.version === version) continue;
        if (current) {
          // A rebuild swapped versions: stop writing the old one, continue on the new.
          current.stop();
          await current.done;
          this.running.delete(key);
        } else {
          const { rows } = await lease.query<{ ok: boolean }>(
            `SELECT pg_try_advisory_lock(hashtext('projection:' || $1), hashtext($2)) AS ok`,
            [projection.name, tenantId],
          );
          if (!rows[0].ok) continue; // another process runs this partition
        }
        await this.schema.createVersion(projection, version);
        this.running.set(
          key,
          this.run(new PartitionWorker(this.pool, this.store, projection, version, tenantId, this.options.batchSize)),
        );
      }
    }
  }

  private run(worker: PartitionWorker): Running {
    const abort = new AbortController();
    const signal = this.options.appendSignal ?? new AppendSignal();
    const base = this.options.pollIntervalMs ?? 100;
    const max = this.options.maxPollIntervalMs ?? 1_000;
    const done = (async () => {
      let idle = base;
      while (!abort.signal.aborted) {
        try {
          // Drain while there is work: what arrived during a batch is the next batch, so an event
          // waits for at most one batch in progress, not a poll interval; back off only when idle.
          if ((await worker.runBatch()) > 0) {
            idle = base;
            continue;
          }
          idle = Math.min(idle * 2, max);
        } catch (error) {
          this.options.log?.(`projection ${worker.projection.name}/${worker.tenantId} failed a batch; retrying`, error);
          idle = max;
        }
        await signal.wait(idle, abort.signal);
      }
    })();
    return { worker, done, stop: () => abort.abort() };
  }

  private async leaseConnection(): Promise<Client> {
    if (this.lease) return this.lease;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'kooperacja-projector-lease',
    });
    client.on('error', (error) => {
      // The leases went with the connection: stop every partition, take leases again next refresh.
      this.options.log?.('projection lease connection lost', error);
      if (this.lease === client) this.lease = undefined;
      for (const [key, r] of this.running) {
        r.stop();
        this.running.delete(key);
      }
    });
    await client.connect();
    this.lease = client;
    return client;
  }
}
