import type { Pool } from 'pg';

/**
 * The tenants that have events, found with a skip scan over the (tenant, position) index:
 * one index probe per tenant instead of a scan of the whole log.
 */
export async function tenantsWithEvents(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ tenant_id: string }>(`
    WITH RECURSIVE t AS (
      (SELECT tenant_id FROM es_events ORDER BY tenant_id LIMIT 1)
      UNION ALL
      SELECT (SELECT e.tenant_id FROM es_events e WHERE e.tenant_id > t.tenant_id ORDER BY e.tenant_id LIMIT 1)
        FROM t WHERE t.tenant_id IS NOT NULL)
    SELECT tenant_id FROM t WHERE tenant_id IS NOT NULL`);
  return rows.map((r) => r.tenant_id);
}
