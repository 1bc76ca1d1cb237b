import 'reflect-metadata';
import { Command } from 'commander';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerProjectionsCommands } from './commands/projections.command';

/** Operator commands. Each command lives in ./commands and registers itself on the program. */
export function buildProgram(): Command {
  const program = new Command('kooperacja').description('Kooperacja operator commands').showHelpAfterError();
  registerMigrateCommand(program);
  registerProjectionsCommands(program);
  return program;
}

if (require.main === module) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
