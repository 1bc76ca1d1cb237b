import type { Pool } from 'pg';
import { DEFAULT_APP_ROLE } from '../config/config';
import { createPool } from '../database/pool';
import { createTestDatabase, type TestDatabase } from '../database/test-database';
import { enableTenantIsolation, tablesWithoutTenantIsolation, withTenantTransaction } from './row-level-security';

// The project-level testTimeout is not applied by Jest; database setup under load needs more than 5 s.
jest.setTimeout(60_000);

/**
 * Connected as the application role, a tenant's transaction sees and writes its own rows only,
 * whatever the SQL asks for.
 */
describe('row-level security for the application role', () => {
  let db: TestDatabase;
  let owner: Pool;
  let app: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = createPool(db.url, { max: 2 });
    app = createPool(db.appUrl, { max: 2 });
    // A read model as a context would create it: tenant in every key, isolation on.
    await owner.query(`CREATE TABLE example_groups (tenant_id text NOT NULL, group_id text NOT NULL, name text,
                         PRIMARY KEY (tenant_id, group_id))`);
    await enableTenantIsolation(owner, 'example_groups');
    await owner.query(`INSERT INTO example_groups VALUES ('mr1', 'g1', 'PGR chojnicki'), ('mr1', 'g2', 'PGD'),
                                                        ('mr2', 'g1', 'ZZK Katowice')`);
    await owner.query(`INSERT INTO http_idempotency (tenant_id, subject, idempotency_key, method, path, request_hash)
                       VALUES ('mr1', 'alice', 'k1', 'POST', '/x', 'h'), ('mr2', 'bob', 'k1', 'POST', '/x', 'h')`);
  });

  afterAll(async () => {
    await app.end();
    await owner.end();
    await db.drop();
  });

  it('connects as a role that owns nothing and cannot bypass RLS', async () => {
    const { rows } = await app.query<{ user: string; super: boolean; bypass: boolean; owns: number }>(
      `SELECT current_user AS user, r.rolsuper AS super, r.rolbypassrls AS bypass,
              (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ user: DEFAULT_APP_ROLE, super: false, bypass: false, owns: 0 });
  });

  it("returns no rows of another tenant's read model, even when asked for them by key", async () => {
    const rows = await withTenantTransaction(app, 'mr2', async (c) => {
      const all = await c.query(`SELECT tenant_id, group_id FROM example_groups ORDER BY group_id`);
      const asked = await c.query(`SELECT * FROM example_groups WHERE tenant_id = 'mr1'`);
      return { all: all.rows, asked: asked.rows };
    });
    expect(rows).toEqual({ all: [{ tenant_id: 'mr2', group_id: 'g1' }], asked: [] });
  });

  it('returns no rows at all when no tenant is set', async () => {
    expect((await app.query(`SELECT * FROM example_groups`)).rows).toEqual([]);
    expect((await app.query(`SELECT * FROM http_idempotency`)).rows).toEqual([]);
  });

  it('does not carry the tenant past the transaction on a pooled connection', async () => {
    const single = createPool(db.appUrl, { max: 1 });
    try {
      await withTenantTransaction(single, 'mr1', (c) => c.query('SELECT 1'));
      const { rows } = await single.query(`SELECT count(*)::int AS n FROM example_groups`);
      expect(rows[0].n).toBe(0);
    } finally {
      await single.end();
    }
  });

  it("refuses to write a row for another tenant, and cannot change another tenant's rows", async () => {
    await expect(
      withTenantTransaction(app, 'mr2', (c) =>
        c.query(`INSERT INTO http_idempotency (tenant_id, subject, idempotency_key, method, path, request_hash)
                 VALUES ('mr1', 'bob', 'k2', 'POST', '/x', 'h')`),
      ),
    ).rejects.toThrow(/row-level security/);
    const deleted = await withTenantTransaction(app, 'mr2', (c) =>
      c.query(`DELETE FROM http_idempotency WHERE tenant_id = 'mr1'`),
    );
    expect(deleted.rowCount).toBe(0);
    const { rows } = await owner.query(`SELECT count(*)::int AS n FROM http_idempotency WHERE tenant_id = 'mr1'`);
    expect(rows[0].n).toBe(1);
  });

  it('cannot read the event log, switch RLS off, or call the append function', async () => {
    await expect(app.query('SELECT * FROM es_events')).rejects.toThrow(/permission denied/);
    await expect(app.query('ALTER TABLE example_groups DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/owner/);
    await expect(app.query(`SELECT es_append('mr1', 's', -3, '[]'::jsonb)`)).rejects.toThrow(/permission denied/);
  });

  it('lists tenant tables without isolation, so a forgotten policy is caught', async () => {
    expect(await tablesWithoutTenantIsolation(owner, DEFAULT_APP_ROLE)).toEqual([]);
    await owner.query(`CREATE TABLE leaky (tenant_id text NOT NULL, n int)`);
    await owner.query(`CREATE VIEW leaky_view AS SELECT * FROM example_groups`);
    expect(await tablesWithoutTenantIsolation(owner, DEFAULT_APP_ROLE)).toEqual(['leaky', 'leaky_view']);
  });
});
