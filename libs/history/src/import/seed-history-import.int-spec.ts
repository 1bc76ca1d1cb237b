import type { Pool } from 'pg';
import { PostgresEventStore, PostgresTenantDirectory, createPool } from '@kooperacja/platform';
import { createTestDatabase, type TestDatabase } from '@kooperacja/platform/testing';
import { GroupsFacade } from '@kooperacja/groups';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import { municipalityDecider, municipalityCatalogue, municipalityStreamId } from '@kooperacja/territory';
import { fold } from '@kooperacja/platform';
import { readSeedHistory, type LoadedHistoryFile } from '../demo/seed-history';
import { namedId } from '../history-file/ids';
import { HistoryImporter, type ImportReport } from './history-importer';

// Real PostgreSQL, one database per file: slower than the default 5 s on a busy machine.
jest.setTimeout(60_000);

describe('importing the real history of the three macroregions (PostgreSQL)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let importer: HistoryImporter;
  let files: LoadedHistoryFile[];

  const importAll = async (): Promise<ImportReport[]> => {
    const reports: ImportReport[] = [];
    for (const { name, history } of files) {
      reports.push(await importer.importFacts(history.facts, { tenantId: history.tenant!, batch: name }));
    }
    return reports;
  };
  const eventCount = async () => Number((await pool.query('SELECT count(*) AS n FROM es_events')).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 4 });
    store = new PostgresEventStore(pool);
    importer = new HistoryImporter({ store, tenants: new PostgresTenantDirectory(pool) });
    files = await readSeedHistory();
  });

  afterAll(async () => {
    await pool.end();
    await db.drop();
  });

  it('applies every fact of mr1.yaml, mr2.yaml and mr3.yaml through the handlers, with no refusal', async () => {
    const reports = await importAll();
    expect(reports.flatMap((r) => r.refused)).toEqual([]);
    const facts = files.reduce((n, f) => n + f.history.facts.length, 0);
    expect(reports.reduce((n, r) => n + r.applied, 0)).toBe(facts);
    expect(await eventCount()).toBe(facts);
  });

  it('appends nothing when the same files are imported again: every fact is already applied', async () => {
    const before = await eventCount();
    const reports = await importAll();
    expect(await eventCount()).toBe(before);
    expect(reports.every((r) => r.applied === 0 && r.refused.length === 0 && r.eventsAppended === 0)).toBe(true);
    expect(reports.reduce((n, r) => n + r.alreadyApplied, 0)).toBe(before);
  });

  it("keeps seed 002's lead and plan in the stream and reads the project as corrected and amended", async () => {
    const project = (await new ProgrammePeriodLookup(store).projectOf('mr2'))!;
    expect(project.leadPartnerId).toBe('rops-torun');
    expect(project.corrections).toEqual([
      expect.objectContaining({ correctedType: 'PartnershipEstablished', voided: false }),
    ]);
    const established = (await store.readStream('mr2', 'programme.project-main'))[0];
    expect(established.data).toMatchObject({ leadPartnerId: 'rops-szczecin', source: 'seed 002' });
    expect(project.schedule.planned).toEqual({ start: '2018-04-01', end: '2021-03-31' });
    expect(project.schedule.current).toEqual({ start: '2018-04-01', end: '2023-11-30' });
    expect(project.schedule.amendments.map((a) => a.source)).toEqual([
      'seed 000',
      'research: period extended to 30.11.2023 (docs/domain.md)',
    ]);
    expect(project.budget.current).toEqual({
      total: { grosze: '3160436834', currency: 'PLN' },
      euShare: { grosze: '1009461962', currency: 'PLN' },
      targetedGrant: { grosze: '486820671', currency: 'PLN' },
    });
    expect(project.indicatorTargets.map((t) => [t.indicator, t.value])).toEqual(
      expect.arrayContaining([
        ['jst-in-pilot', 50],
        ['partner-entities', 288],
        ['social-workers-coached', 100],
        ['covid-support-entities', 830],
        ['di-information-meetings', 14],
      ]),
    );
  });

  it('records the pomorskie gminas as urban-rural gminas that declared participation, and the PCPR director in the PGD', async () => {
    const kartuzy = fold(
      municipalityDecider,
      (await store.readStream('mr2', municipalityStreamId('2205023'))).map((e) =>
        municipalityCatalogue.toDomain(e.type, e.data),
      ),
    );
    expect(kartuzy).toMatchObject({ name: 'Kartuzy', type: 'urban-rural', powiat: 'kartuski', stage: 'declared' });
    const members = await new GroupsFacade(store).compositionAt(
      'mr2',
      namedId('mr2', 'mr2-pgd-ostrodzki'),
      '2018-05-01',
    );
    expect(members).toEqual([
      expect.objectContaining({
        institution: 'Powiatowe Centrum Pomocy Rodzinie w Ostródzie',
        sector: 'social-assistance',
        role: 'member',
      }),
    ]);
  });

  it('stamps every imported event with its source, fact id and the history-import actor', async () => {
    const [event] = await store.readStream('mr1', 'programme.project-main', { limit: 1 });
    expect(event.metadata).toMatchObject({
      source: 'seed 004',
      factId: 'mr1-partnership',
      imported: true,
      actor: { sub: 'history-import', role: 'tenant-admin', tenantId: 'mr1' },
      occurredAt: '2018-04-01',
    });
  });
});
