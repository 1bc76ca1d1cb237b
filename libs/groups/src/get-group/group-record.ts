import { notFound, type CommandRunner, type EventCatalogue, type RecordedEvent } from '@kooperacja/platform';
import { groupEventCatalogue } from '../group/group.catalogue';
import { groupDecider } from '../group/group.decider';
import type { GroupEvent } from '../group/group.events';
import type { ExistingGroup } from '../group/group.state';
import { groupStreamId } from '../group/stream';

/** One event of a record's history: who recorded what and when, never a person's data. */
export interface HistoryEntry {
  readonly type: string;
  readonly revision: number;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: { readonly sub: string; readonly role: string } | null;
  /** The event's data without its personal fields. */
  readonly data: Record<string, unknown>;
}

/** A group's record as its stream has it now (the write side's own view: read your writes). */
export class GroupRecord {
  constructor(private readonly runner: CommandRunner) {}

  async load(
    tenantId: string,
    groupId: string,
  ): Promise<{ group: ExistingGroup; revision: number; history: RecordedEvent[] }> {
    const { state, revision, history } = await this.runner.load(
      tenantId,
      groupStreamId(groupId),
      groupDecider,
      groupEventCatalogue,
    );
    if (state.status === 'none') throw notFound('group.not-found', 'no such group has been convened');
    return { group: state, revision, history };
  }

  async history(tenantId: string, groupId: string): Promise<{ revision: number; events: HistoryEntry[] }> {
    const { revision, history } = await this.load(tenantId, groupId);
    return { revision, events: history.map((e) => historyEntry(e, groupEventCatalogue)) };
  }
}

/** Drops the fields the catalogue lists as personal (of the event's current version). */
export function historyEntry(e: RecordedEvent, catalogue: EventCatalogue<GroupEvent>): HistoryEntry {
  const event = catalogue.toDomain(e.type, e.data);
  const personal = new Set(catalogue.definitionOf(event.type).personalFields ?? []);
  const data = Object.fromEntries(Object.entries(event.data).filter(([key]) => !personal.has(key)));
  const actor = e.metadata.actor;
  return {
    type: e.type,
    revision: e.revision,
    occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : null,
    recordedAt: e.recordedAt.toISOString(),
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
    data,
  };
}
