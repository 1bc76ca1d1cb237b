import type { Projection, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';
import type { Budget } from '../contracts/money';
import {
  currentIndicatorTargets,
  currentPartners,
  PROJECT_STREAM_ID,
  type ProjectView,
} from '../contracts/project.view';
import { programmeCatalogue } from '../project/project.catalogue';
import type { FactCorrected, ProjectEvent } from '../project/project.events';
import { deriveProject } from '../project/project.state';

export const OVERVIEW_TABLE = 'rm_programme_overview';
export const AMENDMENTS_TABLE = 'rm_programme_amendments';
/** The stream's events as the projection has folded them; a correction may reach back to any of them. */
export const LOG_TABLE = 'rm_programme_log';

/** What the projection keeps of each event besides its data. */
interface LogEntry {
  readonly eventId: string;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
}

interface LogRow {
  events: ProjectEvent[];
  entries: LogEntry[];
}

/**
 * "Project overview with amendment history": one row per tenant with the project's current
 * figures, one row per budget or schedule amendment with its source, dates and whether it was
 * corrected or voided since.
 *
 * Corrections can replace or void any earlier fact, so the rows are derived from the whole
 * stream folded with the decider's own `evolve` rules rather than patched event by event. The
 * programme stream is one per tenant and short (tens of events), so the projection keeps it in
 * `rm_programme_log` and each batch costs one read and three set-based upserts. Writes are keyed by
 * tenant (and event id) and events already in the log are skipped, so replays change nothing.
 */
export const projectOverviewProjection: Projection = {
  name: 'programme-overview',
  handles: [
    ...new Set(programmeCatalogue.definitions().flatMap((d) => [d.storedName, ...Object.keys(d.upcasters ?? {})])),
  ],
  tables: [OVERVIEW_TABLE, AMENDMENTS_TABLE, LOG_TABLE],
  ddl: (t) => [
    `CREATE TABLE ${t(LOG_TABLE)} (
       tenant_id text NOT NULL PRIMARY KEY,
       revision integer NOT NULL,
       events jsonb NOT NULL,
       entries jsonb NOT NULL)`,
    `CREATE TABLE ${t(OVERVIEW_TABLE)} (
       tenant_id text NOT NULL PRIMARY KEY,
       project_title text NOT NULL,
       lead_partner_id text NOT NULL,
       established_on date NOT NULL,
       planned_start date NOT NULL,
       planned_end date NOT NULL,
       current_start date NOT NULL,
       current_end date NOT NULL,
       planned_total_grosze bigint,
       planned_eu_share_grosze bigint,
       planned_targeted_grant_grosze bigint,
       current_total_grosze bigint,
       current_eu_share_grosze bigint,
       current_targeted_grant_grosze bigint,
       budget_amendments integer NOT NULL,
       schedule_amendments integer NOT NULL,
       partners integer NOT NULL,
       partner_ids text[] NOT NULL,
       indicator_targets jsonb NOT NULL,
       milestones_completed integer[] NOT NULL,
       last_milestone_on date,
       model_versions_approved integer NOT NULL,
       latest_model_version text,
       latest_model_approved_on date,
       latest_ministry_opinion text,
       corrections integer NOT NULL,
       revision integer NOT NULL,
       last_recorded_at timestamptz NOT NULL)`,
    `CREATE TABLE ${t(AMENDMENTS_TABLE)} (
       tenant_id text NOT NULL,
       event_id uuid NOT NULL,
       revision integer NOT NULL,
       kind text NOT NULL CHECK (kind IN ('budget', 'schedule')),
       amended_on date NOT NULL,
       source text NOT NULL,
       total_grosze bigint,
       eu_share_grosze bigint,
       targeted_grant_grosze bigint,
       period_start date,
       period_end date,
       status text NOT NULL CHECK (status IN ('recorded', 'corrected', 'voided')),
       correction_reason text,
       corrected_on date,
       recorded_at timestamptz NOT NULL,
       PRIMARY KEY (tenant_id, event_id))`,
    `CREATE INDEX ON ${t(AMENDMENTS_TABLE)} (tenant_id, revision)`,
  ],

  async apply(events: readonly RecordedEvent[], batch: ProjectionBatch): Promise<void> {
    const { client, tenantId } = batch;
    const { rows } = await client.query<LogRow>(
      `SELECT events, entries FROM ${batch.table(LOG_TABLE)} WHERE tenant_id = $1 FOR UPDATE`,
      [tenantId],
    );
    const log: LogRow = rows[0] ?? { events: [], entries: [] };
    let changed = false;
    for (const e of events) {
      if (e.streamId !== PROJECT_STREAM_ID || e.revision < log.events.length) continue;
      if (e.revision !== log.events.length) {
        throw new Error(
          `programme-overview: ${tenantId} event at revision ${e.revision}, expected ${log.events.length}`,
        );
      }
      log.events.push(programmeCatalogue.toDomain(e.type, e.data));
      log.entries.push({
        eventId: e.id,
        occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : null,
        recordedAt: e.recordedAt.toISOString(),
      });
      changed = true;
    }
    if (!changed) return;

    await client.query(
      `INSERT INTO ${batch.table(LOG_TABLE)} AS l (tenant_id, revision, events, entries) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET revision = EXCLUDED.revision, events = EXCLUDED.events,
         entries = EXCLUDED.entries`,
      [tenantId, log.events.length - 1, JSON.stringify(log.events), JSON.stringify(log.entries)],
    );
    const project = deriveProject(log.events);
    if (project) await upsertOverview(batch, project, log);
    await upsertAmendments(batch, log);
  },
};

const grosze = (budget: Budget) => [
  budget.total?.grosze ?? null,
  budget.euShare?.grosze ?? null,
  budget.targetedGrant?.grosze ?? null,
];

async function upsertOverview(batch: ProjectionBatch, project: ProjectView, log: LogRow) {
  const t = batch.table(OVERVIEW_TABLE);
  const approvals = project.modelApprovals;
  const latest = approvals.reduce<(typeof approvals)[number] | null>(
    (last, a) => (!last || a.approvedOn >= last.approvedOn ? a : last),
    null,
  );
  const partners = currentPartners(project).map((p) => p.partnerId);
  const targets = Object.fromEntries(
    Object.values(currentIndicatorTargets(project)).map((x) => [
      x.indicator,
      { value: x.value, unit: x.unit, setOn: x.setOn, source: x.source },
    ]),
  );
  const values = [
    batch.tenantId,
    project.projectTitle,
    project.leadPartnerId,
    project.establishedOn,
    project.schedule.planned.start,
    project.schedule.planned.end,
    project.schedule.current.start,
    project.schedule.current.end,
    ...grosze(project.budget.planned),
    ...grosze(project.budget.current),
    project.budget.amendments.length,
    project.schedule.amendments.length,
    partners.length,
    partners,
    JSON.stringify(targets),
    project.milestones.map((m) => m.milestone),
    project.milestones.reduce<string | null>((d, m) => (!d || m.completedOn > d ? m.completedOn : d), null),
    approvals.length,
    latest?.version ?? null,
    latest?.approvedOn ?? null,
    latest?.ministryOpinion ?? null,
    project.corrections.length,
    log.events.length - 1,
    log.entries[log.entries.length - 1].recordedAt,
  ];
  const columns = [
    'tenant_id',
    'project_title',
    'lead_partner_id',
    'established_on',
    'planned_start',
    'planned_end',
    'current_start',
    'current_end',
    'planned_total_grosze',
    'planned_eu_share_grosze',
    'planned_targeted_grant_grosze',
    'current_total_grosze',
    'current_eu_share_grosze',
    'current_targeted_grant_grosze',
    'budget_amendments',
    'schedule_amendments',
    'partners',
    'partner_ids',
    'indicator_targets',
    'milestones_completed',
    'last_milestone_on',
    'model_versions_approved',
    'latest_model_version',
    'latest_model_approved_on',
    'latest_ministry_opinion',
    'corrections',
    'revision',
    'last_recorded_at',
  ];
  await batch.client.query(
    `INSERT INTO ${t} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (tenant_id) DO UPDATE SET ${columns
       .slice(1)
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    values,
  );
}

/** Every amendment of the log, as last corrected; voided ones keep what was recorded. */
async function upsertAmendments(batch: ProjectionBatch, log: LogRow) {
  const latest = new Map<number, FactCorrected['data']>();
  for (const e of log.events) if (e.type === 'FactCorrected') latest.set(e.data.correctedRevision, e.data);
  const rows = log.events.flatMap((event, revision) => {
    if (event.type !== 'BudgetAmended' && event.type !== 'ScheduleAmended') return [];
    const correction = latest.get(revision);
    const data = (correction?.replacement ?? event.data) as typeof event.data;
    const budget =
      event.type === 'BudgetAmended' ? (data as Extract<ProjectEvent, { type: 'BudgetAmended' }>['data']).budget : null;
    const period =
      event.type === 'ScheduleAmended'
        ? (data as Extract<ProjectEvent, { type: 'ScheduleAmended' }>['data']).period
        : null;
    return [
      {
        event_id: log.entries[revision].eventId,
        revision,
        kind: event.type === 'BudgetAmended' ? 'budget' : 'schedule',
        amended_on: data.amendedOn,
        source: data.source,
        total_grosze: budget?.total?.grosze ?? null,
        eu_share_grosze: budget?.euShare?.grosze ?? null,
        targeted_grant_grosze: budget?.targetedGrant?.grosze ?? null,
        period_start: period?.start ?? null,
        period_end: period?.end ?? null,
        status: !correction ? 'recorded' : correction.replacement ? 'corrected' : 'voided',
        correction_reason: correction?.reason ?? null,
        corrected_on: correction?.correctedOn ?? null,
        recorded_at: log.entries[revision].recordedAt,
      },
    ];
  });
  if (rows.length === 0) return;
  const t = batch.table(AMENDMENTS_TABLE);
  const columns = Object.keys(rows[0]);
  await batch.client.query(
    `INSERT INTO ${t} AS a (tenant_id, ${columns.join(', ')})
     SELECT $1, ${columns.map((c) => `r.${c}`).join(', ')}
       FROM jsonb_to_recordset($2::jsonb) AS r(event_id uuid, revision integer, kind text, amended_on date,
            source text, total_grosze bigint, eu_share_grosze bigint, targeted_grant_grosze bigint,
            period_start date, period_end date, status text, correction_reason text, corrected_on date,
            recorded_at timestamptz)
     ON CONFLICT (tenant_id, event_id) DO UPDATE SET ${columns
       .filter((c) => c !== 'event_id')
       .map((c) => `${c} = EXCLUDED.${c}`)
       .join(', ')}`,
    [batch.tenantId, JSON.stringify(rows)],
  );
}
