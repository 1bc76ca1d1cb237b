import type { CommandRunner } from '@kooperacja/platform';
import type { LeavePartnershipInput } from '../project/project.decider';
import {
  runProjectCommand,
  type ProgrammeCommandContext,
  type ProgrammeCommandOptions,
  type ProgrammeOutcome,
} from '../programme.handler-support';

export class LeavePartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(
    input: LeavePartnershipInput,
    context: ProgrammeCommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { allowedVoivodeships } = context;
    return runProjectCommand(
      this.runner,
      { type: 'LeavePartnership', data: { ...input, occurredAt, allowedVoivodeships } },
      context,
      occurredAt,
      options,
    );
  }
}
