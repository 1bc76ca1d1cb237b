import type { DomainEvent, EventCatalogue, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';

/** A stream's state as a projection keeps it: folded up to `revision`. */
export interface FoldedStream<S> {
  readonly key: string;
  readonly state: S;
  readonly revision: number;
  /** When the last event folded in was recorded (how fresh the row is). */
  readonly lastRecordedAt: Date;
}

export interface StreamFoldOptions<S, E extends DomainEvent> {
  /**
   * Physical table holding `tenant_id`, the key column, `revision`, `last_recorded_at` and
   * `fold_state` (text). The state is stored as JSON text, not jsonb: nobody queries inside it,
   * and converting the nested state to jsonb made rebuilds several times slower.
   */
  readonly table: string;
  readonly keyColumn: string;
  /** Stream id prefix, e.g. 'pilot.case-': the rest of the stream id is the key. */
  readonly streamPrefix: string;
  readonly evolver: { readonly initialState: () => S; readonly evolve: (state: S, event: E) => S };
  readonly catalogue: EventCatalogue<E>;
}

/**
 * Folds a batch into the projection's copy of each stream's state with the write side's own
 * `evolve`, so a read row can never disagree with what the deciders decide on (voided meetings,
 * corrected outcomes, corrected dates). One SELECT per batch; events at or below a row's
 * revision are skipped, which makes re-applying a batch harmless. Returns the streams changed.
 */
export async function foldStreams<S, E extends DomainEvent>(
  batch: ProjectionBatch,
  events: readonly RecordedEvent[],
  options: StreamFoldOptions<S, E>,
): Promise<FoldedStream<S>[]> {
  const byKey = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    if (!e.streamId.startsWith(options.streamPrefix)) continue;
    const key = e.streamId.slice(options.streamPrefix.length);
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  if (byKey.size === 0) return [];

  const { rows } = await batch.client.query<{ key: string; revision: number; fold_state: string; last: Date }>(
    `SELECT ${options.keyColumn} AS key, revision, fold_state, last_recorded_at AS last FROM ${options.table}
      WHERE tenant_id = $1 AND ${options.keyColumn} = ANY($2::text[])`,
    [batch.tenantId, [...byKey.keys()]],
  );
  const stored = new Map(rows.map((r) => [r.key, r]));

  const changed: FoldedStream<S>[] = [];
  for (const [key, streamEvents] of byKey) {
    const row = stored.get(key);
    let state: S = row ? (JSON.parse(row.fold_state) as S) : options.evolver.initialState();
    let revision = row ? row.revision : -1;
    let lastRecordedAt = row?.last;
    for (const e of streamEvents) {
      if (e.revision <= revision) continue;
      state = options.evolver.evolve(state, options.catalogue.toDomain(e.type, e.data));
      revision = e.revision;
      lastRecordedAt = e.recordedAt;
    }
    if (row && revision === row.revision) continue;
    changed.push({ key, state, revision, lastRecordedAt: lastRecordedAt! });
  }
  return changed;
}
