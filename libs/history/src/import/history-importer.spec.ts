import { readSeedHistory, type LoadedHistoryFile } from '../demo/seed-history';
import type { HistoryFact } from '../history-file/history-fact';
import { CachingCommandRunner } from '../synthetic/caching-command-runner';
import { InMemoryEventStore } from '../synthetic/in-memory-event-store';
import { modelTenantDirectory } from '../synthetic/models';
import { HistoryImporter, type ImportReport } from './history-importer';

const tenants = modelTenantDirectory([
  { id: 'mr1', model: 'mr1' },
  { id: 'mr2', model: 'mr2' },
  { id: 'mr3', model: 'mr3' },
]);

const importAll = async (importer: HistoryImporter, files: LoadedHistoryFile[]): Promise<ImportReport[]> => {
  const reports: ImportReport[] = [];
  for (const { name, history } of files) {
    reports.push(await importer.importFacts(history.facts, { tenantId: history.tenant!, batch: name }));
  }
  return reports;
};

const powiat = (id: string, teryt: string, voivodeship = 'pomorskie'): HistoryFact => ({
  id,
  command: 'territory.invite-powiat',
  occurredAt: '2018-04-02',
  source: 'test',
  data: { teryt, name: `powiat ${teryt}`, voivodeship },
});

describe('the history importer (in memory)', () => {
  let files: LoadedHistoryFile[];

  beforeAll(async () => {
    files = await readSeedHistory();
  });

  it.each([
    ['the platform runner', undefined],
    ['the fast path runner', (s: ConstructorParameters<typeof CachingCommandRunner>[0]) => new CachingCommandRunner(s)],
  ])('reports every fact already applied, writing nothing, on a second import (%s)', async (_, runner) => {
    const store = new InMemoryEventStore();
    const importer = new HistoryImporter({ store, tenants, runner });
    const first = await importAll(importer, files);
    expect(first.flatMap((r) => r.refused)).toEqual([]);
    const second = await importAll(importer, files);
    expect(second.map((r) => [r.applied, r.eventsAppended, r.alreadyApplied])).toEqual(
      files.map((f) => [0, 0, f.history.facts.length]),
    );
  });

  it('stops at the first refusal, with its code, unless told to go on', async () => {
    const facts = [powiat('x-1', '2205'), powiat('x-2', '2461', 'śląskie'), powiat('x-3', '2216')];
    const stop = await new HistoryImporter({ store: new InMemoryEventStore(), tenants }).importFacts(facts, {
      tenantId: 'mr3',
      batch: 'test',
    });
    expect(stop).toMatchObject({ applied: 0, skipped: 2 });
    expect(stop.refused).toEqual([
      expect.objectContaining({ factId: 'x-1', code: 'powiat.outside-macroregion', field: 'voivodeship' }),
    ]);

    const goOn = await new HistoryImporter({ store: new InMemoryEventStore(), tenants }).importFacts(facts, {
      tenantId: 'mr2',
      batch: 'test',
      continueOnError: true,
    });
    expect(goOn).toMatchObject({ applied: 2, skipped: 0, eventsAppended: 2 });
    expect(goOn.refused.map((r) => [r.factId, r.code])).toEqual([['x-2', 'powiat.outside-macroregion']]);
  });
});
