import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade } from '@kooperacja/groups';
import type { RevokeDecisionInput } from '../decision/decision.commands';
import {
  bodyOnFactDay,
  DecisionCommandShell,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from '../shared/run-decision-command';

export type RevokeDecisionRequest = RevokeDecisionInput & { readonly decisionId: string };

export class RevokeDecisionHandler {
  private readonly shell: DecisionCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) {
    this.shell = new DecisionCommandShell(runner, periods, groups);
  }

  /** `occurredAt` is the day the body revoked it. */
  async execute(
    input: RevokeDecisionRequest,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions = {},
  ): Promise<DecisionCommandResult> {
    const { decisionId, ...rest } = input;
    return this.shell.run(
      decisionId,
      bodyOnFactDay(occurredAt),
      (facts) => ({ type: 'RevokeDecision', data: { ...rest, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
