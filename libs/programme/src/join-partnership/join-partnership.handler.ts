import type { CommandRunner } from '@kooperacja/platform';
import type { JoinPartnershipInput } from '../project/project.decider';
import {
  runProjectCommand,
  type ProgrammeCommandContext,
  type ProgrammeCommandOptions,
  type ProgrammeOutcome,
} from '../programme.handler-support';

export class JoinPartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(
    input: JoinPartnershipInput,
    context: ProgrammeCommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { allowedVoivodeships } = context;
    return runProjectCommand(
      this.runner,
      { type: 'JoinPartnership', data: { ...input, occurredAt, allowedVoivodeships } },
      context,
      occurredAt,
      options,
    );
  }
}
