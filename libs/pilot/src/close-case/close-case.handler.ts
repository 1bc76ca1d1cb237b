import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import { runCaseCommand, type CaseCommandResult, type CaseInput } from '../case/case-command';
import type { CaseCloseReason } from '../contracts/vocabulary';

export interface CloseCaseInput extends CaseInput {
  readonly reason: CaseCloseReason;
}

/** Closes the case (its plan must be completed first); `occurredAt` is the closing day. */
export class CloseCaseHandler {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  execute(input: CloseCaseInput, context: CommandContext, occurredAt: string): Promise<CaseCommandResult> {
    return runCaseCommand({ runner: this.runner, periods: this.periods }, input, context, occurredAt, (base) => ({
      type: 'CloseCase',
      data: { ...base, reason: input.reason },
    }));
  }
}
