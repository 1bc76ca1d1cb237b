import type { Projection, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';
import { caseEventCatalogue, caseEventDefinitions } from '../case/case.catalogue';
import { caseDecider, type CaseState } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { roundHours } from '../contracts/case-summary';
import { caseStreamId, siteStreamId } from '../contracts/streams';
import { voivodeshipsByTerytCode } from '../contracts/vocabulary';
import { siteEventCatalogue, siteEventDefinitions } from '../site/site.catalogue';
import type { SiteEvent } from '../site/site.events';
import { foldStreams } from '../shared/stream-fold';

export const SITE_PROGRESS_TABLE = 'rm_pilot_site_progress';
/** Each case's contribution to its site, with the folded case it is computed from. */
export const SITE_CASES_TABLE = 'rm_pilot_site_cases';

const storedNames = (defs: typeof caseEventDefinitions) =>
  defs.flatMap((d) => [d.storedName, ...Object.keys(d.upcasters ?? {})]);

/** The staff-support columns of a site row, folded from the site's own stream. */
interface SiteStaff {
  teryt: string;
  voivodeship: string;
  coaching_sessions: number;
  coaching_hours: number;
  coaching_participants: number;
  supervision_sessions: number;
  supervision_hours: number;
  supervision_participants: number;
  training_sessions: number;
  training_hours: number;
  training_participants: number;
  last_report_on: string | null;
  last_report_period_start: string | null;
  last_report_period_end: string | null;
  last_report_families_enrolled: number | null;
  last_report_plans_completed: number | null;
  last_report_successes: number | null;
  site_revision: number;
  last_recorded_at: string | null;
}

const STAFF_COLUMNS = [
  'coaching_sessions',
  'coaching_hours',
  'coaching_participants',
  'supervision_sessions',
  'supervision_hours',
  'supervision_participants',
  'training_sessions',
  'training_hours',
  'training_participants',
  'last_report_on',
  'last_report_period_start',
  'last_report_period_end',
  'last_report_families_enrolled',
  'last_report_plans_completed',
  'last_report_successes',
  'site_revision',
] as const;

const STAFF_TYPES: Record<(typeof STAFF_COLUMNS)[number], string> = {
  coaching_sessions: 'int',
  coaching_hours: 'numeric',
  coaching_participants: 'int',
  supervision_sessions: 'int',
  supervision_hours: 'numeric',
  supervision_participants: 'int',
  training_sessions: 'int',
  training_hours: 'numeric',
  training_participants: 'int',
  last_report_on: 'date',
  last_report_period_start: 'date',
  last_report_period_end: 'date',
  last_report_families_enrolled: 'int',
  last_report_plans_completed: 'int',
  last_report_successes: 'int',
  site_revision: 'int',
};

/**
 * "Pilot progress per site": per pilot site (TERYT), its cases (enrolled, active, closed), plans
 * agreed and completed by outcome, case-team meetings and support hours, and the staff support
 * recorded on the site's own log (coaching, supervision, training) with its latest outcome report.
 * Case figures are recomputed per affected site from the per-case table after every batch, so
 * corrections (voided meetings, corrected outcomes) flow through. The report's source (free text)
 * is not kept.
 */
export const siteProgressProjection: Projection = {
  name: 'pilot-site-progress',
  handles: [...storedNames(caseEventDefinitions), ...storedNames(siteEventDefinitions)],
  tables: [SITE_PROGRESS_TABLE, SITE_CASES_TABLE],
  ddl: (t) => [
    `CREATE TABLE ${t(SITE_CASES_TABLE)} (
       tenant_id text NOT NULL,
       case_id text NOT NULL,
       teryt text NOT NULL,
       voivodeship text NOT NULL,
       status text NOT NULL,
       plans_agreed int NOT NULL,
       plans_completed int NOT NULL,
       plans_success int NOT NULL,
       plans_partial int NOT NULL,
       plans_failure int NOT NULL,
       meetings int NOT NULL,
       support_hours numeric(12, 2) NOT NULL,
       revision int NOT NULL,
       last_recorded_at timestamptz NOT NULL,
       fold_state text NOT NULL,
       PRIMARY KEY (tenant_id, case_id)
     )`,
    `CREATE INDEX ON ${t(SITE_CASES_TABLE)} (tenant_id, teryt)`,
    `CREATE TABLE ${t(SITE_PROGRESS_TABLE)} (
       tenant_id text NOT NULL,
       teryt text NOT NULL,
       voivodeship text NOT NULL,
       cases_enrolled int NOT NULL DEFAULT 0,
       cases_active int NOT NULL DEFAULT 0,
       cases_closed int NOT NULL DEFAULT 0,
       plans_agreed int NOT NULL DEFAULT 0,
       plans_completed int NOT NULL DEFAULT 0,
       plans_success int NOT NULL DEFAULT 0,
       plans_partial int NOT NULL DEFAULT 0,
       plans_failure int NOT NULL DEFAULT 0,
       case_team_meetings int NOT NULL DEFAULT 0,
       support_hours numeric(12, 2) NOT NULL DEFAULT 0,
       coaching_sessions int NOT NULL DEFAULT 0,
       coaching_hours numeric(12, 2) NOT NULL DEFAULT 0,
       coaching_participants int NOT NULL DEFAULT 0,
       supervision_sessions int NOT NULL DEFAULT 0,
       supervision_hours numeric(12, 2) NOT NULL DEFAULT 0,
       supervision_participants int NOT NULL DEFAULT 0,
       training_sessions int NOT NULL DEFAULT 0,
       training_hours numeric(12, 2) NOT NULL DEFAULT 0,
       training_participants int NOT NULL DEFAULT 0,
       last_report_on date,
       last_report_period_start date,
       last_report_period_end date,
       last_report_families_enrolled int,
       last_report_plans_completed int,
       last_report_successes int,
       site_revision int NOT NULL DEFAULT -1,
       last_recorded_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, teryt)
     )`,
  ],
  async apply(events: readonly RecordedEvent[], batch: ProjectionBatch) {
    const sitesOfCases = await applyCaseEvents(events, batch);
    await recomputeCaseFigures(sitesOfCases, batch);
    await applySiteEvents(events, batch);
  },
};

/** Folds the batch's case events into the per-case table; returns the sites whose cases changed. */
async function applyCaseEvents(events: readonly RecordedEvent[], batch: ProjectionBatch): Promise<string[]> {
  const table = batch.table(SITE_CASES_TABLE);
  const folded = await foldStreams<CaseState, CaseEvent>(batch, events, {
    table,
    keyColumn: 'case_id',
    streamPrefix: caseStreamId(''),
    evolver: caseDecider,
    catalogue: caseEventCatalogue,
  });
  const rows = folded.flatMap(({ key, state, revision, lastRecordedAt }) => {
    if (state.status === 'not-enrolled') return [];
    const outcomes = state.plans.map((p) => p.completion?.outcome).filter((o) => o !== undefined);
    return [
      {
        case_id: key,
        teryt: state.siteTeryt,
        voivodeship: state.voivodeship,
        status: state.status,
        plans_agreed: state.plans.length,
        plans_completed: outcomes.length,
        plans_success: outcomes.filter((o) => o === 'success').length,
        plans_partial: outcomes.filter((o) => o === 'partial').length,
        plans_failure: outcomes.filter((o) => o === 'failure').length,
        meetings: state.meetings.filter((m) => !m.voided).length,
        support_hours: roundHours(state.supports.filter((x) => !x.voided).reduce((sum, x) => sum + x.hours, 0)),
        revision,
        last_recorded_at: lastRecordedAt.toISOString(),
        fold_state: JSON.stringify(state),
      },
    ];
  });
  if (rows.length === 0) return [];
  await batch.client.query(
    `INSERT INTO ${table} AS c (tenant_id, case_id, teryt, voivodeship, status, plans_agreed, plans_completed,
       plans_success, plans_partial, plans_failure, meetings, support_hours, revision, last_recorded_at, fold_state)
     SELECT $1, r.case_id, r.teryt, r.voivodeship, r.status, r.plans_agreed, r.plans_completed, r.plans_success,
            r.plans_partial, r.plans_failure, r.meetings, r.support_hours, r.revision, r.last_recorded_at, r.fold_state
       FROM jsonb_to_recordset($2::jsonb) AS r(case_id text, teryt text, voivodeship text, status text,
            plans_agreed int, plans_completed int, plans_success int, plans_partial int, plans_failure int,
            meetings int, support_hours numeric, revision int, last_recorded_at timestamptz, fold_state text)
     ON CONFLICT (tenant_id, case_id) DO UPDATE SET
       teryt = EXCLUDED.teryt, voivodeship = EXCLUDED.voivodeship, status = EXCLUDED.status,
       plans_agreed = EXCLUDED.plans_agreed, plans_completed = EXCLUDED.plans_completed,
       plans_success = EXCLUDED.plans_success, plans_partial = EXCLUDED.plans_partial,
       plans_failure = EXCLUDED.plans_failure, meetings = EXCLUDED.meetings, support_hours = EXCLUDED.support_hours,
       revision = EXCLUDED.revision, last_recorded_at = EXCLUDED.last_recorded_at, fold_state = EXCLUDED.fold_state
     WHERE c.revision < EXCLUDED.revision`,
    [batch.tenantId, JSON.stringify(rows)],
  );
  return [...new Set(rows.map((r) => r.teryt))];
}

/** The case figures of each affected site, recomputed from its cases in one statement. */
async function recomputeCaseFigures(teryts: readonly string[], batch: ProjectionBatch): Promise<void> {
  if (teryts.length === 0) return;
  const progress = batch.table(SITE_PROGRESS_TABLE);
  await batch.client.query(
    `INSERT INTO ${progress} AS p (tenant_id, teryt, voivodeship, cases_enrolled, cases_active, cases_closed,
       plans_agreed, plans_completed, plans_success, plans_partial, plans_failure, case_team_meetings,
       support_hours, last_recorded_at)
     SELECT tenant_id, teryt, min(voivodeship), count(*), count(*) FILTER (WHERE status = 'open'),
            count(*) FILTER (WHERE status = 'closed'), sum(plans_agreed), sum(plans_completed), sum(plans_success),
            sum(plans_partial), sum(plans_failure), sum(meetings), sum(support_hours), max(last_recorded_at)
       FROM ${batch.table(SITE_CASES_TABLE)}
      WHERE tenant_id = $1 AND teryt = ANY($2::text[])
      GROUP BY tenant_id, teryt
     ON CONFLICT (tenant_id, teryt) DO UPDATE SET
       cases_enrolled = EXCLUDED.cases_enrolled, cases_active = EXCLUDED.cases_active,
       cases_closed = EXCLUDED.cases_closed, plans_agreed = EXCLUDED.plans_agreed,
       plans_completed = EXCLUDED.plans_completed, plans_success = EXCLUDED.plans_success,
       plans_partial = EXCLUDED.plans_partial, plans_failure = EXCLUDED.plans_failure,
       case_team_meetings = EXCLUDED.case_team_meetings, support_hours = EXCLUDED.support_hours,
       last_recorded_at = GREATEST(p.last_recorded_at, EXCLUDED.last_recorded_at)`,
    [batch.tenantId, teryts],
  );
}

/** Folds the batch's site events into the staff columns of each site row. */
async function applySiteEvents(events: readonly RecordedEvent[], batch: ProjectionBatch): Promise<void> {
  const prefix = siteStreamId('');
  const siteEvents = events.filter((e) => e.streamId.startsWith(prefix));
  if (siteEvents.length === 0) return;
  const progress = batch.table(SITE_PROGRESS_TABLE);
  const teryts = [...new Set(siteEvents.map((e) => e.streamId.slice(prefix.length)))];
  const { rows } = await batch.client.query<SiteStaff>(
    `SELECT teryt, voivodeship, ${STAFF_COLUMNS.map(readAs).join(', ')},
            last_recorded_at
       FROM ${progress} WHERE tenant_id = $1 AND teryt = ANY($2::text[])`,
    [batch.tenantId, teryts],
  );
  const sites = new Map(rows.map((r) => [r.teryt, r]));
  const changed = new Map<string, SiteStaff>();
  for (const e of siteEvents) {
    const teryt = e.streamId.slice(prefix.length);
    const site = sites.get(teryt) ?? emptySite(teryt);
    sites.set(teryt, site);
    if (e.revision <= site.site_revision) continue;
    foldSiteEvent(site, siteEventCatalogue.toDomain(e.type, e.data));
    site.site_revision = e.revision;
    site.last_recorded_at = e.recordedAt.toISOString();
    changed.set(teryt, site);
  }
  if (changed.size === 0) return;
  const columns = ['teryt', 'voivodeship', ...STAFF_COLUMNS, 'last_recorded_at'];
  await batch.client.query(
    `INSERT INTO ${progress} AS p (tenant_id, ${columns.join(', ')})
     SELECT $1, ${columns.map((c) => `r.${c}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS r(teryt text, voivodeship text,
            ${STAFF_COLUMNS.map((c) => `${c} ${STAFF_TYPES[c]}`).join(', ')}, last_recorded_at timestamptz)
     ON CONFLICT (tenant_id, teryt) DO UPDATE SET
       ${STAFF_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')},
       last_recorded_at = GREATEST(p.last_recorded_at, EXCLUDED.last_recorded_at)
     WHERE p.site_revision < EXCLUDED.site_revision`,
    [batch.tenantId, JSON.stringify([...changed.values()])],
  );
}

/** Numbers as numbers and days as text, whatever type parsers the pg driver has. */
function readAs(column: (typeof STAFF_COLUMNS)[number]): string {
  const type = STAFF_TYPES[column];
  return type === 'numeric'
    ? `${column}::float8 AS ${column}`
    : type === 'date'
      ? `${column}::text AS ${column}`
      : column;
}

function emptySite(teryt: string): SiteStaff {
  return {
    teryt,
    voivodeship: voivodeshipsByTerytCode[teryt.slice(0, 2)] ?? 'unknown',
    coaching_sessions: 0,
    coaching_hours: 0,
    coaching_participants: 0,
    supervision_sessions: 0,
    supervision_hours: 0,
    supervision_participants: 0,
    training_sessions: 0,
    training_hours: 0,
    training_participants: 0,
    last_report_on: null,
    last_report_period_start: null,
    last_report_period_end: null,
    last_report_families_enrolled: null,
    last_report_plans_completed: null,
    last_report_successes: null,
    site_revision: -1,
    last_recorded_at: null,
  };
}

function foldSiteEvent(site: SiteStaff, event: SiteEvent): void {
  switch (event.type) {
    case 'SiteRegistered':
      site.voivodeship = event.data.voivodeship;
      return;
    case 'CoachingSessionHeld':
      site.coaching_sessions += 1;
      site.coaching_hours = roundHours(site.coaching_hours + event.data.hours);
      site.coaching_participants += event.data.socialWorkers;
      return;
    case 'SupervisionSessionHeld':
      site.supervision_sessions += 1;
      site.supervision_hours = roundHours(site.supervision_hours + event.data.hours);
      site.supervision_participants += event.data.participants;
      return;
    case 'TrainingHeld':
      site.training_sessions += 1;
      site.training_hours = roundHours(site.training_hours + event.data.hours);
      site.training_participants += event.data.participants;
      return;
    case 'PilotOutcomeReported': {
      // The latest report by its date; a later record of the same day restates it.
      const r = event.data;
      if (site.last_report_on !== null && r.reportedOn < site.last_report_on) return;
      site.last_report_on = r.reportedOn;
      site.last_report_period_start = r.periodStart;
      site.last_report_period_end = r.periodEnd;
      site.last_report_families_enrolled = r.familiesEnrolled;
      site.last_report_plans_completed = r.plansCompleted;
      site.last_report_successes = r.successes;
      return;
    }
  }
}
