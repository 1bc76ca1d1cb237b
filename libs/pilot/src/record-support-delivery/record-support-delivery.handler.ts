import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { SupportKind } from '../contracts/vocabulary';

export interface RecordSupportDeliveryInput extends CaseInput {
  readonly kind: SupportKind;
  /** At most 24: one record is one day of support. */
  readonly hours: number;
}

/** Records support given to the family under the active plan; `occurredAt` is the day it was given. */
export class RecordSupportDeliveryHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: RecordSupportDeliveryInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'RecordSupportDelivery',
      data: { ...base, kind: input.kind, hours: input.hours },
    }));
  }
}
