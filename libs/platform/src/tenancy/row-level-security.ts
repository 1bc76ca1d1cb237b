import type { Pool, PoolClient } from 'pg';
import type { QueryRunner } from 'typeorm';
import { assertTenantId } from '../event-store/validation';

/** The transaction-local setting every tenant policy reads. */
export const TENANT_SETTING = 'app.tenant_id';

/**
 * Migration helper: turns on row-level security for a table keyed by `tenant_id`, with one
 * policy for reads and writes. The table owner (migrations, projector) is not subject to it;
 * the application role is.
 */
export async function enableTenantIsolation(q: Pick<QueryRunner, 'query'>, table: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(table)) throw new Error(`not a plain table name: ${table}`);
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = current_setting('${TENANT_SETTING}', true))
      WITH CHECK (tenant_id = current_setting('${TENANT_SETTING}', true))`);
}

export interface TenantTransactionOptions {
  readonly readOnly?: boolean;
}

/**
 * Runs `work` in a transaction on `pool` (the application pool) with the tenant set for that
 * transaction only (`set_config(..., true)`), so a pooled connection never carries a tenant
 * into the next checkout.
 */
export async function withTenantTransaction<T>(
  pool: Pool,
  tenantId: string,
  work: (client: PoolClient) => Promise<T>,
  options: TenantTransactionOptions = {},
): Promise<T> {
  assertTenantId(tenantId);
  const client = await pool.connect();
  try {
    await client.query(options.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
    await client.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, tenantId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Relations with a `tenant_id` column that `role` can read without tenant isolation: tables
 * without RLS and a policy, views that do not run as the invoker (they would read the base
 * tables with the view owner's rights). Empty when every read model is isolated.
 */
export async function tablesWithoutTenantIsolation(pool: Pool, role: string): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>(
    `SELECT c.relname AS table_name
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relkind IN ('r', 'p', 'v', 'm')
        AND has_table_privilege($1, c.oid, 'SELECT')
        AND NOT CASE c.relkind
              WHEN 'v' THEN coalesce('security_invoker=true' = ANY (c.reloptions), false)
              ELSE c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid)
            END
      ORDER BY 1`,
    [role],
  );
  return rows.map((r) => r.table_name);
}
