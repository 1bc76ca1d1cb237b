import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { JoinPartnershipInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class JoinPartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: JoinPartnershipInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'JoinPartnership', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
