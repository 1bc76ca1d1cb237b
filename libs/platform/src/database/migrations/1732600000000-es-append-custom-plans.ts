import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `es_append` plans its statements for each call's arguments and the table as it is now.
 * PL/pgSQL otherwise caches a generic plan per session after a few calls; planned while
 * `es_events` was (nearly) empty and never analyzed, that plan scans the whole table for the
 * event-id checks and stays so as the table grows (a connection appending 100,000 events went
 * from 0.3 ms to tens of ms per append on a server without autovacuum). Planning a call costs
 * a few tens of microseconds.
 */
export class EsAppendCustomPlans1732600000000 implements MigrationInterface {
  name = 'EsAppendCustomPlans1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION es_append(text, text, bigint, jsonb) SET plan_cache_mode = force_custom_plan`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER FUNCTION es_append(text, text, bigint, jsonb) RESET plan_cache_mode`);
  }
}
