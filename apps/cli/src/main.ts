import 'reflect-metadata';
import { Command } from 'commander';
import { registerEventStoreCommands } from './commands/event-store.command';
import { registerHistoryCommands } from './commands/history.command';
import { registerKafkaDocsCommand } from './commands/kafka-docs.command';
import { registerKafkaReplayCommand } from './commands/kafka-replay.command';
import { registerMigrateCommand } from './commands/migrate.command';
import { registerProjectionsCommands } from './commands/projections.command';
import { registerTenantsCommands } from './commands/tenants.command';
import { registerTokenCommand } from './commands/token.command';

/** Operator commands. Each command lives in ./commands and registers itself on the program. */
export function buildProgram(): Command {
  const program = new Command('kooperacja').description('Kooperacja operator commands').showHelpAfterError();
  registerMigrateCommand(program);
  registerKafkaReplayCommand(program);
  registerKafkaDocsCommand(program);
  registerProjectionsCommands(program);
  registerTokenCommand(program);
  registerTenantsCommands(program);
  registerHistoryCommands(program);
  registerEventStoreCommands(program);
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
