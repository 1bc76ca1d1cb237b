import { DataSource, type MigrationInterface } from 'typeorm';
import { platformMigrations } from './migrations';

export type MigrationClass = new () => MigrationInterface;

/**
 * Applies pending migrations, each in its own transaction, and returns their names.
 * The composition root passes the platform's migrations plus those of every bounded context.
 */
export async function migrate(
  databaseUrl: string,
  migrations: readonly MigrationClass[] = platformMigrations,
): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrl,
    migrations: [...migrations],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    logging: false,
  });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
