import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { allProjections } from '@kooperacja/composition';
import { loadDemoData } from '@kooperacja/history';
import {
  appRoleName,
  PostgresEventStore,
  PostgresTenantDirectory,
  ProjectionRunner,
  protectPersonalData,
} from '@kooperacja/platform';
import { eventually } from '@kooperacja/platform/testing';
import {
  axeViolations,
  launchBrowser,
  startDashboardServer,
  type Browser,
  type DashboardServer,
  type WatchedPage,
} from '../testing/browser';
import type { E2eApp } from '../testing/e2e-app';

jest.setTimeout(300_000);

const ARTIFACTS = join(__dirname, '..', '..', '..', '..', 'test-artifacts', 'dashboard');

interface Row {
  tenantId: string;
  target: number | null;
  actual: number | null;
  percent: number | null;
}
interface ComparisonJson {
  asOf: string;
  tenants: { id: string; freshness: { recordedAt: string | null } }[];
  indicators: { code: string; decimals: number; rows: Row[] }[];
}

/** How a Polish reader expects the numbers: the API's value, rounded as the API says, pl-PL. */
const plNumber = (value: number | null, decimals: number) =>
  value === null
    ? '—'
    : new Intl.NumberFormat('pl-PL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
        value,
      );
const plPercent = (value: number | null) =>
  value === null
    ? '—'
    : new Intl.NumberFormat('pl-PL', { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);

/**
 * The dashboard in a real browser (Debian's chromium through playwright-core) against the whole
 * API with the demo data (seed history + synthetic pilot) and every projection running.
 */
describe('the dashboard under /app (browser)', () => {
  let e2e: E2eApp;
  let runner: ProjectionRunner;
  let browser: Browser;
  let server: DashboardServer;
  let base: string;
  const api = (path: string, token: string) =>
    request(e2e.app.getHttpServer()).get(path).set('Authorization', `Bearer ${token}`);
  const raw = (path: string, token: string) =>
    api(path, token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  let analyst: string;
  let admin: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startDashboardServer();
    ({ e2e, base } = server);
    analyst = e2e.token('analyst');
    admin = e2e.token('tenant-admin', 'mr1');
    // As npm start: personal data protected in the store, the same store for the projections.
    const store = protectPersonalData(new PostgresEventStore(e2e.owner), e2e.owner);
    await loadDemoData({ store, tenants: new PostgresTenantDirectory(e2e.owner) }, () => undefined);
    runner = new ProjectionRunner(e2e.owner, store, allProjections(), {
      databaseUrl: e2e.db.url,
      pollIntervalMs: 50,
      readerRole: appRoleName(),
      log: () => undefined,
    });
    await runner.start();
    const projections = allProjections().length;
    await eventually(
      async () => {
        const { body } = await api('/api/v1/status', analyst).expect(200);
        const partitions = (body.projections as { eventsBehind: number }[]).filter((p) => p.eventsBehind === 0);
        if (partitions.length < projections * 3) throw new Error(`${partitions.length} partitions caught up`);
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await runner?.stop();
    await server?.close();
  });

  /** What the indicators table shows: per cell, the raw value it carries and the text a person reads. */
  const tableCells = async (page: Page) =>
    (await page.evaluate(`[...document.querySelectorAll('td[data-cell]')].map((td) => ({
      cell: td.dataset.cell, value: td.dataset.value, text: td.textContent.trim() }))`)) as {
      cell: string;
      value: string;
      text: string;
    }[];

  const expectTableToShow = async (page: Page, json: ComparisonJson) => {
    const expected = json.indicators.flatMap((indicator) =>
      json.tenants
        .map((tenant) => indicator.rows.find((r) => r.tenantId === tenant.id)!)
        .flatMap((row) => [
          {
            cell: `${indicator.code}/${row.tenantId}/target`,
            value: String(row.target ?? ''),
            text: plNumber(row.target, indicator.decimals),
          },
          {
            cell: `${indicator.code}/${row.tenantId}/actual`,
            value: String(row.actual ?? ''),
            text: plNumber(row.actual, indicator.decimals),
          },
          {
            cell: `${indicator.code}/${row.tenantId}/percent`,
            value: String(row.percent ?? ''),
            text: plPercent(row.percent),
          },
        ]),
    );
    expect(await tableCells(page)).toEqual(expected);
    expect(await page.locator('[data-as-of]').textContent()).toBe(json.asOf);
  };

  const expectAccessible = async (page: WatchedPage, name: string) => {
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    expect(page.problems).toEqual([]);
  };

  describe('as an analyst', () => {
    let page: WatchedPage;
    let today: ComparisonJson;

    beforeAll(async () => {
      page = await browser.newPage();
      // Scripted sign-in: the token in the fragment, which the page removes from the address at once.
      await page.goto(`${base}/app/#token=${analyst}`);
      await page.locator('td[data-cell]').first().waitFor();
      today = (await api('/api/v1/comparison?asOfKind=business', analyst).expect(200)).body;
    });

    it('shows every macroregion side by side with the API’s targets, actuals, percents and freshness', async () => {
      expect(page.url()).toBe(`${base}/app/#/analyst`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Porównanie makroregionów');
      expect(today.tenants.map((t) => t.id)).toEqual(['mr1', 'mr2', 'mr3']);
      await expectTableToShow(page, today);
      for (const tenant of today.tenants) {
        await expect(
          page.locator(`[data-freshness="${tenant.id}"] td[data-recorded-at]`).getAttribute('data-recorded-at'),
        ).resolves.toBe(tenant.freshness.recordedAt);
      }
      // Four charts drawn (canvas), each described for screen readers.
      await expect(page.locator('[data-chart] canvas').count()).resolves.toBe(4);
      for (const chart of await page.locator('[data-chart]').all()) {
        expect(await chart.getAttribute('aria-label')).toMatch(/Makroregion I/);
      }
      // Hovering the time chart (JST in the pilot by default) shows the exact values of the quarter.
      const chart = page.locator('[data-chart="series"]');
      await chart.scrollIntoViewIfNeeded();
      const box = (await chart.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
      await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
      const tooltip = chart.locator('div', { hasText: /Makroregion I\s*\d+/ }).last();
      await tooltip.waitFor();
      const [, quarter, shown] = /(\d{4}-Q\d)\s*Makroregion I\s*([\d\s,]+?)\s*\n/.exec(await chart.innerText())!;
      const series = (
        today as unknown as { series: { code: string; tenantId: string; quarter: string; value: number }[] }
      ).series;
      const point = series.find((p) => p.code === 'jst-in-pilot' && p.tenantId === 'mr1' && p.quarter === quarter)!;
      expect(shown).toBe(plNumber(point.value, 0));
      await expectAccessible(page, 'analyst');
    });

    it('keeps the filters in the URL; the numbers follow them, in business and in record time', async () => {
      await page.locator('#f-asOf').fill('2019-06-30');
      await page.locator('#f-indicator').selectOption('jst-in-pilot');
      await page.locator('#f-asOf').press('Enter'); // the form submits from the keyboard
      await page.waitForURL(/asOf=2019-06-30/);
      expect(new URL(page.url()).hash).toBe('#/analyst?asOf=2019-06-30&indicator=jst-in-pilot');
      await page.locator('[data-as-of]', { hasText: '2019-06-30' }).waitFor();
      const then = (await api('/api/v1/comparison?asOf=2019-06-30&asOfKind=business&indicator=jst-in-pilot', analyst))
        .body as ComparisonJson;
      await expectTableToShow(page, then);
      const pilotToday = today.indicators.find((i) => i.code === 'jst-in-pilot')!.rows.map((r) => r.actual);
      expect(then.indicators[0].rows.map((r) => r.actual)).not.toEqual(pilotToday);
      expect(await page.locator('tr[data-indicator]').count()).toBe(1);

      // Record time: as the data stood in mid-2019 — nothing had been entered yet.
      await page.locator('#f-asOfKind').selectOption('record');
      await page.getByRole('button', { name: 'Pokaż' }).click();
      await page.waitForURL(/asOfKind=record/);
      await page.locator('[data-as-of]').waitFor();
      const recorded = (await api('/api/v1/comparison?asOf=2019-06-30&asOfKind=record&indicator=jst-in-pilot', analyst))
        .body as ComparisonJson;
      await eventually(async () => expect(await tableCells(page)).toHaveLength(9));
      await expectTableToShow(page, recorded);
      expect(recorded.indicators[0].rows.map((r) => r.actual)).toEqual([0, 0, 0]);

      // The address is the view: opened again, it shows the same.
      const shared = page.url();
      await page.goto(`${base}/app/`);
      await page.goto(shared);
      await page.locator('td[data-cell]').first().waitFor();
      await expectTableToShow(page, recorded);
      await expect(page.locator('#f-asOfKind').inputValue()).resolves.toBe('record');
      await expectAccessible(page, 'analyst-filtered');
    });

    it('exports the view on screen as CSV and XLSX with the same parameters as the API', async () => {
      await page.goto(`${base}/app/#/analyst?asOf=2021-06-30&indicator=plan-success-rate`);
      await page.locator('[data-as-of]', { hasText: '2021-06-30' }).waitFor();
      const query = '/api/v1/comparison?asOf=2021-06-30&asOfKind=business&indicator=plan-success-rate&lang=pl';

      const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="csv"]').click()]);
      expect(csv.suggestedFilename()).toBe('kooperacja-comparison-2021-06-30.csv');
      await csv.saveAs(join(ARTIFACTS, csv.suggestedFilename()));
      const csvBytes = readFileSync(join(ARTIFACTS, csv.suggestedFilename()));
      expect(csvBytes.equals((await raw(`${query}&format=csv`, analyst).expect(200)).body)).toBe(true);
      expect(csvBytes.toString('utf8')).toContain('plan-success-rate');

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="xlsx"]').click()]);
      expect(xlsx.suggestedFilename()).toBe('kooperacja-comparison-2021-06-30.xlsx');
      await xlsx.saveAs(join(ARTIFACTS, xlsx.suggestedFilename()));
      const sheets = async (buffer: Buffer) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(buffer as unknown as ArrayBuffer);
        return book.worksheets.map((ws) => ({ name: ws.name, values: JSON.stringify(ws.getSheetValues()) }));
      };
      const downloaded = await sheets(readFileSync(join(ARTIFACTS, xlsx.suggestedFilename())));
      expect(downloaded.map((s) => s.name)).toEqual(['Porównanie', 'Kwartały', 'Aktualność danych']);
      expect(downloaded).toEqual(await sheets((await raw(`${query}&format=xlsx`, analyst).expect(200)).body));
      await expect(page.locator('[role="status"]').first().textContent()).resolves.toContain('Pobrano plik');
    });

    it('cannot reach a tenant’s personal or raw data through the dashboard', async () => {
      await page.goto(`${base}/app/#/tenant`);
      await expect(page.getByRole('alert').textContent()).resolves.toBe(
        'Ten widok jest dostępny tylko dla administratorów makroregionu.',
      );
      expect(await page.locator('[data-table]').count()).toBe(0);
      // The signed-in analyst's own token, from the page, against the tenant routes the view would use.
      const statuses = await page.evaluate(`Promise.all([
        '/api/v1/tenants/mr1/territory/municipalities', '/api/v1/tenants/mr1/groups', '/api/v1/tenants/mr1/decisions',
        '/api/v1/tenants/mr1/pilot/sites', '/api/v1/tenants/mr1/programme/history', '/api/v1/tenants/mr1/audit',
      ].map((path) => fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('kooperacja.devToken') } })
        .then((res) => res.status)))`);
      expect(statuses).toEqual([404, 404, 404, 404, 404, 404]);
      // Nothing personal on the analyst's pages or in their exports.
      await page.goto(`${base}/app/#/analyst`);
      await page.locator('td[data-cell]').first().waitFor();
      const text = await page.locator('body').innerText();
      const csv = readFileSync(join(ARTIFACTS, 'kooperacja-comparison-2021-06-30.csv'), 'utf8');
      for (const personal of ['Osoba Syntetyczna', '(syntetyczny)', 'Syntetyczna 06']) {
        expect(text).not.toContain(personal);
        expect(csv).not.toContain(personal);
      }
      await page.screenshot({ path: join(ARTIFACTS, 'analyst-tenant-view-refused.png') });
    });

    it('switches to English and back, keeping the view', async () => {
      await page.getByRole('button', { name: 'Switch to English' }).click();
      await page.waitForURL(/lang=en/);
      await expect(page.locator('h1').textContent()).resolves.toBe('Macroregions compared');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
      await expect(page.locator('#indicators-title').textContent()).resolves.toBe(
        'Indicators: target, actual and percent of target',
      );
      await page.getByRole('button', { name: 'Przełącz na polski' }).click();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('pl');
      await page.reload();
      await page.locator('td[data-cell]').first().waitFor();
      // Keyboard: the first Tab reaches the skip link, which moves focus to the content.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect(page.evaluate('document.activeElement.id')).resolves.toBe('main');
    });
  });

  describe('as the tenant admin of macroregion I', () => {
    let page: WatchedPage;

    beforeAll(async () => {
      page = await browser.newPage();
      // Sign-in by pasting a dev token.
      await page.goto(`${base}/app/`);
      await page.getByLabel('Token deweloperski (JWT)').fill(admin);
      await page.getByRole('button', { name: 'Zaloguj' }).click();
      await page.waitForURL(/#\/tenant/);
      await page.locator('[data-table="municipalities"] tbody tr').first().waitFor();
      await page.locator('[data-table="history"]').waitFor();
    });

    it('lists the macroregion’s municipalities, decisions and pilot progress as the API has them', async () => {
      await expect(page.locator('h1').textContent()).resolves.toBe('Mój makroregion: mr1');
      const municipalities = (await api('/api/v1/tenants/mr1/territory/municipalities?page=1&pageSize=25', admin)).body;
      expect(
        await page.evaluate(
          `[...document.querySelectorAll('[data-table="municipalities"] tbody tr')].map((r) => r.dataset.teryt)`,
        ),
      ).toEqual(municipalities.items.map((m: { teryt: string }) => m.teryt));
      const decisions = (await api('/api/v1/tenants/mr1/decisions?page=1&pageSize=20', admin)).body;
      expect(
        await page.evaluate(
          `[...document.querySelectorAll('[data-list="decisions"] li')].map((i) => i.dataset.decision)`,
        ),
      ).toEqual(decisions.items.map((d: { decisionId: string }) => d.decisionId));
      const sites = (await api('/api/v1/tenants/mr1/pilot/sites', admin)).body.items as {
        cases: { enrolled: number };
      }[];
      const enrolled = sites.reduce((n, s) => n + s.cases.enrolled, 0);
      expect(enrolled).toBeGreaterThan(0);
      expect((await page.locator('[data-total="enrolled"]').textContent())!.trim()).toBe(plNumber(enrolled, 0));
      // Next page of municipalities: in the URL too.
      await page.locator('nav[aria-label="Gminy i powiaty"]').getByRole('button', { name: 'Następna strona' }).click();
      await page.waitForURL(/mpage=2/);
      const second = (await api('/api/v1/tenants/mr1/territory/municipalities?page=2&pageSize=25', admin)).body;
      await page.locator(`[data-table="municipalities"] tr[data-teryt="${second.items[0].teryt}"]`).waitFor();
      await expectAccessible(page, 'tenant-admin');
    });

    it('shows who sat in a body on a chosen day, and the body’s history: who recorded what and when', async () => {
      const groups = (await api('/api/v1/tenants/mr1/groups?pageSize=500', admin)).body.items as {
        groupId: string;
        name: string;
        convenedOn: string;
      }[];
      const group = groups.find((g) => g.convenedOn <= '2019-06-30')!;
      await page.locator('#group-as-of').fill('2019-06-30');
      await page.getByRole('button', { name: `Skład: ${group.name}` }).click();
      await page.waitForURL(new RegExp(`group=${group.groupId}&groupAsOf=2019-06-30`));
      await page.locator(`[data-composition="${group.groupId}"]`).waitFor();
      const composition = (await api(`/api/v1/tenants/mr1/groups/${group.groupId}/composition?asOf=2019-06-30`, admin))
        .body as { members: { fullName: string }[] };
      expect(composition.members.length).toBeGreaterThan(0);
      expect(await page.locator(`[data-composition="${group.groupId}"] tbody th`).allTextContents()).toEqual(
        composition.members.map((m) => m.fullName),
      );

      await page.getByRole('button', { name: `Historia: ${group.name}` }).click();
      await page.waitForURL(/history=group/);
      await page.locator('[data-table="history"] caption', { hasText: group.groupId }).waitFor();
      const history = (await api(`/api/v1/tenants/mr1/groups/${group.groupId}/history`, admin)).body as {
        events: { recordedAt: string; actor: { sub: string } }[];
      };
      const rows = page.locator('[data-table="history"] tbody tr');
      await expect(rows.count()).resolves.toBe(history.events.length);
      await expect(rows.first().locator('td[data-recorded-at]').getAttribute('data-recorded-at')).resolves.toBe(
        history.events[0].recordedAt,
      );
      await expect(rows.first().textContent()).resolves.toContain(history.events[0].actor.sub);
      await expectAccessible(page, 'tenant-admin-group');
    });
  });
});
