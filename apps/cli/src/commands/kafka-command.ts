import type { Command } from 'commander';

/** The `kafka` command group, shared by the kafka-* command files. */
export function kafkaCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'kafka') ??
    program.command('kafka').description('integration events on Kafka (docs/kafka.md)')
  );
}
