import type { Command } from 'commander';
import { appRoleName, migrate, readConfig, setAppRolePassword } from '@kooperacja/platform';
import { allMigrations } from '@kooperacja/composition';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (DATABASE_URL); sets DATABASE_APP_PASSWORD on the app role')
    .action(async () => {
      const config = readConfig();
      const applied = await migrate(config.databaseUrl, allMigrations());
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      // The migrations create the application role without a password (right for trust auth);
      // a server with password auth (e.g. docker compose) gets the configured one.
      const password = process.env.DATABASE_APP_PASSWORD;
      if (password) {
        await setAppRolePassword(config.databaseUrl, appRoleName(), password);
        console.log(`password set for role ${appRoleName()}`);
      }
    });
}
