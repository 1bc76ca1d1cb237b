import { invalid, type CommandContext, type CommandRunner, type ProjectPeriodLookup } from '@kooperacja/platform';
import type { GroupsFacade, VoivodeshipScope } from '@kooperacja/groups';
import { v5 as uuidv5 } from 'uuid';
import { decisionStreamId } from '../contracts';
import type { DecisionStatus } from '../contracts/read-model';
import { decisionEventCatalogue } from '../decision/decision.catalogue';
import type { DecisionCommand, ExternalFacts } from '../decision/decision.commands';
import { decisionDecider } from '../decision/decision.decider';
import type { DecisionState } from '../decision/decision.state';
import { isUuid } from '../decision/input';

const DERIVED_ID_NAMESPACE = '4f0d8c51-2b7e-4e1a-9c55-0d3e6b9a7f12';

/** What every decisions handler returns; a controller can send it as JSON. */
export interface DecisionCommandResult {
  readonly decisionId: string;
  readonly groupId: string;
  readonly streamId: string;
  /** Stream revision after the command. */
  readonly revision: number;
  readonly status: DecisionStatus;
  /** Ids of the events the command appended (or had appended, when retried). */
  readonly eventIds: readonly string[];
  /** True when this command id had been applied before: nothing new was written. */
  readonly alreadyApplied: boolean;
}

/**
 * How a caller limits a command: the tenant editor's voivodeships (from the verified token) and,
 * for optimistic concurrency, the stream revision the caller last read (refused with
 * WrongExpectedRevisionError when the decision has changed since).
 */
export interface DecisionCommandOptions extends VoivodeshipScope {
  readonly expectedRevision?: number;
}

/** A decision id derived from the command id, so a retried proposal names the same decision. */
export function derivedDecisionId(commandId: string): string {
  return uuidv5(`${commandId}/decision`, DERIVED_ID_NAMESPACE);
}

/** Which body decides, and on which day its facts matter. */
export interface BodyQuery {
  readonly groupId: string;
  readonly on: string;
}

export class DecisionCommandShell {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
    private readonly groups: GroupsFacade,
  ) {}

  /**
   * Looks up the body through the groups context's facade and the project period, then
   * loads, decides and appends. `bodyQuery` picks the body and day from the decision as
   * stored (or from the input, for a proposal); undefined when the decision does not exist.
   */
  async run(
    decisionId: string,
    bodyQuery: (state: DecisionState) => BodyQuery | undefined,
    build: (facts: ExternalFacts) => DecisionCommand,
    context: CommandContext,
    occurredAt: string,
    scope: DecisionCommandOptions,
  ): Promise<DecisionCommandResult> {
    if (!isUuid(decisionId)) throw invalid('decision.id-invalid', 'decisionId must be a UUID', 'decisionId');
    const streamId = decisionStreamId(decisionId);
    const { state } = await this.runner.load(context.tenantId, streamId, decisionDecider, decisionEventCatalogue);
    const query = bodyQuery(state);
    // The body is read outside the decision's stream: a member joining between this read and
    // the append is not seen. Acceptable, as the two are different bodies' records.
    const body =
      query && isUuid(query.groupId) ? await this.groups.bodyAt(context.tenantId, query.groupId, query.on) : null;
    const facts: ExternalFacts = {
      occurredAt,
      period: await this.periods.periodOf(context.tenantId),
      allowedVoivodeships: scope.allowedVoivodeships,
      body,
    };
    const result = await this.runner.run({
      decider: decisionDecider,
      catalogue: decisionEventCatalogue,
      streamId,
      command: build(facts),
      occurredAt,
      context,
      expectedRevision: scope.expectedRevision,
    });
    if (result.state.status === 'none')
      throw new Error(`decision ${decisionId} has no state after ${context.commandId}`);
    return {
      decisionId: result.state.decisionId,
      groupId: result.state.groupId,
      streamId: result.streamId,
      revision: result.revision,
      eventIds: result.eventIds,
      status: result.state.status,
      alreadyApplied: result.alreadyApplied,
    };
  }
}

/** For commands on an existing decision: its body on the day of the fact. */
export const bodyOnFactDay =
  (occurredAt: string) =>
  (state: DecisionState): BodyQuery | undefined =>
    state.status === 'none' ? undefined : { groupId: state.groupId, on: occurredAt };
