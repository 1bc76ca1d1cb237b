import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { ApproveModelVersionInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class ApproveModelVersionHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: ApproveModelVersionInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'ApproveModelVersion', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
