import { notFound, type CommandRunner, type RecordedEvent } from '@kooperacja/platform';
import { decisionStreamId } from '../contracts';
import type { DecisionView } from '../contracts/read-model';
import { decisionEventCatalogue } from '../decision/decision.catalogue';
import { decisionDecider } from '../decision/decision.decider';

/** One event of a decision's history: who recorded what and when. */
export interface DecisionHistoryEntry {
  readonly type: string;
  readonly revision: number;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly actor: { readonly sub: string; readonly role: string } | null;
  /** The event's data without personal fields (decisions have none today; the catalogue decides). */
  readonly data: Record<string, unknown>;
}

/** A decision's record as its stream has it now (the write side's own view: read your writes). */
export class DecisionRecord {
  constructor(private readonly runner: CommandRunner) {}

  async load(
    tenantId: string,
    decisionId: string,
  ): Promise<{ decision: DecisionView; revision: number; history: RecordedEvent[] }> {
    const { state, revision, history } = await this.runner.load(
      tenantId,
      decisionStreamId(decisionId),
      decisionDecider,
      decisionEventCatalogue,
    );
    if (state.status === 'none') throw notFound('decision.not-found', 'no such decision has been proposed');
    return { decision: state, revision, history };
  }

  async history(tenantId: string, decisionId: string): Promise<{ revision: number; events: DecisionHistoryEntry[] }> {
    const { revision, history } = await this.load(tenantId, decisionId);
    return { revision, events: history.map(entryOf) };
  }
}

function entryOf(e: RecordedEvent): DecisionHistoryEntry {
  const event = decisionEventCatalogue.toDomain(e.type, e.data);
  const personal = new Set(decisionEventCatalogue.definitionOf(event.type).personalFields ?? []);
  const actor = e.metadata.actor;
  return {
    type: e.type,
    revision: e.revision,
    occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : null,
    recordedAt: e.recordedAt.toISOString(),
    actor: actor ? { sub: actor.sub, role: actor.role } : null,
    data: Object.fromEntries(Object.entries(event.data).filter(([key]) => !personal.has(key))),
  };
}
