import type { RecordedEvent } from '@kooperacja/platform';
import { dayOf, recordDayOf } from './days';
import { DeltaSink, type CubeRow, type Delta } from './deltas';
import { contributionOf, type EntityState, type StoredEntity } from './entities';
import { caseMarks, evolveCase, type CaseEntity } from './sources/cases';
import { evolveDecision, type DecisionEntity } from './sources/decisions';
import {
  evolveGroup,
  institutionKey,
  institutionStays,
  MEMBERSHIP_EVENTS,
  newInstitution,
  sameStays,
  withStays,
  type GroupEntity,
  type InstitutionEntity,
} from './sources/groups';
import { evolveSite, evolveTerritory, moveCaseMarks, newJst, type JstEntity } from './sources/jst';
import { evolveProgramme, newProgramme, type ProgrammeEntity } from './sources/programme';
import { institutionEntityKey, jstKey, route, type Routed } from './sources/route';

/** Reads stored entities by key; keys it does not return are new. */
export type LoadEntities = (keys: readonly string[]) => Promise<ReadonlyMap<string, StoredEntity>>;

export interface BatchResult {
  /** Cube deltas by (metric, dimension, business day, record day), zero sums left out. */
  readonly rows: readonly CubeRow[];
  /** Entities whose state changed, to store. */
  readonly entities: ReadonlyMap<string, StoredEntity>;
}

class Tracked {
  /** The contribution already in the cube (computed on first change). */
  baseline: Delta[] | null = null;
  /** Record day of the changes not yet turned into deltas. */
  pendingDay: string | null = null;
  dirty = false;

  constructor(
    public state: EntityState | null,
    public revisions: Record<string, number>,
  ) {}
}

/**
 * Turns a batch of events into cube deltas and new entity states. Each entity's contribution is
 * a pure function of its state, so a change is written as (after − before), dated by the record
 * day of the events that caused it: summing the cube up to a record day gives the data as it
 * stood then, up to a business day the world as it was then.
 */
export async function applyBatch(events: readonly RecordedEvent[], load: LoadEntities): Promise<BatchResult> {
  const routed = events.map((e) => ({ e, r: route(e), day: recordDayOf(e.recordedAt) }));
  const tracked = new Map<string, Tracked>();
  const loadInto = async (keys: Iterable<string>) => {
    const missing = [...new Set(keys)].filter((k) => !tracked.has(k));
    if (!missing.length) return;
    const found = await load(missing);
    for (const key of missing) {
      const stored = found.get(key);
      tracked.set(key, new Tracked(stored?.s ?? null, { ...(stored?.r ?? {}) }));
    }
  };

  await loadInto(routed.map(({ r }) => r.key));
  await loadInto(routed.flatMap(({ r }) => derivedKeys(r, tracked.get(r.key)!.state)));

  const sink = new DeltaSink();
  const flush = (t: Tracked) => {
    if (t.pendingDay === null) return;
    const now = contributionOf(t.state);
    sink.replace(t.baseline ?? [], now, t.pendingDay);
    t.baseline = now;
    t.pendingDay = null;
  };
  /** Call before changing `t`'s state: changes of another record day are flushed first. */
  const touch = (t: Tracked, day: string) => {
    if (t.pendingDay !== null && t.pendingDay !== day) flush(t);
    t.baseline ??= contributionOf(t.state);
    t.pendingDay = day;
    t.dirty = true;
  };
  const entity = (key: string) => tracked.get(key)!;

  for (const { e, r, day } of routed) {
    const t = entity(r.key);
    if ((t.revisions[e.streamId] ?? -1) >= e.revision) continue; // applied before
    touch(t, day);
    t.revisions[e.streamId] = e.revision;
    switch (r.source) {
      case 'programme':
        t.state = evolveProgramme((t.state as ProgrammeEntity | null) ?? newProgramme(), r.event);
        break;
      case 'territory':
        t.state = evolveTerritory((t.state as JstEntity | null) ?? newJst(r.teryt), r.event);
        break;
      case 'site': {
        const occurredOn = dayOf(e.metadata.occurredAt);
        const next = evolveSite((t.state as JstEntity | null) ?? newJst(r.teryt), r.event, occurredOn);
        t.state = next.state;
        sink.add(next.flows, day);
        break;
      }
      case 'decision':
        t.state = evolveDecision(t.state as DecisionEntity | null, r.event);
        break;
      case 'group': {
        const before = t.state as GroupEntity | null;
        t.state = evolveGroup(before, r.event);
        if (MEMBERSHIP_EVENTS.has(r.event.type)) {
          const [was, is] = [institutionStays(before), institutionStays(t.state as GroupEntity | null)];
          for (const inst of new Set([...was.keys(), ...is.keys()])) {
            if (sameStays(was.get(inst), is.get(inst))) continue;
            const i = entity(institutionEntityKey(inst));
            touch(i, day);
            i.state = withStays((i.state as InstitutionEntity | null) ?? newInstitution(), r.key, is.get(inst) ?? []);
          }
        }
        break;
      }
      case 'case': {
        const before = t.state as CaseEntity | null;
        t.state = evolveCase(before, r.event);
        const [was, is] = [caseMarks(before), caseMarks(t.state as CaseEntity | null)];
        const site = (t.state as CaseEntity | null)?.site ?? before?.site;
        if (site && JSON.stringify(was) !== JSON.stringify(is)) {
          const j = entity(jstKey(site));
          touch(j, day);
          j.state = moveCaseMarks((j.state as JstEntity | null) ?? newJst(site), was, is);
        }
        break;
      }
    }
  }

  const changed = new Map<string, StoredEntity>();
  for (const [key, t] of tracked) {
    flush(t);
    if (t.dirty) changed.set(key, { s: t.state, r: t.revisions });
  }
  return { rows: sink.result(), entities: changed };
}

/** Entities an event may change besides its own: a case's site, the institutions of a body's members. */
function derivedKeys(r: Routed, state: EntityState | null): string[] {
  if (r.source === 'case') {
    const site = r.event.type === 'CaseEnrolled' ? r.event.data.siteTeryt : (state as CaseEntity | null)?.site;
    return site ? [jstKey(site)] : [];
  }
  if (r.source === 'group' && MEMBERSHIP_EVENTS.has(r.event.type)) {
    const keys = [...institutionStays(state as GroupEntity | null).keys()];
    const named =
      r.event.type === 'MemberJoined' || r.event.type === 'MemberDetailsCorrected'
        ? r.event.data.institution
        : undefined;
    if (named) keys.push(institutionKey(named));
    return keys.map(institutionEntityKey);
  }
  return [];
}
