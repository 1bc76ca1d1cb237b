import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appRoleName } from '../config/config';
import { enableTenantIsolation } from '../tenancy/row-level-security';

/**
 * One data key per (tenant, data subject), wrapped by the master key. Erasure sets
 * `wrapped_key` to NULL and keeps the row as the record of when and by whom. Only the owner
 * connection (event store, projector) reads it; the application role is refused outright.
 */
export class PrivacySubjectKeys1732500000000 implements MigrationInterface {
  name = 'PrivacySubjectKeys1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE privacy_subject_keys (
        tenant_id     text        NOT NULL,
        subject_id    text        NOT NULL,
        wrapped_key   bytea,
        master_key_id text,
        created_at    timestamptz NOT NULL DEFAULT now(),
        erased_at     timestamptz,
        erased_by     text,
        PRIMARY KEY (tenant_id, subject_id),
        CONSTRAINT privacy_subject_keys_erased CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
      )`);
    await enableTenantIsolation(q, 'privacy_subject_keys');
    await q.query(`REVOKE ALL ON privacy_subject_keys FROM ${appRoleName()}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS privacy_subject_keys`);
  }
}
