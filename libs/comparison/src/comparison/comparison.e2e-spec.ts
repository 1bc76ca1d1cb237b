import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { CommandRunner, PostgresTenantDirectory, type CommandContext } from '@kooperacja/platform';
import { AdoptDecisionHandler, ProposeDecisionHandler } from '@kooperacja/decisions';
import { ConveneGroupHandler, GroupsFacade, JoinMemberHandler } from '@kooperacja/groups';
import {
  AgreeIndividualPlanHandler,
  CompletePlanHandler,
  EnrolCaseHandler,
  RecordCaseTeamMeetingHandler,
  RecordCoachingSessionHandler,
} from '@kooperacja/pilot';
import {
  EstablishPartnershipHandler,
  pln,
  ProgrammePeriodLookup,
  SetIndicatorTargetHandler,
  type IndicatorCode,
  type IndicatorUnit,
} from '@kooperacja/programme';
import {
  DeclareParticipationHandler,
  InviteMunicipalityHandler,
  RecruitPilotSiteHandler,
  SignCooperationAgreementHandler,
} from '@kooperacja/territory';
import { startComparisonApp, type ComparisonApp } from '../testing/comparison-app';
import type { ComparisonResult } from './comparison.service';

/** Personal data and free text recorded below; none of it may leave the comparison. */
const PERSONAL = [
  'Zofia Znacznikowa',
  'zofia.znacznikowa@example.pl',
  'Praca dla pani Znacznikowej',
  'mr2-ZNK-0042',
  'PZK Znacznikowo',
  'OPS w Znacznikowie',
  'Uchwała o Znacznikowie',
];

const MACROREGIONS = {
  mr1: {
    gmina: { teryt: '1816022', name: 'Gmina A', type: 'rural', powiat: 'rzeszowski', voivodeship: 'podkarpackie' },
  },
  mr2: {
    gmina: { teryt: '2205023', name: 'Kartuzy', type: 'urban-rural', powiat: 'kartuski', voivodeship: 'pomorskie' },
  },
  mr3: {
    gmina: { teryt: '2461011', name: 'Bielsko-Biała', type: 'urban', powiat: 'Bielsko-Biała', voivodeship: 'śląskie' },
  },
} as const;

jest.setTimeout(120_000);

describe('GET /api/v1/comparison and the tenants’ indicators (e2e)', () => {
  let e2e: ComparisonApp;
  let server: Parameters<typeof request>[0];
  const analyst = () => e2e.token('analyst');

  beforeAll(async () => {
    e2e = await startComparisonApp();
    server = e2e.app.getHttpServer();
    await recordHistory(e2e);
    await e2e.project(['mr1', 'mr2', 'mr3']);
  });
  afterAll(() => e2e?.close());

  const get = (path: string, token: string) => request(server).get(path).set('Authorization', `Bearer ${token}`);

  it('gives analysts every macroregion, targets next to actuals, quarterly series and the freshness of each', async () => {
    const res = await get('/api/v1/comparison?asOf=2021-06-30', analyst()).expect(200);
    const body = res.body as ComparisonResult;
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(body.asOf).toBe('2021-06-30');
    expect(body.asOfKind).toBe('business');
    expect(body.tenants.map((t) => [t.id, t.name, t.nameEn])).toEqual([
      ['mr1', 'Makroregion I', 'Macroregion I'],
      ['mr2', 'Makroregion II', 'Macroregion II'],
      ['mr3', 'Makroregion III', 'Macroregion III'],
    ]);
    for (const t of body.tenants) {
      expect(t.freshness.position).toMatch(/^\d+\/\d+$/);
      expect(Date.parse(t.freshness.recordedAt!)).toBeGreaterThan(Date.now() - 10 * 60_000);
    }
    const indicator = (code: string) => body.indicators.find((i) => i.code === code)!;
    expect(indicator('jst-in-pilot')).toMatchObject({
      labelPl: 'JST w pilotażu',
      labelEn: 'JST in the pilot',
      unit: 'jst',
    });
    expect(indicator('jst-in-pilot').rows).toEqual([
      { tenantId: 'mr1', target: 30, actual: 1, percent: 3.3 },
      { tenantId: 'mr2', target: 50, actual: 1, percent: 2 },
      { tenantId: 'mr3', target: 50, actual: 1, percent: 2 },
    ]);
    expect(indicator('families-enrolled').rows[1]).toEqual({ tenantId: 'mr2', target: null, actual: 1, percent: null });
    expect(indicator('plan-success-rate').rows[1].actual).toBe(100);
    expect(indicator('money-per-jst').rows.map((r) => [r.actual, r.basis])).toEqual([
      [34895692.4, 'total'],
      [11977479.39, 'total'],
      [20761034.04, 'euShare'],
    ]);
    expect(indicator('social-workers-coached').rows[1]).toEqual({
      tenantId: 'mr2',
      target: 100,
      actual: 6,
      percent: 6,
    });
    expect(indicator('decisions-adopted').rows[1].actual).toBe(1);
    expect(indicator('partner-entities').rows[1].actual).toBe(1);
    expect(indicator('institutions-sector-social-assistance').rows[1].actual).toBe(1);

    const series = body.series.filter((p) => p.code === 'jst-under-agreement' && p.tenantId === 'mr2');
    expect(series.map((p) => [p.quarter, p.value])).toEqual([
      ['2018-Q1', 0],
      ['2018-Q2', 0],
      ['2018-Q3', 1],
      ['2018-Q4', 1],
      ['2019-Q1', 1],
      ['2019-Q2', 1],
      ['2019-Q3', 1],
      ['2019-Q4', 1],
    ]);
  });

  it('answers as things were on a business day, and as the data stood on a record day', async () => {
    const early = (
      await get('/api/v1/comparison?asOf=2018-12-31&indicator=jst-in-pilot,jst-under-agreement', analyst()).expect(200)
    ).body as ComparisonResult;
    expect(early.indicators.map((i) => [i.code, i.rows.map((r) => r.actual)])).toEqual([
      ['jst-under-agreement', [1, 1, 1]],
      ['jst-in-pilot', [0, 0, 0]],
    ]);
    // Everything was recorded today: as the data stood yesterday, there was nothing.
    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const recorded = (
      await get(`/api/v1/comparison?asOf=${yesterday}&asOfKind=record&indicator=jst-in-pilot`, analyst()).expect(200)
    ).body as ComparisonResult;
    expect(recorded.indicators[0].rows.map((r) => [r.target, r.actual])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
    expect(recorded.series).toEqual([]);
  });

  it('exports the same data as CSV for Polish Excel', async () => {
    const res = await get(
      '/api/v1/comparison?asOf=2021-06-30&format=csv&indicator=jst-in-pilot,money-per-jst',
      analyst(),
    ).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="kooperacja-comparison-2021-06-30.csv"');
    const text = res.text;
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'row;indicator;label;unit;tenant;tenant_name;quarter;target;actual;percent_of_target;budget_line;as_of;as_of_kind;data_position;data_recorded_at',
    );
    const jst = lines.find((l) => l.startsWith('as-of;jst-in-pilot;') && l.includes(';mr1;'))!.split(';');
    expect(jst.slice(0, 11)).toEqual([
      'as-of',
      'jst-in-pilot',
      'JST w pilotażu',
      'JST',
      'mr1',
      'Makroregion I',
      '',
      '30',
      '1',
      '3,3',
      '',
    ]);
    expect(jst[13]).toMatch(/^\d+\/\d+$/);
    const money = lines.find((l) => l.startsWith('as-of;money-per-jst;') && l.includes(';mr3;'))!.split(';');
    expect(money.slice(8, 11)).toEqual(['20761034,04', '', 'euShare']);
    expect(
      lines.some((l) => l.startsWith('quarter;jst-in-pilot;JST w pilotażu;JST;mr2;Makroregion II;2019-Q1;50;1;2;')),
    ).toBe(true);
  });

  it('exports the same data as a spreadsheet with typed numbers and dates', async () => {
    const res = await get('/api/v1/comparison?asOf=2021-06-30&format=xlsx&lang=en', analyst())
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Comparison', 'Quarters', 'Data freshness']);

    const side = book.getWorksheet('Comparison')!;
    expect(side.getCell('C2').value).toEqual(new Date('2021-06-30T00:00:00Z'));
    expect([side.getCell('D4').value, side.getCell('G4').value, side.getCell('J4').value]).toEqual([
      'Macroregion I',
      'Macroregion II',
      'Macroregion III',
    ]);
    expect(side.getCell('G3').value).toBeInstanceOf(Date); // when mr2's last event was recorded
    const row = findRow(side, 'jst-in-pilot');
    expect([row.getCell(7).value, row.getCell(8).value, row.getCell(9).value]).toEqual([50, 1, 0.02]);
    expect(row.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(9).numFmt).toBe('0.0%');
    const money = findRow(side, 'money-per-jst');
    expect(money.getCell(11).value).toBe(20761034.04);
    expect(money.getCell(11).numFmt).toBe('#,##0.00');

    const quarters = book.getWorksheet('Quarters')!;
    const point = findRow(
      quarters,
      'jst-under-agreement',
      (r) => r.getCell(4).value === 'mr2' && r.getCell(6).value === '2018-Q3',
    );
    expect(point.getCell(7).value).toEqual(new Date('2018-09-30T00:00:00Z'));
    expect(point.getCell(8).value).toBe(1);
    expect(point.getCell(8).type).toBe(ExcelJS.ValueType.Number);

    const fresh = book.getWorksheet('Data freshness')!;
    expect(fresh.getRow(3).getCell(1).value).toBe('mr2');
    expect(String(fresh.getRow(3).getCell(3).value)).toMatch(/^\d+\/\d+$/);
    expect(fresh.getRow(3).getCell(4).value).toBeInstanceOf(Date);
  });

  it('refuses everyone but analysts, and gives a tenant its own indicators only', async () => {
    await request(server).get('/api/v1/comparison').expect(401);
    for (const [role, tenant] of [
      ['tenant-admin', 'mr1'],
      ['tenant-viewer', 'mr2'],
      ['platform-operator', undefined],
    ] as const) {
      await get('/api/v1/comparison', e2e.token(role, tenant)).expect(403);
    }
    await get('/api/v1/tenants/mr2/indicators', analyst()).expect(404);
    await get('/api/v1/tenants/mr2/indicators', e2e.token('tenant-viewer', 'mr1')).expect(404);

    const own = (
      await get('/api/v1/tenants/mr2/indicators?asOf=2021-06-30', e2e.token('tenant-viewer', 'mr2')).expect(200)
    ).body as ComparisonResult;
    expect(own.tenants.map((t) => t.id)).toEqual(['mr2']);
    expect(own.indicators.find((i) => i.code === 'jst-in-pilot')!.rows).toEqual([
      { tenantId: 'mr2', target: 50, actual: 1, percent: 2 },
    ]);
    expect(new Set(own.series.map((p) => p.tenantId))).toEqual(new Set(['mr2']));
  });

  it('lets no person, case id or free text out, in any format, on either route', async () => {
    const outputs: string[] = [];
    for (const format of ['json', 'csv']) {
      outputs.push((await get(`/api/v1/comparison?format=${format}`, analyst()).expect(200)).text);
      outputs.push(
        (await get(`/api/v1/tenants/mr2/indicators?format=${format}`, e2e.token('tenant-admin', 'mr2')).expect(200))
          .text,
      );
    }
    const xlsx = await get('/api/v1/comparison?format=xlsx', analyst())
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as ArrayBuffer);
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => outputs.push(String(cell.value)))));
    const all = outputs.join('\n');
    expect(all).toContain('Makroregion II'); // the outputs are there…
    for (const text of PERSONAL) expect(all).not.toContain(text); // …and nothing of this
  });

  it('refuses parameters it does not know or cannot read, naming the field', async () => {
    const errors = async (query: string) =>
      (
        (await get(`/api/v1/comparison?${query}`, analyst()).expect(400)).body as { errors: { field: string }[] }
      ).errors.map((e) => e.field);
    expect(await errors('asOf=2019-02-30')).toEqual(['asOf']);
    expect(await errors('asOfKind=someday')).toEqual(['asOfKind']);
    expect(await errors('indicator=jst-in-pilot,shoe-size')).toEqual(['indicator']);
    expect(await errors('tenants=mr1,mr9')).toEqual(['tenants']);
    expect(await errors('from=2020-01-01&to=2019-01-01')).toEqual(['to']);
    expect(await errors('format=pdf')).toEqual(['format']);
    expect(await errors('tenantId=mr1')).toEqual(['tenantId']);
  });

  it('answers the same question again from the new facts once they are applied, not from an earlier answer', async () => {
    const enrolled = (body: ComparisonResult) =>
      body.indicators.find((i) => i.code === 'families-enrolled')!.rows.find((r) => r.tenantId === 'mr2')!.actual;
    const path = '/api/v1/comparison?asOf=2021-06-30&indicator=families-enrolled';
    const before = (await get(path, analyst()).expect(200)).body as ComparisonResult;
    expect((await get(path, analyst()).expect(200)).body).toEqual(before);

    const id = randomUUID();
    await new EnrolCaseHandler(
      new CommandRunner(e2e.store),
      new ProgrammePeriodLookup(e2e.store),
      new PostgresTenantDirectory(e2e.owner),
    ).execute(
      { caseId: 'mr2-NEW-0001', siteTeryt: MACROREGIONS.mr2.gmina.teryt, householdSize: 2, caseUnit: 'ggk' },
      {
        tenantId: 'mr2',
        actor: { sub: 'admin@mr2', role: 'tenant-admin', tenantId: 'mr2' },
        commandId: id,
        correlationId: id,
        causationId: id,
      },
      '2020-05-04',
    );
    await e2e.project(['mr2']);

    const after = (await get(path, analyst()).expect(200)).body as ComparisonResult;
    expect(enrolled(after)).toBe(enrolled(before)! + 1);
    const fresh = (b: ComparisonResult) => b.tenants.find((t) => t.id === 'mr2')!.freshness.position;
    expect(fresh(after)).not.toBe(fresh(before));
  });

  it('is described in the OpenAPI document: parameters, JSON schema, CSV and XLSX', () => {
    const op = e2e.openApi.paths['/api/v1/comparison'].get!;
    expect((op.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'query:asOf',
      'query:asOfKind',
      'query:format',
      'query:from',
      'query:indicator',
      'query:lang',
      'query:tenants',
      'query:to',
    ]);
    const content = (op.responses['200'] as unknown as { content: Record<string, { schema: Record<string, string> }> })
      .content;
    expect(Object.keys(content).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'text/csv',
    ]);
    expect(content['application/json'].schema.$ref).toBe('#/components/schemas/ComparisonResponseDto');
    expect(content['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'].schema.format).toBe('binary');
    expect(Object.keys(e2e.openApi.components!.schemas!)).toEqual(expect.arrayContaining(['ComparisonResponseDto']));
    expect((op as unknown as Record<string, unknown>)['x-roles']).toEqual(['analyst']);
    expect(e2e.openApi.paths['/api/v1/tenants/{tenantId}/indicators'].get).toBeTruthy();
  });
});

function findRow(sheet: ExcelJS.Worksheet, code: string, also: (r: ExcelJS.Row) => boolean = () => true): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((r) => {
    if (!found && r.getCell(1).value === code && also(r)) found = r;
  });
  if (!found) throw new Error(`no row ${code} in ${sheet.name}`);
  return found;
}

/** Each macroregion's history through the contexts' own handlers, as the API would record it. */
async function recordHistory(e2e: ComparisonApp) {
  const runner = new CommandRunner(e2e.store);
  const periods = new ProgrammePeriodLookup(e2e.store);
  const tenants = new PostgresTenantDirectory(e2e.owner);
  const ctx = (tenantId: string): CommandContext => {
    const id = randomUUID();
    return {
      tenantId,
      actor: { sub: `admin@${tenantId}`, role: 'tenant-admin', tenantId },
      commandId: id,
      correlationId: id,
      causationId: id,
    };
  };
  const budgets = {
    mr1: { total: pln('34 895 692,40') },
    mr2: { total: pln('11 977 479,39') },
    mr3: { euShare: pln('20 761 034,04') },
  };
  const targets: Record<string, [IndicatorCode, number, IndicatorUnit][]> = {
    mr1: [['jst-in-pilot', 30, 'jst']],
    mr2: [
      ['jst-in-pilot', 50, 'jst'],
      ['social-workers-coached', 100, 'persons'],
      ['partner-entities', 288, 'entities'],
    ],
    mr3: [['jst-in-pilot', 50, 'jst']],
  };
  for (const tenantId of ['mr1', 'mr2', 'mr3'] as const) {
    const gmina = MACROREGIONS[tenantId].gmina;
    await new EstablishPartnershipHandler(runner).execute(
      {
        projectTitle: `Projekt ${tenantId}`,
        leadPartnerId: 'lead',
        partners: [{ partnerId: 'lead', name: 'ROPS', kind: 'ROPS', voivodeships: [gmina.voivodeship] }],
        plannedPeriod: { start: '2018-04-01', end: '2021-06-30' },
        budget: budgets[tenantId],
        source: 'seed',
      },
      ctx(tenantId),
      '2018-03-20',
    );
    for (const [indicator, value, unit] of targets[tenantId]) {
      await new SetIndicatorTargetHandler(runner).execute(
        { indicator, value, unit, source: 'seed' },
        ctx(tenantId),
        '2018-05-01',
      );
    }
    await new InviteMunicipalityHandler(runner, periods, tenants).execute(gmina, ctx(tenantId), '2018-05-02');
    await new DeclareParticipationHandler(runner, periods).execute({ teryt: gmina.teryt }, ctx(tenantId), '2018-06-01');
    await new SignCooperationAgreementHandler(runner, periods).execute(
      { teryt: gmina.teryt, agreementRef: 'POR/1/2018' },
      ctx(tenantId),
      '2018-09-03',
    );
    await new RecruitPilotSiteHandler(runner, periods).execute({ teryt: gmina.teryt }, ctx(tenantId), '2019-01-15');
  }

  const mr2 = MACROREGIONS.mr2.gmina.teryt;
  const convened = await new ConveneGroupHandler(runner, periods, tenants).execute(
    { kind: 'PZK', level: 'gmina', territory: mr2, name: 'PZK Znacznikowo' },
    ctx('mr2'),
    '2019-01-10',
  );
  await new JoinMemberHandler(runner, periods).execute(
    {
      groupId: convened.groupId,
      fullName: 'Zofia Znacznikowa',
      email: 'zofia.znacznikowa@example.pl',
      institution: 'OPS w Znacznikowie',
      sector: 'social-assistance',
      role: 'chair',
    },
    ctx('mr2'),
    '2019-01-10',
  );
  const facade = new GroupsFacade(e2e.store);
  const proposed = await new ProposeDecisionHandler(runner, periods, facade).execute(
    { groupId: convened.groupId, subject: 'Uchwała o Znacznikowie', text: 'Uchwała o Znacznikowie: plan pracy' },
    ctx('mr2'),
    '2019-01-20',
  );
  await new AdoptDecisionHandler(runner, periods, facade).execute(
    { decisionId: proposed.decisionId, outcome: { kind: 'consensus' } },
    ctx('mr2'),
    '2019-01-20',
  );

  const caseId = 'mr2-ZNK-0042';
  await new EnrolCaseHandler(runner, periods, tenants).execute(
    { caseId, siteTeryt: mr2, householdSize: 4, caseUnit: 'ggk' },
    ctx('mr2'),
    '2019-02-01',
  );
  await new AgreeIndividualPlanHandler(runner, periods).execute(
    {
      caseId,
      planType: 'ggk-goals',
      goals: [{ goalId: 'g1', area: 'employment', label: 'Praca dla pani Znacznikowej' }],
      responsibleInstitutions: [{ institutionId: 'pup-kartuzy', sector: 'labour-office' }],
      diagnosisWaiver: 'crisis-intervention',
    },
    ctx('mr2'),
    '2019-02-10',
  );
  await new RecordCaseTeamMeetingHandler(runner, periods).execute(
    { caseId, clientPresent: true, institutionsPresent: 3 },
    ctx('mr2'),
    '2019-03-01',
  );
  await new CompletePlanHandler(runner, periods).execute({ caseId, outcome: 'success' }, ctx('mr2'), '2019-11-15');
  await new RecordCoachingSessionHandler(runner, periods, tenants).execute(
    { teryt: mr2, kind: 'group', hours: 4, socialWorkers: 6 },
    ctx('mr2'),
    '2019-03-05',
  );
}
