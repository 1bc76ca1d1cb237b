import type { CommandContext, CommandRunner, ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade } from '@kooperacja/groups';
import type { ProposeDecisionInput } from '../decision/decision.commands';
import {
  DecisionCommandShell,
  derivedDecisionId,
  type DecisionCommandOptions,
  type DecisionCommandResult,
} from '../shared/run-decision-command';

/** `decisionId` may be left out: one is derived from the command id. */
export type ProposeDecisionRequest = Omit<ProposeDecisionInput, 'decisionId'> & { readonly decisionId?: string };

export class ProposeDecisionHandler {
  private readonly shell: DecisionCommandShell;

  constructor(runner: CommandRunner, periods: ProjectPeriodLookup, groups: GroupsFacade) {
    this.shell = new DecisionCommandShell(runner, periods, groups);
  }

  /** `occurredAt` is the day the proposal was put to the body. */
  async execute(
    input: ProposeDecisionRequest,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions = {},
  ): Promise<DecisionCommandResult> {
    const decisionId = input.decisionId ?? derivedDecisionId(context.commandId);
    return this.shell.run(
      decisionId,
      () => ({ groupId: input.groupId, on: occurredAt }),
      (facts) => ({ type: 'ProposeDecision', data: { ...input, decisionId, ...facts } }),
      context,
      occurredAt,
      scope,
    );
  }
}
