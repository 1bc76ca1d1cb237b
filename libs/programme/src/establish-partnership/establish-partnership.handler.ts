import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { EstablishPartnershipInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class EstablishPartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: EstablishPartnershipInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(
      this.runner,
      { type: 'EstablishPartnership', data: { ...input, occurredAt } },
      context,
      occurredAt,
    );
  }
}
