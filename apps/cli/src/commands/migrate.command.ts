import type { Command } from 'commander';
import { migrate, readConfig } from '@kooperacja/platform';
import { allMigrations } from '@kooperacja/composition';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (DATABASE_URL)')
    .action(async () => {
      const applied = await migrate(readConfig().databaseUrl, allMigrations());
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    });
}
