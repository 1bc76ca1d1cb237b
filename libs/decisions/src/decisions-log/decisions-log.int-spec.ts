import { randomUUID } from 'node:crypto';
import { ConveneGroupHandler, CorrectGroupDetailsHandler, GroupsFacade, JoinMemberHandler } from '@kooperacja/groups';
import {
  appRoleName,
  CommandRunner,
  createPool,
  inTenant,
  PartitionWorker,
  PostgresEventStore,
  ProjectionRebuilder,
  ProjectionSchema,
  withTenantTransaction,
  type CommandContext,
  type ProjectPeriodLookup,
  type TenantDirectory,
  type TenantInfo,
} from '@kooperacja/platform';
import { createTestDatabase, eventually, type TestDatabase } from '@kooperacja/platform/testing';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { AdoptDecisionHandler } from '../adopt-decision/adopt-decision.handler';
import { AmendDecisionHandler } from '../amend-decision/amend-decision.handler';
import { CorrectDecisionRecordHandler } from '../correct-decision-record/correct-decision-record.handler';
import { ProposeDecisionHandler } from '../propose-decision/propose-decision.handler';
import { RejectDecisionHandler } from '../reject-decision/reject-decision.handler';
import { RevokeDecisionHandler } from '../revoke-decision/revoke-decision.handler';
import { decisionsLogEntities } from './decisions-log.entity';
import { DECISIONS_LOG_TABLES, decisionsLogProjection } from './decisions-log.projection';
import { DecisionsLogQuery, type DecisionsLogFilter } from './decisions-log.query';

jest.setTimeout(60_000);

const TENANT = 'mr2';
const OTHER_TENANT = 'mr3';

const mr2: TenantInfo = {
  id: TENANT,
  name: 'Makroregion II',
  nameEn: 'Macroregion II',
  municipalityType: 'urban-rural',
  voivodeships: ['kujawsko-pomorskie', 'lubuskie', 'pomorskie', 'warmińsko-mazurskie', 'wielkopolskie'],
  status: 'active',
};
const tenants: TenantDirectory = { get: async (id) => (id === TENANT ? mr2 : null), list: async () => [mr2] };
const periods: ProjectPeriodLookup = { periodOf: async () => ({ start: '2018-04-01', end: '2023-11-30' }) };

const contextFor = (commandId = randomUUID()): CommandContext => ({
  tenantId: TENANT,
  actor: { sub: 'editor-torun', role: 'tenant-editor', tenantId: TENANT },
  commandId,
  correlationId: commandId,
  causationId: commandId,
});

describe('decisions log read model', () => {
  let db: TestDatabase;
  let pool: Pool;
  let store: PostgresEventStore;
  let readModels: DataSource;
  let log: DecisionsLogQuery;
  let h: {
    convene: ConveneGroupHandler;
    correctGroup: CorrectGroupDetailsHandler;
    join: JoinMemberHandler;
    propose: ProposeDecisionHandler;
    adopt: AdoptDecisionHandler;
    reject: RejectDecisionHandler;
    amend: AmendDecisionHandler;
    revoke: RevokeDecisionHandler;
    correct: CorrectDecisionRecordHandler;
  };

  /** Catches the active version up with every event of the tenant (the store may show them late). */
  async function project(batchSize = 4) {
    const version = await new ProjectionSchema(pool, appRoleName()).ensureActive(decisionsLogProjection);
    const worker = new PartitionWorker(pool, store, decisionsLogProjection, version, TENANT, batchSize);
    await eventually(
      async () => {
        await worker.catchUp();
        const { rows } = await pool.query<{ applied: number; total: number }>(
          `SELECT (SELECT events_applied::int FROM projection_checkpoints
                    WHERE projection = $1 AND version = $2 AND tenant_id = $3) AS applied,
                  (SELECT count(*)::int FROM es_events WHERE tenant_id = $3 AND event_type = ANY($4)) AS total`,
          [decisionsLogProjection.name, version, TENANT, decisionsLogProjection.handles],
        );
        expect(rows[0].applied).toBe(rows[0].total);
      },
      { timeoutMs: 30_000 },
    );
    return version;
  }

  const page = (filter: Partial<DecisionsLogFilter> = {}) => log.list(TENANT, { page: 1, pageSize: 500, ...filter });

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = createPool(db.url, { max: 5 });
    store = new PostgresEventStore(pool);
    const runner = new CommandRunner(store);
    const facade = new GroupsFacade(store);
    h = {
      convene: new ConveneGroupHandler(runner, periods, tenants),
      correctGroup: new CorrectGroupDetailsHandler(runner, periods, tenants),
      join: new JoinMemberHandler(runner, periods),
      propose: new ProposeDecisionHandler(runner, periods, facade),
      adopt: new AdoptDecisionHandler(runner, periods, facade),
      reject: new RejectDecisionHandler(runner, periods, facade),
      amend: new AmendDecisionHandler(runner, periods, facade),
      revoke: new RevokeDecisionHandler(runner, periods, facade),
      correct: new CorrectDecisionRecordHandler(runner, periods, facade),
    };
    readModels = await new DataSource({
      type: 'postgres',
      url: db.appUrl,
      entities: decisionsLogEntities,
      synchronize: false,
    }).initialize();
    log = new DecisionsLogQuery(readModels);
  });

  afterAll(async () => {
    await readModels?.destroy();
    await pool?.end();
    await db?.drop();
  });

  /** A PGD with three members deciding four times in 2019, and a PZK deciding once. */
  async function twoBodiesDeciding() {
    const { groupId: pgd } = await h.convene.execute(
      { kind: 'PGD', level: 'powiat', territory: '2213', name: 'PGD powiatu starogardzkiego' },
      contextFor(),
      '2018-10-01',
    );
    for (const [fullName, sector] of [
      ['Maria Zielińska', 'social-assistance'],
      ['Tomasz Lewandowski', 'labour-office'],
      ['Katarzyna Dąbrowska', 'courts-probation'],
    ] as const) {
      await h.join.execute(
        { groupId: pgd, fullName, institution: 'PCPR', sector, role: 'member' },
        contextFor(),
        '2018-10-01',
      );
    }
    const { groupId: pzk } = await h.convene.execute(
      { kind: 'PZK', level: 'gmina', territory: '2205011', name: 'PZK Kartuzy' },
      contextFor(),
      '2019-01-02',
    );

    const basket = await h.propose.execute(
      { groupId: pgd, subject: 'Koszyk usług 100% dla rodzin', text: 'PGD przyjmuje koszyk usług.' },
      contextFor(),
      '2019-02-01',
    );
    await h.amend.execute(
      { decisionId: basket.decisionId, text: 'PGD przyjmuje koszyk usług z poprawkami.', reason: 'Uwagi PUP' },
      contextFor(),
      '2019-02-10',
    );
    await h.adopt.execute(
      { decisionId: basket.decisionId, outcome: { kind: 'vote', for: 2, against: 1, abstaining: 0 } },
      contextFor(),
      '2019-02-15',
    );
    const roadmap = await h.propose.execute(
      { groupId: pgd, subject: 'Mapa drogowa wdrożenia modelu', text: 'Harmonogram wdrożenia.' },
      contextFor(),
      '2019-03-01',
    );
    await h.adopt.execute(
      { decisionId: roadmap.decisionId, outcome: { kind: 'consensus' }, effectiveOn: '2019-04-01' },
      contextFor(),
      '2019-03-05',
    );
    await h.revoke.execute({ decisionId: roadmap.decisionId, reason: 'Nowy harmonogram' }, contextFor(), '2019-09-01');
    const rejected = await h.propose.execute(
      { groupId: pgd, subject: 'Dodatkowe posiedzenia w soboty', text: 'Posiedzenia w soboty.' },
      contextFor(),
      '2019-05-01',
    );
    await h.reject.execute(
      { decisionId: rejected.decisionId, outcome: { kind: 'vote', for: 1, against: 2, abstaining: 0 } },
      contextFor(),
      '2019-05-02',
    );
    const pending = await h.propose.execute(
      { groupId: pgd, subject: 'Raport z pilotażu', text: 'Przyjęcie raportu.' },
      contextFor(),
      '2019-11-20',
    );
    const pzkPlan = await h.propose.execute(
      { groupId: pzk, subject: 'Plan pracy PZK na 2019', text: 'Plan pracy.' },
      contextFor(),
      '2019-01-10',
    );
    await h.adopt.execute(
      { decisionId: pzkPlan.decisionId, outcome: { kind: 'consensus' } },
      contextFor(),
      '2019-01-10',
    );
    await h.correct.execute(
      { decisionId: basket.decisionId, subject: 'Koszyk usług dla rodzin', reason: 'Literówka w temacie' },
      contextFor(),
      '2019-03-01',
    );
    await h.correctGroup.execute(
      { groupId: pzk, name: 'Partnerski Zespół Kooperacyjny w Kartuzach', reason: 'Pełna nazwa' },
      contextFor(),
      '2019-03-01',
    );
    return {
      pgd,
      pzk,
      basket: basket.decisionId,
      roadmap: roadmap.decisionId,
      rejected: rejected.decisionId,
      pending: pending.decisionId,
      pzkPlan: pzkPlan.decisionId,
    };
  }

  it('turns the events of decisions and bodies into one row per decision, as its record stands', async () => {
    const d = await twoBodiesDeciding();
    await project();
    const { items } = await page({ groupId: d.pgd });
    expect(items.map((i) => [i.subject, i.status, i.decisionDate])).toEqual([
      ['Raport z pilotażu', 'proposed', '2019-11-20'],
      ['Dodatkowe posiedzenia w soboty', 'rejected', '2019-05-02'],
      ['Mapa drogowa wdrożenia modelu', 'revoked', '2019-03-05'],
      ['Koszyk usług dla rodzin', 'adopted', '2019-02-15'],
    ]);
    expect(items.find((i) => i.decisionId === d.basket)).toEqual({
      decisionId: d.basket,
      groupId: d.pgd,
      body: { name: 'PGD powiatu starogardzkiego', kind: 'PGD', voivodeship: 'pomorskie' },
      subject: 'Koszyk usług dla rodzin',
      status: 'adopted',
      decisionDate: '2019-02-15',
      proposedOn: '2019-02-01',
      decidedOn: '2019-02-15',
      effectiveOn: '2019-02-15',
      revokedOn: null,
      outcome: { kind: 'vote', for: 2, against: 1, abstaining: 0 },
      amendmentCount: 1,
    });
    expect(items.find((i) => i.decisionId === d.roadmap)).toMatchObject({
      effectiveOn: '2019-04-01',
      revokedOn: '2019-09-01',
      outcome: { kind: 'consensus' },
    });
    const [pzk] = (await page({ groupId: d.pzk })).items;
    expect(pzk.body).toEqual({
      name: 'Partnerski Zespół Kooperacyjny w Kartuzach',
      kind: 'PZK',
      voivodeship: 'pomorskie',
    });
  });

  it('filters by subject (case-insensitive contains, taken literally), dates, status and body, and pages', async () => {
    const d = await twoBodiesDeciding();
    await project();
    const ids = async (filter: Partial<DecisionsLogFilter>) =>
      (await page({ groupId: d.pgd, ...filter })).items.map((i) => i.decisionId);

    expect(await ids({ subject: 'KOSZYK' })).toEqual([d.basket]);
    expect(await ids({ subject: 'usług 100%' })).toEqual([]); // the subject as corrected
    expect(await ids({ subject: '%' })).toEqual([]);
    expect(await ids({ from: '2019-03-05', to: '2019-05-02' })).toEqual([d.rejected, d.roadmap]);
    expect(await ids({ from: '2019-03-06', to: '2019-05-01' })).toEqual([]);
    expect(await ids({ status: 'proposed' })).toEqual([d.pending]);
    expect((await page({ groupId: d.pzk })).items.map((i) => i.decisionId)).toEqual([d.pzkPlan]);

    const first = await page({ groupId: d.pgd, pageSize: 3 });
    const second = await page({ groupId: d.pgd, pageSize: 3, page: 2 });
    expect([first.total, first.items.length, second.items.length]).toEqual([4, 3, 1]);
    expect(second.items[0].decisionId).toBe(d.basket);
  });

  it('rebuilds into a fresh version with identical rows, and a replayed batch changes nothing', async () => {
    await twoBodiesDeciding();
    const from = await project(3);
    const rows = () =>
      withTenantTransaction(pool, TENANT, async (c) => {
        const out: Record<string, unknown[]> = {};
        for (const t of Object.values(DECISIONS_LOG_TABLES)) {
          out[t] = (await c.query(`SELECT * FROM ${t} WHERE tenant_id = $1 ORDER BY 2`, [TENANT])).rows;
        }
        return out;
      });
    const live = await rows();
    expect(live.rm_decisions.length).toBeGreaterThan(0);

    const events = await store.readAll({ tenant: TENANT, eventTypePrefixes: decisionsLogProjection.handles });
    await withTenantTransaction(pool, TENANT, (client) =>
      decisionsLogProjection.apply(events, { tenantId: TENANT, client, table: (b) => `${b}_v${from}` }),
    );
    expect(await rows()).toEqual(live);

    await new ProjectionRebuilder(pool, store, db.url, { batchSize: 5, readerRole: appRoleName() }).rebuild(
      decisionsLogProjection,
    );
    expect(await project()).toBe(from + 1);
    expect(await rows()).toEqual(live);
  });

  it("shows another tenant none of this tenant's decisions", async () => {
    await twoBodiesDeciding();
    await project();
    expect((await log.list(OTHER_TENANT, { page: 1, pageSize: 500 })).total).toBe(0);
    const counts = await inTenant(readModels, OTHER_TENANT, (em) =>
      Promise.all(
        Object.values(DECISIONS_LOG_TABLES).map(async (t) =>
          Number((await em.query(`SELECT count(*) FROM ${t}`))[0].count),
        ),
      ),
    );
    expect(counts).toEqual([0, 0]);
    expect((await page()).total).toBeGreaterThan(0);
  });
});
