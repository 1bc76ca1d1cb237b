import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { SetIndicatorTargetInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class SetIndicatorTargetHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: SetIndicatorTargetInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'SetIndicatorTarget', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
