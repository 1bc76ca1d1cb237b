import { platformMigrations, type MigrationClass } from '@kooperacja/platform';
import { contexts } from './contexts';

/** Every migration of the platform and of each bounded context, oldest first. */
export function allMigrations(): MigrationClass[] {
  const all = [...platformMigrations, ...contexts.flatMap((c) => c.migrations)];
  const stamp = (m: MigrationClass) => Number(/(\d{13})$/.exec(m.name)?.[1] ?? 0);
  return all.sort((a, b) => stamp(a) - stamp(b));
}
