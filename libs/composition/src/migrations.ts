import { platformMigrations, type MigrationClass } from '@kooperacja/platform';

/** Every migration of the platform and of each bounded context's read models, oldest first. */
export function allMigrations(): MigrationClass[] {
  return [...platformMigrations];
}
