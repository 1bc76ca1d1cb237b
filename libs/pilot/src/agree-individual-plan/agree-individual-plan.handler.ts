import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { PlanGoalInput } from '../case/case.decider';
import type { ResponsibleInstitution } from '../case/case.events';
import type { DiagnosisWaiverReason, PlanType } from '../contracts/vocabulary';

export interface AgreeIndividualPlanInput extends CaseInput {
  readonly planType: PlanType;
  /** Goals coded by diagnosis area; the optional short label is personal data. */
  readonly goals: readonly PlanGoalInput[];
  readonly responsibleInstitutions: readonly ResponsibleInstitution[];
  /** Only for a plan agreed without a diagnosis: the documented reason. */
  readonly diagnosisWaiver?: DiagnosisWaiverReason;
}

/** Records the individual plan (IPW, GGK goals, ZZK plan or kontrakt socjalny); `occurredAt` is the day it was agreed. */
export class AgreeIndividualPlanHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: AgreeIndividualPlanInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'AgreeIndividualPlan',
      data: {
        ...base,
        planType: input.planType,
        goals: input.goals,
        responsibleInstitutions: input.responsibleInstitutions,
        diagnosisWaiver: input.diagnosisWaiver,
      },
    }));
  }
}
