import type { Pool, PoolClient } from 'pg';
import { assertTenantId } from '../event-store/validation';
import type { Position } from '../event-store/position';
import { TENANT_SETTING } from './row-level-security';

export interface TenantDataCounts {
  readonly events: number;
  /** Rows per read-model table (every table with a `tenant_id` column but the event log). */
  readonly readModelRows: Readonly<Record<string, number>>;
}

/**
 * Deletes a tenant's data, for offboarding only. The event store port has no delete on
 * purpose: history is append-only for everyone else. This runs on the owner connection, after
 * the events were exported, and only removes events up to the exported position.
 */
export class TenantDataEraser {
  constructor(private readonly pool: Pool) {}

  async count(tenantId: string): Promise<TenantDataCounts> {
    assertTenantId(tenantId);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      // Read-model tables may FORCE row-level security, which binds their owner too.
      await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM es_events WHERE tenant_id = $1`, [
        tenantId,
      ]);
      const readModelRows: Record<string, number> = {};
      for (const table of await readModelTables(client)) {
        const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE tenant_id = $1`, [
          tenantId,
        ]);
        readModelRows[table] = Number(r.rows[0].n);
      }
      await client.query('COMMIT');
      return { events: Number(rows[0].n), readModelRows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * In one transaction: the tenant's events up to and including `upTo` (none when null), and
   * all of its read-model rows. Returns what was deleted.
   */
  async erase(tenantId: string, upTo: Position | null): Promise<TenantDataCounts> {
    assertTenantId(tenantId);
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('${TENANT_SETTING}', $1, true)`, [tenantId]);
      let events = 0;
      if (upTo) {
        const r = await client.query(
          `DELETE FROM es_events WHERE tenant_id = $1 AND (transaction_id, global_position) <= ($2::xid8, $3::bigint)`,
          [tenantId, upTo.commit.toString(), upTo.prepare.toString()],
        );
        events = r.rowCount ?? 0;
      }
      const readModelRows: Record<string, number> = {};
      for (const table of await readModelTables(client)) {
        const r = await client.query(`DELETE FROM "${table}" WHERE tenant_id = $1`, [tenantId]);
        readModelRows[table] = r.rowCount ?? 0;
      }
      await client.query('COMMIT');
      return { events, readModelRows };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function readModelTables(client: PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id'
        AND t.table_type = 'BASE TABLE' AND c.table_name <> 'es_events'
      ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}
