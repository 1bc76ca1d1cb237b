import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from '../../config/config';
import { enableTenantIsolation } from '../../tenancy/row-level-security';

/**
 * First responses of idempotent writes, per (tenant, subject, key). Written by the API through
 * the application role, so it is also the platform's own example of a tenant-isolated table.
 */
export class HttpIdempotency1732400000200 implements MigrationInterface {
  name = 'HttpIdempotency1732400000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE http_idempotency (
        tenant_id       text        NOT NULL,
        subject         text        NOT NULL,
        idempotency_key text        NOT NULL,
        method          text        NOT NULL,
        path            text        NOT NULL,
        request_hash    text        NOT NULL,
        status_code     int,
        response        jsonb,
        started_at      timestamptz NOT NULL DEFAULT now(),
        completed_at    timestamptz,
        expires_at      timestamptz NOT NULL DEFAULT now() + interval '24 hours',
        PRIMARY KEY (tenant_id, subject, idempotency_key)
      )`);
    await enableTenantIsolation(q, 'http_idempotency');
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON http_idempotency TO ${appRoleName()}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS http_idempotency`);
  }
}
