import type { PoolClient } from 'pg';
import type { RecordedEvent } from '../event-store/event-store.port';

/** What a projection gets for one batch: a client inside the batch's transaction. */
export interface ProjectionBatch {
  /** The tenant whose events these are (the batch transaction has `app.tenant_id` set to it). */
  readonly tenantId: string;
  /** Inside the transaction that also commits the checkpoint. */
  readonly client: PoolClient;
  /** The physical name of one of the projection's tables in the version being written. */
  table(base: string): string;
}

/**
 * A read model fed from the event store. Its tables are versioned (`<base>_v<N>`) so a rebuild
 * can fill a new version while the old one serves; readers use the view `<base>`, which always
 * points at the active version.
 */
export interface Projection {
  /** Stable name, e.g. 'group-composition'. */
  readonly name: string;
  /** Stored event type names this projection handles (including older versions it upcasts). */
  readonly handles: readonly string[];
  /** Base names of its tables; each gets a view of that name over the active version. */
  readonly tables: readonly string[];
  /** DDL creating the tables of one version; `table(base)` gives the physical name. */
  ddl(table: (base: string) => string): readonly string[];
  /** Applies a batch (only handled events, in log order). Must be idempotent per event. */
  apply(events: readonly RecordedEvent[], batch: ProjectionBatch): Promise<void>;
  /**
   * Set for subscribers whose effect is outside the database (e.g. publishing to Kafka): `apply`
   * runs before the checkpoint transaction, with no client, so a slow or absent broker never
   * holds a transaction open. Delivery is then at least once; consumers deduplicate.
   */
  readonly sideEffects?: boolean;
}

export function versionedTable(base: string, version: number): string {
  if (!/^[a-z][a-z0-9_]{0,50}$/.test(base)) throw new Error(`bad table name ${base}`);
  return `${base}_v${version}`;
}
