import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tenant directory: one row per macroregion, never deleted (an offboarded tenant keeps its
 * row so its tokens stay refused and its id is never reused).
 */
export class Tenants1732400000000 implements MigrationInterface {
  name = 'Tenants1732400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id                text        PRIMARY KEY CHECK (id ~ '^[a-z][a-z0-9-]{0,31}$'),
        name              text        NOT NULL CHECK (name <> ''),
        name_en           text        NOT NULL CHECK (name_en <> ''),
        municipality_type text        NOT NULL CHECK (municipality_type IN ('rural', 'urban-rural', 'urban')),
        voivodeships      text[]      NOT NULL,
        status            text        NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'offboarded')),
        onboarded_at      timestamptz NOT NULL DEFAULT now(),
        onboarded_by      text        NOT NULL,
        offboarded_at     timestamptz,
        offboarded_by     text
      )`);
    await q.query(`
      INSERT INTO tenants (id, name, name_en, municipality_type, voivodeships, onboarded_by) VALUES
        ('mr1', 'Makroregion I', 'Macroregion I', 'rural',
         ARRAY['lubelskie', 'mazowieckie', 'podkarpackie', 'podlaskie', 'świętokrzyskie'], 'migration'),
        ('mr2', 'Makroregion II', 'Macroregion II', 'urban-rural',
         ARRAY['kujawsko-pomorskie', 'lubuskie', 'pomorskie', 'warmińsko-mazurskie', 'wielkopolskie',
               'zachodniopomorskie'], 'migration'),
        ('mr3', 'Makroregion III', 'Macroregion III', 'urban',
         ARRAY['śląskie', 'łódzkie', 'małopolskie', 'opolskie'], 'migration')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS tenants`);
  }
}
