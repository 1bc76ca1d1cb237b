import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { DiagnosisArea } from '../contracts/vocabulary';

export interface CompleteDiagnosisInput extends CaseInput {
  readonly areas: readonly DiagnosisArea[];
}

/** Records the multidimensional diagnosis; `occurredAt` is the day it was completed. */
export class CompleteDiagnosisHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: CompleteDiagnosisInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'CompleteDiagnosis',
      data: { ...base, areas: input.areas },
    }));
  }
}
