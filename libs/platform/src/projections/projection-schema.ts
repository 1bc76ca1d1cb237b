import type { Pool, PoolClient } from 'pg';
import { versionedTable, type Projection } from './projection';

/**
 * Creates a version of a projection's tables, with row-level security by tenant, and swaps the
 * reader views to a version. Every projection table has a `tenant_id` column; tables a
 * projection lists in `crossTenantTables` hold aggregates only and are readable across tenants.
 */
export class ProjectionSchema {
  constructor(
    private readonly pool: Pool,
    /** The application's database role (no table ownership); granted SELECT on reader tables. */
    private readonly readerRole?: string,
  ) {}

  /** Creates the tables of `version` if missing. */
  async createVersion(projection: Projection & { crossTenantTables?: readonly string[] }, version: number) {
    await this.inTransaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('projection-ddl:' || $1, 0))`, [
        projection.name,
      ]);
      const table = (base: string) => versionedTable(base, version);
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY($1)`,
        [projection.tables.map(table)],
      );
      if (rows[0].n === projection.tables.length) {
        // Tables from an earlier run: the application role may be new (or renamed) since.
        for (const base of projection.tables) await this.grant(client, table(base));
        return;
      }
      for (const statement of projection.ddl(table)) await client.query(statement);
      for (const base of projection.tables) {
        const t = table(base);
        await client.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
        await client.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
        const crossTenant = projection.crossTenantTables?.includes(base);
        await client.query(
          crossTenant
            ? `CREATE POLICY aggregate_read ON ${t} FOR SELECT USING (true)`
            : `CREATE POLICY tenant_read ON ${t} FOR SELECT USING (tenant_id = current_setting('app.tenant_id', true))`,
        );
        await client.query(
          `CREATE POLICY tenant_write ON ${t} FOR ALL
             USING (tenant_id = current_setting('app.tenant_id', true))
             WITH CHECK (tenant_id = current_setting('app.tenant_id', true))`,
        );
        await this.grant(client, t);
      }
    });
  }

  /** Points the reader views at `version` and records it as active. */
  async activate(projection: Projection, version: number, client?: PoolClient) {
    const run = async (c: PoolClient) => {
      for (const base of projection.tables) {
        await c.query(`DROP VIEW IF EXISTS ${base}`);
        await c.query(
          `CREATE VIEW ${base} WITH (security_invoker = true) AS SELECT * FROM ${versionedTable(base, version)}`,
        );
        await this.grant(c, base);
      }
      await c.query(
        `INSERT INTO projection_versions (projection, active_version, swapped_at) VALUES ($1, $2, now())
         ON CONFLICT (projection) DO UPDATE
           SET active_version = EXCLUDED.active_version, rebuilding_version = NULL,
               rebuild_started_at = NULL, swapped_at = now()`,
        [projection.name, version],
      );
    };
    if (client) await run(client);
    else await this.inTransaction(run);
  }

  /** The active version, creating and activating version 1 on first use. */
  async ensureActive(projection: Projection): Promise<number> {
    const current = await this.activeVersion(projection.name);
    if (current !== null) {
      await this.createVersion(projection, current);
      return current;
    }
    await this.createVersion(projection, 1);
    await this.inTransaction(async (client) => {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('projection-ddl:' || $1, 0))`, [
        projection.name,
      ]);
      const { rowCount } = await client.query('SELECT 1 FROM projection_versions WHERE projection = $1', [
        projection.name,
      ]);
      if (!rowCount) await this.activate(projection, 1, client);
    });
    return (await this.activeVersion(projection.name))!;
  }

  async activeVersion(name: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ active_version: number }>(
      'SELECT active_version FROM projection_versions WHERE projection = $1',
      [name],
    );
    return rows.length ? rows[0].active_version : null;
  }

  /** Drops the tables of versions older than `keepFrom` (the previous version is kept for rollback). */
  async dropVersionsBefore(projection: Projection, keepFrom: number) {
    const { rows } = await this.pool.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename ~ $1`,
      [`^(${projection.tables.join('|')})_v[0-9]+$`],
    );
    for (const { tablename } of rows) {
      const version = Number(/_v(\d+)$/.exec(tablename)![1]);
      if (version < keepFrom) await this.pool.query(`DROP TABLE IF EXISTS ${tablename}`);
    }
    await this.pool.query('DELETE FROM projection_checkpoints WHERE projection = $1 AND version < $2', [
      projection.name,
      keepFrom,
    ]);
  }

  private async grant(client: PoolClient, relation: string) {
    if (!this.readerRole) return;
    const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [this.readerRole]);
    if (rowCount) await client.query(`GRANT SELECT ON ${relation} TO ${client.escapeIdentifier(this.readerRole)}`);
  }

  private async inTransaction(work: (client: PoolClient) => Promise<void>) {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
