import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from '../../config/config';

/**
 * The role the API connects as for tenant read models. It owns nothing, so row-level security
 * applies to it, and it may not bypass RLS. Roles are cluster-wide: it may already exist (another
 * database on the same server, or created by an operator with a password); then it is reused,
 * unless it is a superuser or may bypass RLS, which would void the isolation.
 *
 * Tables created after this migration by the migrating user are readable by the role (default
 * privileges); each tenant-keyed one must enable RLS (`enableTenantIsolation`). Anything else,
 * e.g. INSERT on a table the API itself writes, is granted by that table's migration.
 */
export class ApplicationRole1732400000100 implements MigrationInterface {
  name = 'ApplicationRole1732400000100';

  async up(q: QueryRunner): Promise<void> {
    const role = appRoleName();
    await q.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
          CREATE ROLE ${role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created concurrently by a migration of another database
      END $$`);
    const [existing] = (await q.query(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [role])) as {
      rolsuper: boolean;
      rolbypassrls: boolean;
    }[];
    if (existing.rolsuper || existing.rolbypassrls) {
      throw new Error(`role ${role} is a superuser or has BYPASSRLS: it cannot be the application role`);
    }
    await q.query(`GRANT CONNECT ON DATABASE "${await currentDatabase(q)}" TO ${role}`);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await q.query(`GRANT SELECT ON tenants TO ${role}`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${role}`);
    // The event store stays with the owner connection; the application role must not call it.
    await q.query(`REVOKE EXECUTE ON FUNCTION es_append(text, text, bigint, jsonb) FROM PUBLIC`);
  }

  async down(q: QueryRunner): Promise<void> {
    const role = appRoleName();
    await q.query(`GRANT EXECUTE ON FUNCTION es_append(text, text, bigint, jsonb) TO PUBLIC`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM ${role}`);
    await q.query(`REVOKE ALL ON tenants FROM ${role}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${role}`);
  }
}

async function currentDatabase(q: QueryRunner): Promise<string> {
  const [row] = (await q.query(`SELECT current_database() AS name`)) as { name: string }[];
  return row.name.replace(/"/g, '""');
}
