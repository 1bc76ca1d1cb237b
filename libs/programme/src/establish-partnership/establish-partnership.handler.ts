import type { CommandRunner } from '@kooperacja/platform';
import type { EstablishPartnershipInput } from '../project/project.decider';
import {
  runProjectCommand,
  type ProgrammeCommandContext,
  type ProgrammeCommandOptions,
  type ProgrammeOutcome,
} from '../programme.handler-support';

export class EstablishPartnershipHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(
    input: EstablishPartnershipInput,
    context: ProgrammeCommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { allowedVoivodeships } = context;
    return runProjectCommand(
      this.runner,
      { type: 'EstablishPartnership', data: { ...input, occurredAt, allowedVoivodeships } },
      context,
      occurredAt,
      options,
    );
  }
}
