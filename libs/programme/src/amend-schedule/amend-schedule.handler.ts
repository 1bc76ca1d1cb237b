import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { AmendScheduleInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class AmendScheduleHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: AmendScheduleInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'AmendSchedule', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
