import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade } from '@kooperacja/groups';
import type { RejectDecisionInput } from '../decision/decision.commands';
import {
  bodyOnFactDay,
  DecisionCommandShell,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from '../shared/run-decision-command';

export type RejectDecisionRequest = RejectDecisionInput & { readonly decisionId: string };

export class RejectDecisionHandler {
  private readonly shell: DecisionCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) {
    this.shell = new DecisionCommandShell(runner, periods, groups);
  }

  /** `occurredAt` is the day the body rejected it. */
  async execute(
    input: RejectDecisionRequest,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions = {},
  ): Promise<DecisionCommandResult> {
    const { decisionId, ...rest } = input;
    return this.shell.run(
      decisionId,
      bodyOnFactDay(occurredAt),
      (facts) => ({ type: 'RejectDecision', data: { ...rest, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
