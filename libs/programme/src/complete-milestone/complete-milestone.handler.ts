import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { CompleteMilestoneInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class CompleteMilestoneHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: CompleteMilestoneInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'CompleteMilestone', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
