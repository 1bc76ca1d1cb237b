import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { PlanOutcome } from '../contracts/vocabulary';

export interface CompletePlanInput extends CaseInput {
  readonly outcome: PlanOutcome;
}

/** Records the end of the active plan and its outcome; `occurredAt` is the day it ended. */
export class CompletePlanHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: CompletePlanInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'CompletePlan',
      data: { ...base, outcome: input.outcome },
    }));
  }
}
