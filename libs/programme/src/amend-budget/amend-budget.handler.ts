import type { CommandRunner } from '@kooperacja/platform';
import type { AmendBudgetInput } from '../project/project.decider';
import {
  runProjectCommand,
  type ProgrammeCommandContext,
  type ProgrammeCommandOptions,
  type ProgrammeOutcome,
} from '../programme.handler-support';

export class AmendBudgetHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(
    input: AmendBudgetInput,
    context: ProgrammeCommandContext,
    occurredAt: string,
    options: ProgrammeCommandOptions = {},
  ): Promise<ProgrammeOutcome> {
    const { allowedVoivodeships } = context;
    return runProjectCommand(
      this.runner,
      { type: 'AmendBudget', data: { ...input, occurredAt, allowedVoivodeships } },
      context,
      occurredAt,
      options,
    );
  }
}
