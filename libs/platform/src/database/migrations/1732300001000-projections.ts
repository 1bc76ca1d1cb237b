import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Checkpoints and active versions of projections (read models are versioned for rebuilds). */
export class Projections1732300001000 implements MigrationInterface {
  name = 'Projections1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_versions (
        projection         text PRIMARY KEY,
        active_version     int  NOT NULL,
        rebuilding_version int,
        rebuild_started_at timestamptz,
        swapped_at         timestamptz
      )`);
    await q.query(`
      CREATE TABLE projection_checkpoints (
        projection       text   NOT NULL,
        version          int    NOT NULL,
        tenant_id        text   NOT NULL,
        commit_position  xid8   NOT NULL DEFAULT '0',
        prepare_position bigint NOT NULL DEFAULT 0,
        events_applied   bigint NOT NULL DEFAULT 0,
        last_recorded_at timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, version, tenant_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS projection_checkpoints');
    await q.query('DROP TABLE IF EXISTS projection_versions');
  }
}
