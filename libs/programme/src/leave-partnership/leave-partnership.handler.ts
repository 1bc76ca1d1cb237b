import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { LeavePartnershipInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class LeavePartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: LeavePartnershipInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'LeavePartnership', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
