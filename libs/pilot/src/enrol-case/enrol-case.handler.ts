import type { CommandContext, CommandRunner, ProjectPeriodLookup, TenantDirectory } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { CaseUnit } from '../contracts/vocabulary';

export interface EnrolCaseInput extends CaseInput {
  /** TERYT code of the pilot site: a gmina (7 digits) or a powiat (4 digits). */
  readonly siteTeryt: string;
  readonly householdSize: number;
  /** The model's case unit: ipw (macroregion I), ggk (II) or zzk (III). */
  readonly caseUnit: CaseUnit;
}

/** Enrols a family in the pilot; `occurredAt` is the enrolment date. */
export class EnrolCaseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly tenants: TenantDirectory,
  ) {}

  async execute(input: EnrolCaseInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    const tenant = await this.tenants.get(context.tenantId);
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'EnrolCase',
      data: {
        ...base,
        caseId: input.caseId,
        siteTeryt: input.siteTeryt,
        householdSize: input.householdSize,
        caseUnit: input.caseUnit,
        tenantVoivodeships: tenant?.voivodeships,
      },
    }));
  }
}
