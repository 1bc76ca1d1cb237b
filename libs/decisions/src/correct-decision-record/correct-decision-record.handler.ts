import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade } from '@kooperacja/groups';
import type { CorrectDecisionRecordInput } from '../decision/decision.commands';
import {
  DecisionCommandShell,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from '../shared/run-decision-command';

export type CorrectDecisionRecordRequest = CorrectDecisionRecordInput & { readonly decisionId: string };

export class CorrectDecisionRecordHandler {
  private readonly shell: DecisionCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) {
    this.shell = new DecisionCommandShell(runner, periods, groups);
  }

  /** `occurredAt` is when the correction was made; the body is read on the day of the decision as corrected. */
  async execute(
    input: CorrectDecisionRecordRequest,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions = {},
  ): Promise<DecisionCommandResult> {
    const { decisionId, ...correction } = input;
    return this.shell.run(
      decisionId,
      (state) => {
        if (state.status === 'none') return undefined;
        // A malformed decidedOn is refused by the decider; the body is read on a real day meanwhile.
        const corrected = typeof correction.decidedOn === 'string' ? correction.decidedOn : undefined;
        return { groupId: state.groupId, on: corrected ?? state.decidedOn ?? state.proposedOn };
      },
      (facts) => ({ type: 'CorrectDecisionRecord', data: { ...correction, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
