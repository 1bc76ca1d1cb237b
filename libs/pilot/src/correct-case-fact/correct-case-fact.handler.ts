import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { CaseCorrection } from '../case/case.events';
import type { CorrectionReason } from '../contracts/vocabulary';

export interface CorrectCaseFactInput extends CaseInput {
  readonly reason: CorrectionReason;
  readonly correction: CaseCorrection;
}

/** Corrects a recorded fact of a case, also after it was closed; `occurredAt` is the day of the correction. */
export class CorrectCaseFactHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: CorrectCaseFactInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'CorrectCaseFact',
      data: { ...base, reason: input.reason, correction: input.correction },
    }));
  }
}
