import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade } from '@kooperacja/groups';
import type { AmendDecisionInput } from '../decision/decision.commands';
import {
  bodyOnFactDay,
  DecisionCommandShell,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from '../shared/run-decision-command';

export type AmendDecisionRequest = AmendDecisionInput & { readonly decisionId: string };

export class AmendDecisionHandler {
  private readonly shell: DecisionCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) {
    this.shell = new DecisionCommandShell(runner, periods, groups);
  }

  /** `occurredAt` is the day the body amended the text. */
  async execute(
    input: AmendDecisionRequest,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions = {},
  ): Promise<DecisionCommandResult> {
    const { decisionId, ...rest } = input;
    return this.shell.run(
      decisionId,
      bodyOnFactDay(occurredAt),
      (facts) => ({ type: 'AmendDecision', data: { ...rest, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
