import { groupEventCatalogue } from '@kooperacja/groups';
import type { Projection, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';
import type { DecisionAmendment, DecisionOutcome, DecisionStatus, DecisionView } from '../contracts/read-model';
import { decisionEventCatalogue } from '../decision/decision.catalogue';
import { evolveDecision, initialDecisionState, type DecisionState } from '../decision/decision.state';

export const DECISIONS_LOG_TABLES = {
  decisions: 'rm_decisions',
  bodies: 'rm_decision_bodies',
} as const;

const T = DECISIONS_LOG_TABLES;

/** The groups events that name and describe a body: the log shows who decided. */
const BODY_EVENTS = [
  groupEventCatalogue.storedNameOf('GroupConvened'),
  groupEventCatalogue.storedNameOf('GroupDetailsCorrected'),
];

export interface DecisionRowData {
  decision_id: string;
  group_id: string;
  subject: string;
  text: string;
  status: DecisionStatus;
  proposed_on: string;
  decided_on: string | null;
  effective_on: string | null;
  revoked_on: string | null;
  revocation_reason: string | null;
  /** The day the log sorts and filters by: the decision's, or the proposal's while undecided. */
  decision_date: string;
  outcome_kind: 'consensus' | 'vote' | null;
  votes_for: number | null;
  votes_against: number | null;
  votes_abstaining: number | null;
  amendments: DecisionAmendment[];
  amendment_count: number;
  revision: number;
}

interface BodyRowData {
  group_id: string;
  name: string | null;
  kind: string | null;
  level: string | null;
  voivodeship: string | null;
  revision: number;
}

const DECISION_COLUMNS = `decision_id uuid, group_id uuid, subject text, text text, status text, proposed_on date,
  decided_on date, effective_on date, revoked_on date, revocation_reason text, decision_date date, outcome_kind text,
  votes_for int, votes_against int, votes_abstaining int, amendments jsonb, amendment_count int, revision int`;
const BODY_COLUMNS = `group_id uuid, name text, kind text, level text, voivodeship text, revision int`;

/**
 * The decisions log: one row per decision as its record stands (status, subject, body, dates,
 * outcome), filterable by body, subject and date; and the name and kind of each deciding body,
 * from the groups context's own events. A batch reads the touched rows, folds the new events
 * with the decider's `evolve`, and upserts them (one statement per table); `revision` (the last
 * event of the stream applied) makes a replayed event a no-op.
 */
export const decisionsLogProjection: Projection = {
  name: 'decisions-log',
  handles: [...decisionEventCatalogue.definitions().map((d) => d.storedName), ...BODY_EVENTS],
  tables: Object.values(T),

  ddl: (t) => [
    `CREATE TABLE ${t(T.decisions)} (
       tenant_id text NOT NULL, decision_id uuid NOT NULL, group_id uuid NOT NULL, subject text NOT NULL,
       text text NOT NULL, status text NOT NULL, proposed_on date NOT NULL, decided_on date, effective_on date,
       revoked_on date, revocation_reason text, decision_date date NOT NULL, outcome_kind text, votes_for int,
       votes_against int, votes_abstaining int, amendments jsonb NOT NULL, amendment_count int NOT NULL,
       revision int NOT NULL,
       PRIMARY KEY (tenant_id, decision_id))`,
    `CREATE INDEX ${t(T.decisions)}_date ON ${t(T.decisions)} (tenant_id, decision_date DESC, decision_id)`,
    `CREATE INDEX ${t(T.decisions)}_group ON ${t(T.decisions)} (tenant_id, group_id, decision_date DESC)`,
    `CREATE TABLE ${t(T.bodies)} (
       tenant_id text NOT NULL, group_id uuid NOT NULL, name text, kind text, level text, voivodeship text,
       revision int NOT NULL,
       PRIMARY KEY (tenant_id, group_id))`,
  ],

  async apply(events: readonly RecordedEvent[], batch: ProjectionBatch) {
    const decisionEvents = events.filter((e) => decisionEventCatalogue.knows(e.type));
    const bodyEvents = events.filter((e) => groupEventCatalogue.knows(e.type));
    if (decisionEvents.length > 0) await applyDecisions(decisionEvents, batch);
    if (bodyEvents.length > 0) await applyBodies(bodyEvents, batch);
  },
};

async function applyDecisions(events: readonly RecordedEvent[], batch: ProjectionBatch) {
  const { client, tenantId } = batch;
  const ids = [...new Set(events.map((e) => idOf(e, 'decisionId')))];
  const { rows } = await client.query<DecisionRowData>(
    `SELECT ${selectList(DECISION_COLUMNS)} FROM ${batch.table(T.decisions)}
      WHERE tenant_id = $1 AND decision_id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  const stored = new Map(rows.map((r) => [r.decision_id, { state: viewOf(r) as DecisionState, revision: r.revision }]));
  const changed = new Map<string, DecisionRowData>();
  for (const e of events) {
    const id = idOf(e, 'decisionId');
    const current = stored.get(id) ?? { state: initialDecisionState(), revision: -1 };
    if (e.revision <= current.revision) continue; // applied before: a replay changes nothing
    const next = {
      state: evolveDecision(current.state, decisionEventCatalogue.toDomain(e.type, e.data)),
      revision: e.revision,
    };
    stored.set(id, next);
    if (next.state.status !== 'none') changed.set(id, rowOf(next.state, next.revision));
  }
  await upsert(batch, T.decisions, [...changed.values()], DECISION_COLUMNS, 'decision_id');
}

async function applyBodies(events: readonly RecordedEvent[], batch: ProjectionBatch) {
  const { client, tenantId } = batch;
  const ids = [...new Set(events.map((e) => idOf(e, 'groupId')))];
  const { rows } = await client.query<BodyRowData>(
    `SELECT ${selectList(BODY_COLUMNS)} FROM ${batch.table(T.bodies)} WHERE tenant_id = $1 AND group_id = ANY($2::uuid[])`,
    [tenantId, ids],
  );
  const bodies = new Map(rows.map((r) => [r.group_id, r]));
  const changed = new Set<string>();
  for (const e of events) {
    const id = idOf(e, 'groupId');
    const body = bodies.get(id) ?? {
      group_id: id,
      name: null,
      kind: null,
      level: null,
      voivodeship: null,
      revision: -1,
    };
    if (e.revision <= body.revision) continue;
    const event = groupEventCatalogue.toDomain(e.type, e.data);
    if (event.type !== 'GroupConvened' && event.type !== 'GroupDetailsCorrected') continue;
    const { name, kind, level, voivodeship } = event.data;
    bodies.set(id, {
      group_id: id,
      name: name ?? body.name,
      kind: kind ?? body.kind,
      level: level ?? body.level,
      voivodeship: voivodeship ?? body.voivodeship,
      revision: e.revision,
    });
    changed.add(id);
  }
  await upsert(
    batch,
    T.bodies,
    [...changed].map((id) => bodies.get(id)!),
    BODY_COLUMNS,
    'group_id',
  );
}

function idOf(e: RecordedEvent, field: 'decisionId' | 'groupId'): string {
  return String((e.data as Record<string, unknown>)[field]).toLowerCase();
}

export function rowOf(d: DecisionView, revision: number): DecisionRowData {
  const vote = d.outcome?.kind === 'vote' ? d.outcome : undefined;
  return {
    decision_id: d.decisionId,
    group_id: d.groupId,
    subject: d.subject,
    text: d.text,
    status: d.status,
    proposed_on: d.proposedOn,
    decided_on: d.decidedOn ?? null,
    effective_on: d.effectiveOn ?? null,
    revoked_on: d.revokedOn ?? null,
    revocation_reason: d.revocationReason ?? null,
    decision_date: d.decidedOn ?? d.proposedOn,
    outcome_kind: d.outcome?.kind ?? null,
    votes_for: vote?.for ?? null,
    votes_against: vote?.against ?? null,
    votes_abstaining: vote?.abstaining ?? null,
    amendments: [...d.amendments],
    amendment_count: d.amendments.length,
    revision,
  };
}

/** The decision as its row has it (the row holds everything `evolve` needs). */
export function viewOf(r: DecisionRowData): DecisionView {
  const outcome: DecisionOutcome | undefined =
    r.outcome_kind === 'consensus'
      ? { kind: 'consensus' }
      : r.outcome_kind === 'vote'
        ? { kind: 'vote', for: r.votes_for ?? 0, against: r.votes_against ?? 0, abstaining: r.votes_abstaining ?? 0 }
        : undefined;
  return {
    status: r.status,
    decisionId: r.decision_id,
    groupId: r.group_id,
    subject: r.subject,
    text: r.text,
    proposedOn: r.proposed_on,
    ...(r.decided_on !== null ? { decidedOn: r.decided_on } : {}),
    ...(outcome ? { outcome } : {}),
    ...(r.effective_on !== null ? { effectiveOn: r.effective_on } : {}),
    amendments: r.amendments,
    ...(r.revoked_on !== null ? { revokedOn: r.revoked_on } : {}),
    ...(r.revocation_reason !== null ? { revocationReason: r.revocation_reason } : {}),
  };
}

async function upsert(batch: ProjectionBatch, base: string, rows: readonly object[], columns: string, key: string) {
  if (rows.length === 0) return;
  const table = batch.table(base);
  const names = columns.split(',').map((c) => c.trim().split(/\s+/)[0]);
  await batch.client.query(
    `INSERT INTO ${table} (tenant_id, ${names.join(', ')})
     SELECT $1, ${names.map((n) => `x.${n}`).join(', ')} FROM jsonb_to_recordset($2::jsonb) AS x(${columns})
     ON CONFLICT (tenant_id, ${key}) DO UPDATE
       SET ${names
         .filter((n) => n !== key)
         .map((n) => `${n} = EXCLUDED.${n}`)
         .join(', ')}`,
    [batch.tenantId, JSON.stringify(rows)],
  );
}

/** Dates and ids come back as text, as the domain has them. */
function selectList(columns: string): string {
  return columns
    .split(',')
    .map((c) => {
      const [name, type] = c.trim().split(/\s+/);
      return type === 'date' || type === 'uuid' ? `${name}::text AS ${name}` : name;
    })
    .join(', ');
}
