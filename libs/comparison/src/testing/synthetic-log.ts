import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { addDays } from '../comparison-metrics/days';
import { history as h, uuidOf, type HistoryEvent } from './history';

/**
 * A large, plausible event log for measuring the projection and the query: per tenant a
 * programme, JST, bodies with members and meetings, decisions, pilot cases and site sessions,
 * written straight into the store in bulk (tests and measurements only).
 */
export async function writeSyntheticLog(pool: Pool, tenants: readonly string[], approxEvents: number): Promise<number> {
  let written = 0;
  for (const [i, tenant] of tenants.entries()) {
    const sink = new BulkWriter(pool, tenant);
    for (const e of syntheticHistory(tenant, i, Math.ceil(approxEvents / tenants.length))) await sink.add(e);
    written += await sink.flush();
  }
  return written;
}

/** One tenant's synthetic history in log order (`index` picks its voivodeship and gmina type). */
export function* syntheticHistory(tenant: string, index: number, approxEvents: number): Generator<HistoryEvent> {
  const base = tenantBase(tenant, index);
  yield* base;
  const cases = Math.max(1, Math.floor((approxEvents - base.length) / 13));
  const sites = base
    .filter((e) => e.type === 'territory.PilotSiteRecruited.v1')
    .map((e) => (e.data as { teryt: string }).teryt);
  // Cases run side by side, as a region records them: round-robin over a window of open cases.
  const window = 300;
  for (let from = 0; from < cases; from += window) {
    const streams = Array.from({ length: Math.min(window, cases - from) }, (_, i) =>
      caseEvents(`${tenant}-S-${String(from + i).padStart(6, '0')}`, sites[(from + i) % sites.length], from + i),
    );
    for (let step = 0; streams.some((s) => step < s.length); step++) {
      for (const s of streams) if (step < s.length) yield s[step];
    }
  }
}

function tenantBase(tenant: string, index: number): HistoryEvent[] {
  const out: HistoryEvent[] = [
    h.partnership('2018-03-20', { total: '31 604 368,34' }),
    h.target('jst-in-pilot', 50, '2018-05-01', 'jst'),
    h.target('families-enrolled', 1500, '2018-05-01', 'families'),
    h.target('social-workers-coached', 100, '2018-05-01', 'persons'),
    h.budgetAmended('2020-06-01', { total: '34 895 692,40' }),
  ];
  const voivodeship = ['18', '22', '24'][index % 3];
  for (let g = 1; g <= 30; g++) {
    const teryt = `${voivodeship}${String(g).padStart(2, '0')}01${index === 0 ? 2 : index === 1 ? 3 : 1}`;
    out.push(
      h.municipalityInvited(teryt, '2018-05-02'),
      h.participationDeclared(teryt, '2018-06-01'),
      h.agreementSigned(teryt, addDays('2018-09-01', g)),
      h.pilotSiteRecruited(teryt, addDays('2019-01-10', g)),
    );
    for (let s = 0; s < 40; s++)
      out.push(h.coaching(teryt, addDays('2019-02-01', s * 7), s % 3 ? 'group' : 'individual', 3, s % 3 ? 8 : 1));
    for (let s = 0; s < 5; s++)
      out.push(
        h.training(teryt, addDays('2019-03-01', s * 60), s ? 'case-team-work' : 'deinstitutionalisation', 6, 15),
      );
  }
  for (let p = 1; p <= 20; p++) {
    const teryt = `${voivodeship}${String(p).padStart(2, '0')}`;
    out.push(h.powiatInvited(teryt, '2018-05-02'), h.powiatAgreementSigned(teryt, addDays('2018-10-01', p)));
  }
  for (let g = 1; g <= 60; g++) {
    const group = `${tenant}-group-${g}`;
    const kind = ['PGR', 'PGD', 'RGR', 'PZK', 'GGK', 'ZZK'][g % 6];
    out.push(h.groupConvened(group, kind, '2018-06-01'));
    for (let m = 1; m <= 15; m++) {
      out.push(
        h.memberJoined(group, `${group}-p${m}`, '2018-06-01', {
          institution: `Instytucja ${(g * 7 + m) % 150}`,
          sector: ['social-assistance', 'education', 'health', 'police', 'ngo'][m % 5],
        }),
      );
    }
    for (let m = 1; m <= 20; m++)
      out.push(h.meetingHeld(group, `${group}-m${m}`, addDays('2018-06-15', m * 30), kind === 'PGR' ? 2 : 1));
    for (let d = 1; d <= 5; d++) {
      out.push(h.decisionProposed(`${group}-d${d}`, group, addDays('2018-07-01', d * 60)));
      out.push(h.decisionAdopted(`${group}-d${d}`, group, addDays('2018-07-01', d * 60)));
    }
    if (g % 10 === 0) out.push(h.memberLeft(group, `${group}-p1`, '2020-01-31'));
  }
  return out;
}

function caseEvents(caseId: string, site: string, n: number): HistoryEvent[] {
  const enrolled = addDays('2019-02-01', n % 500);
  const out = [h.caseEnrolled(caseId, site, enrolled, 1 + (n % 6)), h.planAgreed(caseId, 1, addDays(enrolled, 10))];
  for (let m = 1; m <= 8; m++) out.push(h.caseTeamMeeting(caseId, m, 1, addDays(enrolled, 10 + m * 30)));
  if (n % 40 === 0) out.push(h.caseCorrected(caseId, addDays(enrolled, 300), { fact: 'meeting-voided', meetingNo: 2 }));
  out.push(
    h.planCompleted(caseId, 1, addDays(enrolled, 300), n % 5 === 0 ? 'failure' : n % 7 === 0 ? 'partial' : 'success'),
  );
  out.push({
    streamId: out[0].streamId,
    type: 'pilot.CaseClosed.v1',
    data: { closedOn: addDays(enrolled, 310), reason: 'support-completed' },
    occurredAt: addDays(enrolled, 310),
  });
  return out;
}

/** Writes events in multi-row inserts of a few thousand, with revisions per stream. */
class BulkWriter {
  private readonly revisions = new Map<string, number>();
  private rows: unknown[] = [];
  private total = 0;

  constructor(
    private readonly pool: Pool,
    private readonly tenant: string,
  ) {}

  async add(e: HistoryEvent) {
    const revision = (this.revisions.get(e.streamId) ?? -1) + 1;
    this.revisions.set(e.streamId, revision);
    const id = randomUUID();
    this.rows.push({
      stream_id: e.streamId,
      stream_revision: revision,
      event_id: id,
      event_type: e.type,
      data: e.data,
      metadata: {
        tenantId: this.tenant,
        commandId: id,
        correlationId: id,
        causationId: uuidOf(id),
        actor: { sub: 'synthetic', role: 'tenant-admin', tenantId: this.tenant },
        occurredAt: e.occurredAt,
        schemaVersion: 1,
        synthetic: true,
      },
    });
    if (this.rows.length >= 5000) await this.flush();
  }

  async flush(): Promise<number> {
    if (this.rows.length) {
      await this.pool.query(
        `INSERT INTO es_events (tenant_id, stream_id, stream_revision, event_id, event_type, data, metadata)
         SELECT $1, x.stream_id, x.stream_revision, x.event_id, x.event_type, x.data, x.metadata
           FROM jsonb_to_recordset($2::jsonb) AS x(stream_id text, stream_revision bigint, event_id uuid,
                                                   event_type text, data jsonb, metadata jsonb)`,
        [this.tenant, JSON.stringify(this.rows)],
      );
      this.total += this.rows.length;
      this.rows = [];
    }
    return this.total;
  }
}
