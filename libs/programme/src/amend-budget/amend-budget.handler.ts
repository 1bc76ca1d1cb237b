import type { CommandContext, CommandRunner } from '@kooperacja/platform';
import type { AmendBudgetInput } from '../project/project.decider';
import { runProjectCommand, type ProgrammeOutcome } from '../programme.handler-support';

export class AmendBudgetHandler {
  constructor(private readonly runner: CommandRunner) {}

  execute(input: AmendBudgetInput, context: CommandContext, occurredAt: string): Promise<ProgrammeOutcome> {
    return runProjectCommand(this.runner, { type: 'AmendBudget', data: { ...input, occurredAt } }, context, occurredAt);
  }
}
