import { invalid, type CommandContext, type CommandRunner, type ProjectPeriodLookup } from '@kooperacja/platform';
import { v5 as uuidv5 } from 'uuid';
import type { VoivodeshipScope } from '../contracts/read-model';
import { groupEventCatalogue } from '../group/group.catalogue';
import type { ExternalFacts, GroupCommand } from '../group/group.commands';
import { groupDecider } from '../group/group.decider';
import { isUuid } from '../group/input';
import { groupStreamId } from '../group/stream';

const DERIVED_ID_NAMESPACE = 'a3c0f1e2-6d0b-4b55-8f3e-2f6c9e1d7a40';

/** What every groups handler returns; a controller can send it as JSON. */
export interface GroupCommandResult {
  readonly groupId: string;
  readonly streamId: string;
  /** Stream revision after the command. */
  readonly revision: number;
  /** Ids of the events the command appended (or had appended, when retried). */
  readonly eventIds: readonly string[];
  /** True when this command id had been applied before: nothing new was written. */
  readonly alreadyApplied: boolean;
}

/**
 * How a caller limits a command: the tenant editor's voivodeships (from the verified token) and,
 * for optimistic concurrency, the stream revision the caller last read (refused with
 * WrongExpectedRevisionError when the group has changed since).
 */
export interface GroupCommandOptions extends VoivodeshipScope {
  readonly expectedRevision?: number;
}

/**
 * An id for something a command creates when the caller gave none. Derived from the command
 * id, so a retried command names the same group, person or meeting (and stays idempotent).
 */
export function derivedId(commandId: string, purpose: string): string {
  return uuidv5(`${commandId}/${purpose}`, DERIVED_ID_NAMESPACE);
}

export class GroupCommandShell {
  constructor(
    private readonly runner: CommandRunner,
    private readonly periods: ProjectPeriodLookup,
  ) {}

  /** Looks up the facts a decider may not fetch itself, then loads, decides and appends. */
  async run(
    groupId: string,
    build: (facts: ExternalFacts) => GroupCommand,
    context: CommandContext,
    occurredAt: string,
    scope: GroupCommandOptions,
  ): Promise<GroupCommandResult> {
    if (!isUuid(groupId)) throw invalid('group.id-invalid', 'groupId must be a UUID', 'groupId');
    const facts: ExternalFacts = {
      occurredAt,
      period: await this.periods.periodOf(context.tenantId),
      allowedVoivodeships: scope.allowedVoivodeships,
    };
    const result = await this.runner.run({
      decider: groupDecider,
      catalogue: groupEventCatalogue,
      streamId: groupStreamId(groupId),
      command: build(facts),
      occurredAt,
      context,
      expectedRevision: scope.expectedRevision,
    });
    return {
      groupId: groupId.toLowerCase(),
      streamId: result.streamId,
      revision: result.revision,
      eventIds: result.eventIds,
      alreadyApplied: result.alreadyApplied,
    };
  }
}
