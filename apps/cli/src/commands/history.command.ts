import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Pool } from 'pg';
import { stringify } from 'yaml';
import {
  HistoryImporter,
  historyDataDir,
  historySchema,
  loadDemoData,
  loadSyntheticPilotFast,
  readHistoryFile,
  syntheticBatch,
  syntheticParams,
  syntheticPilot,
  type FactResult,
  type ImportReport,
  type SyntheticPilotParams,
} from '@kooperacja/history';
import {
  selectEventStore,
  protectPersonalData,
  PostgresTenantDirectory,
  createPool,
  readConfig,
  type EventStore,
  type TenantDirectory,
} from '@kooperacja/platform';

/**
 * `history import | synthetic | demo | schema`: the real history of the macroregions and the
 * synthetic pilot, through the same command handlers as the API (docs/history.md).
 */
export function registerHistoryCommands(program: Command): void {
  const history = program.command('history').description('import history files and the synthetic pilot');

  history
    .command('import')
    .argument('<file...>', 'history files (YAML or JSON), e.g. docs/data/history/mr2.yaml')
    .description('apply the facts of history files in order; a fact imported before writes nothing')
    .option('--tenant <id>', 'tenant of the facts (default: the file’s `tenant`)')
    .option('--continue-on-error', 'go on after a refused fact (the command still exits 1)')
    .action((files: string[], opts: { tenant?: string; continueOnError?: boolean }) =>
      withStore(async ({ store, tenants }) => {
        const importer = new HistoryImporter({ store, tenants });
        let refused = 0;
        for (const path of files) {
          const { name, history: file } = await readHistoryFile(path);
          const tenantId = opts.tenant ?? file.tenant;
          if (!tenantId) throw new Error(`${path}: no tenant in the file; give --tenant`);
          console.log(`${path} → ${tenantId}: ${file.facts.length} facts`);
          const started = Date.now();
          const report = await importer.importFacts(file.facts, {
            tenantId,
            batch: name,
            continueOnError: opts.continueOnError === true,
            onFact: printFact,
          });
          printReport(report, Date.now() - started);
          refused += report.refused.length;
        }
        if (refused > 0) process.exitCode = 1;
      }),
    );

  history
    .command('synthetic')
    .description('generate the synthetic pilot (every event marked synthetic) and import it')
    .option('--seed <n>', 'PRNG seed: the same seed gives the same pilot', '42')
    .option('--jst <n>', 'JST per tenant (3 in 5 gminas, 2 in 5 powiats)', '50')
    .option('--families <n>', 'families per gmina', '5')
    .option('--members <n>', 'members per local partnership (PZK, GGK)')
    .option('--meetings <n>', 'meetings per body')
    .option('--decisions <n>', 'decisions per body')
    .option('--sessions <n>', 'coaching sessions per pilot site')
    .option('--tenants <list>', 'comma-separated tenants, each following its model: mr1,mr2,mr3', 'mr1,mr2,mr3')
    .option('--fast', 'append whole streams (same events, no round trip per command): for benchmarks')
    .option('--concurrency <n>', 'chunks (or, with --fast, stream appends) at a time', '4')
    .option('--continue-on-error', 'go on after a refused fact')
    .option('--out <file>', 'write the facts as a history file (YAML) instead of importing them')
    .action(
      async (opts: {
        seed: string;
        jst: string;
        families: string;
        members?: string;
        meetings?: string;
        decisions?: string;
        sessions?: string;
        tenants: string;
        fast?: boolean;
        concurrency: string;
        continueOnError?: boolean;
        out?: string;
      }) => {
        const params = syntheticParams({
          seed: whole(opts.seed, '--seed'),
          jstPerTenant: whole(opts.jst, '--jst'),
          familiesPerGmina: whole(opts.families, '--families'),
          membersPerGroup: optionalWhole(opts.members, '--members'),
          meetingsPerGroup: optionalWhole(opts.meetings, '--meetings'),
          decisionsPerGroup: optionalWhole(opts.decisions, '--decisions'),
          sessionsPerSite: optionalWhole(opts.sessions, '--sessions'),
          tenants: opts.tenants.split(',').map((t) => t.trim()) as SyntheticPilotParams['tenants'],
        });
        if (opts.out) {
          await writeSyntheticFile(params, opts.out);
          return;
        }
        await withStore(async ({ store, tenants, pool }) => {
          const concurrency = whole(opts.concurrency, '--concurrency');
          const started = Date.now();
          if (opts.fast) {
            const report = await loadSyntheticPilotFast(store, params, {
              tenants,
              concurrency,
              // Fresh statistics keep the append's cached plans on the indexes as the table grows.
              maintenance: { every: 100_000, run: async () => void (await pool.query('ANALYZE es_events')) },
            });
            const seconds = (Date.now() - started) / 1000;
            console.log(
              `fast path: ${report.events} events in ${report.streams} streams (${report.alreadyStored} already stored) ` +
                `in ${seconds.toFixed(1)} s, ${Math.round(report.events / seconds)} events/s`,
            );
            return;
          }
          const report = await new HistoryImporter({ store, tenants }).importChunks(syntheticPilot(params), {
            batch: syntheticBatch(params.seed),
            concurrency,
            continueOnError: opts.continueOnError === true,
          });
          printReport(report, Date.now() - started);
          if (report.refused.length) process.exitCode = 1;
        });
      },
    );

  history
    .command('demo')
    .description('when the event store is empty: the real history of mr1-mr3, then the synthetic pilot (seed 42)')
    .action(() =>
      withStore(async ({ store, tenants, pool }) => {
        const report = await loadDemoData({ store, tenants }, (m) => console.log(m), {
          maintenance: { every: 10_000, run: async () => void (await pool.query('ANALYZE es_events')) },
        });
        if (!report) process.exitCode = 3;
      }),
    );

  history
    .command('schema')
    .description('print the JSON Schema of history files')
    .option('--write', 'write it to docs/data/history/history.schema.json')
    .action(async (opts: { write?: boolean }) => {
      const text = `${JSON.stringify(historySchema(), null, 2)}\n`;
      if (!opts.write) {
        process.stdout.write(text);
        return;
      }
      const path = join(historyDataDir(), 'history.schema.json');
      await writeFile(path, await formatted(text, path));
      console.log(`wrote ${path}`);
    });
}

/** The repository's prettier style when prettier is installed (a development tool), else as given. */
async function formatted(text: string, path: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    return prettier.format(text, { ...(await prettier.resolveConfig(path)), filepath: path });
  } catch {
    return text;
  }
}

async function withStore(
  work: (deps: { store: EventStore; tenants: TenantDirectory; pool: Pool }) => Promise<void>,
): Promise<void> {
  const config = readConfig();
  const pool = createPool(config.databaseUrl, { max: 10, applicationName: 'kooperacja-cli-history' });
  const events = selectEventStore(pool);
  try {
    await work({
      store: protectPersonalData(events.store, pool),
      tenants: new PostgresTenantDirectory(pool),
      pool,
    });
  } finally {
    await events.close();
    await pool.end();
  }
}

async function writeSyntheticFile(params: SyntheticPilotParams, out: string): Promise<void> {
  const byTenant = new Map<string, unknown[]>();
  for (const chunk of syntheticPilot(params)) {
    byTenant.set(chunk.tenantId, [...(byTenant.get(chunk.tenantId) ?? []), ...chunk.facts]);
  }
  const files = [...byTenant].map(([tenant, facts]) => ({
    path: byTenant.size === 1 ? out : out.replace(/(\.ya?ml)?$/, `.${tenant}$1`),
    text: stringify(
      { tenant, title: `Synthetic pilot (seed ${params.seed})`, facts },
      { lineWidth: 0, aliasDuplicateObjects: false },
    ),
  }));
  for (const f of files) {
    await writeFile(f.path, f.text);
    console.log(`wrote ${f.path}`);
  }
}

function printFact(r: FactResult): void {
  const detail = r.refusal
    ? `  ${r.refusal.code}${r.refusal.field ? ` (${r.refusal.field})` : ''}: ${r.refusal.message}`
    : '';
  console.log(`  ${r.outcome.padEnd(15)} ${r.factId.padEnd(40)} ${r.command}${detail}`);
}

function printReport(r: ImportReport, ms: number): void {
  console.log(
    `${r.facts} facts: ${r.applied} applied, ${r.alreadyApplied} already applied, ${r.refused.length} refused, ` +
      `${r.skipped} skipped; ${r.eventsAppended} events appended in ${(ms / 1000).toFixed(1)} s`,
  );
  for (const x of r.refused.slice(0, 20)) console.log(`  refused ${x.tenantId}/${x.factId}: ${x.code} ${x.message}`);
}

function whole(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${option} must be a whole number, got ${value}`);
  return n;
}

const optionalWhole = (value: string | undefined, option: string) =>
  value === undefined ? undefined : whole(value, option);
