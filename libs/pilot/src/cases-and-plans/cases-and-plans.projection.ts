import type { Projection, ProjectionBatch, RecordedEvent } from '@kooperacja/platform';
import { caseEventCatalogue, caseEventDefinitions } from '../case/case.catalogue';
import { caseDecider, type CaseState } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { caseSummary } from '../contracts/case-summary';
import { caseStreamId } from '../contracts/streams';
import { foldStreams } from '../shared/stream-fold';

export const CASES_TABLE = 'rm_pilot_cases';

/** Every stored name the case catalogue reads, older versions (upcast) included. */
const caseEventNames = caseEventDefinitions.flatMap((d) => [d.storedName, ...Object.keys(d.upcasters ?? {})]);

/**
 * "Cases and individual plans (pseudonymous)": one row per case with its status, latest plan,
 * key dates, meetings and outcome. Goal labels (free text about a family) are not kept here:
 * the case is folded with the deciders' `evolve`, which drops them.
 */
export const casesAndPlansProjection: Projection = {
  name: 'pilot-cases-and-plans',
  handles: caseEventNames,
  tables: [CASES_TABLE],
  ddl: (t) => [
    `CREATE TABLE ${t(CASES_TABLE)} (
       tenant_id text NOT NULL,
       case_id text NOT NULL,
       site_teryt text NOT NULL,
       voivodeship text NOT NULL,
       case_unit text NOT NULL,
       household_size int NOT NULL,
       status text NOT NULL,
       plan_type text,
       plans int NOT NULL,
       enrolled_on date NOT NULL,
       diagnosed_on date,
       plan_agreed_on date,
       first_meeting_on date,
       completed_on date,
       closed_on date,
       close_reason text,
       meetings int NOT NULL,
       meetings_with_client int NOT NULL,
       support_hours numeric(12, 2) NOT NULL,
       outcome text,
       corrections int NOT NULL,
       revision int NOT NULL,
       last_recorded_at timestamptz NOT NULL,
       fold_state text NOT NULL,
       PRIMARY KEY (tenant_id, case_id)
     )`,
    `CREATE INDEX ON ${t(CASES_TABLE)} (tenant_id, site_teryt, enrolled_on)`,
    `CREATE INDEX ON ${t(CASES_TABLE)} (tenant_id, enrolled_on, case_id)`,
  ],
  async apply(events: readonly RecordedEvent[], batch: ProjectionBatch) {
    const table = batch.table(CASES_TABLE);
    const folded = await foldStreams<CaseState, CaseEvent>(batch, events, {
      table,
      keyColumn: 'case_id',
      streamPrefix: caseStreamId(''),
      evolver: caseDecider,
      catalogue: caseEventCatalogue,
    });
    const rows = folded.flatMap(({ state, revision, lastRecordedAt }) => {
      const s = caseSummary(state);
      if (!s) return [];
      const latest = s.plans.at(-1);
      return [
        {
          case_id: s.caseId,
          site_teryt: s.siteTeryt,
          voivodeship: s.voivodeship,
          case_unit: s.caseUnit,
          household_size: s.householdSize,
          status: s.status,
          plan_type: latest?.planType ?? null,
          plans: s.plans.length,
          enrolled_on: s.enrolledOn,
          diagnosed_on: s.diagnosedOn,
          plan_agreed_on: latest?.agreedOn ?? null,
          first_meeting_on: s.firstMeetingOn,
          completed_on: latest?.completedOn ?? null,
          closed_on: s.closedOn,
          close_reason: s.closeReason,
          meetings: s.meetings,
          meetings_with_client: s.meetingsWithClient,
          support_hours: s.supportHours,
          outcome: s.planOutcome,
          corrections: s.corrections,
          revision,
          last_recorded_at: lastRecordedAt.toISOString(),
          fold_state: JSON.stringify(state),
        },
      ];
    });
    if (rows.length === 0) return;
    await batch.client.query(
      `INSERT INTO ${table} AS c (tenant_id, case_id, site_teryt, voivodeship, case_unit, household_size, status,
         plan_type, plans, enrolled_on, diagnosed_on, plan_agreed_on, first_meeting_on, completed_on, closed_on,
         close_reason, meetings, meetings_with_client, support_hours, outcome, corrections, revision,
         last_recorded_at, fold_state)
       SELECT $1, r.case_id, r.site_teryt, r.voivodeship, r.case_unit, r.household_size, r.status, r.plan_type,
              r.plans, r.enrolled_on, r.diagnosed_on, r.plan_agreed_on, r.first_meeting_on, r.completed_on,
              r.closed_on, r.close_reason, r.meetings, r.meetings_with_client, r.support_hours, r.outcome,
              r.corrections, r.revision, r.last_recorded_at, r.fold_state
         FROM jsonb_to_recordset($2::jsonb) AS r(case_id text, site_teryt text, voivodeship text, case_unit text,
              household_size int, status text, plan_type text, plans int, enrolled_on date, diagnosed_on date,
              plan_agreed_on date, first_meeting_on date, completed_on date, closed_on date, close_reason text,
              meetings int, meetings_with_client int, support_hours numeric, outcome text, corrections int,
              revision int, last_recorded_at timestamptz, fold_state text)
       ON CONFLICT (tenant_id, case_id) DO UPDATE SET
         site_teryt = EXCLUDED.site_teryt, voivodeship = EXCLUDED.voivodeship, case_unit = EXCLUDED.case_unit,
         household_size = EXCLUDED.household_size, status = EXCLUDED.status, plan_type = EXCLUDED.plan_type,
         plans = EXCLUDED.plans, enrolled_on = EXCLUDED.enrolled_on, diagnosed_on = EXCLUDED.diagnosed_on,
         plan_agreed_on = EXCLUDED.plan_agreed_on, first_meeting_on = EXCLUDED.first_meeting_on,
         completed_on = EXCLUDED.completed_on, closed_on = EXCLUDED.closed_on, close_reason = EXCLUDED.close_reason,
         meetings = EXCLUDED.meetings, meetings_with_client = EXCLUDED.meetings_with_client,
         support_hours = EXCLUDED.support_hours, outcome = EXCLUDED.outcome, corrections = EXCLUDED.corrections,
         revision = EXCLUDED.revision, last_recorded_at = EXCLUDED.last_recorded_at, fold_state = EXCLUDED.fold_state
       WHERE c.revision < EXCLUDED.revision`,
      [batch.tenantId, JSON.stringify(rows)],
    );
  },
};
