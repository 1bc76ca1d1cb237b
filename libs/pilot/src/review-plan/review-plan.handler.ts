import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { GoalProgress } from '../case/case.events';

export interface ReviewPlanInput extends CaseInput {
  readonly progress: readonly GoalProgress[];
}

/** Records a review of the active plan with the progress of its goals; `occurredAt` is the review day. */
export class ReviewPlanHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: ReviewPlanInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'ReviewPlan',
      data: { ...base, progress: input.progress },
    }));
  }
}
