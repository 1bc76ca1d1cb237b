import { userInfo } from 'node:os';
import type { Command } from 'commander';
import {
  PostgresEventStore,
  protectPersonalData,
  PostgresTenantDirectory,
  TenantDataEraser,
  TenantLifecycle,
  createPool,
  readConfig,
  type Actor,
  type MunicipalityType,
} from '@kooperacja/platform';

/** `tenants list | onboard | offboard`: the platform operator's tenant lifecycle (DATABASE_URL). */
export function registerTenantsCommands(program: Command): void {
  const tenants = program.command('tenants').description('tenant (macroregion) onboarding and offboarding');

  tenants
    .command('list')
    .description('list tenants with their status')
    .action(() =>
      withLifecycle(async ({ directory }) => {
        for (const t of await directory.list()) {
          console.log(
            `${t.id}\t${t.status}\t${t.municipalityType}\t${t.name} / ${t.nameEn}\t${t.voivodeships.join(',')}`,
          );
        }
      }),
    );

  tenants
    .command('onboard')
    .description('add a tenant; its users and roles are then created in the identity provider')
    .requiredOption('--id <id>', 'stable tenant id, e.g. mr4')
    .requiredOption('--name <name>', 'Polish name, e.g. "Makroregion IV"')
    .requiredOption('--name-en <name>', 'English name, e.g. "Macroregion IV"')
    .requiredOption('--type <type>', 'municipality type: rural, urban-rural or urban')
    .requiredOption('--voivodeships <list>', 'comma-separated voivodeships, e.g. dolnośląskie,opolskie')
    .action((opts: { id: string; name: string; nameEn: string; type: string; voivodeships: string }) =>
      withLifecycle(async ({ lifecycle }) => {
        const tenant = await lifecycle.onboard(
          {
            id: opts.id,
            name: opts.name,
            nameEn: opts.nameEn,
            municipalityType: opts.type as MunicipalityType,
            voivodeships: opts.voivodeships.split(',').map((v) => v.trim()),
          },
          cliActor(),
        );
        console.log(`onboarded ${tenant.id} (${tenant.name}): ${tenant.voivodeships.join(', ')}`);
      }),
    );

  tenants
    .command('offboard')
    .argument('<id>', 'tenant id')
    .description('export the tenant’s events to JSON Lines, then delete its events and read-model rows')
    .option('--dry-run', 'report what would be exported and deleted; change nothing')
    .option('--out <dir>', 'export directory (default TENANT_EXPORT_DIR or .data/exports)')
    .action((id: string, opts: { dryRun?: boolean; out?: string }) =>
      withLifecycle(async ({ lifecycle, exportDir }) => {
        const report = await lifecycle.offboard(id, {
          dryRun: opts.dryRun === true,
          exportDir: opts.out ?? exportDir,
          actor: cliActor(),
        });
        const rows = Object.entries(report.found.readModelRows)
          .map(([t, n]) => `${t}=${n}`)
          .join(', ');
        if (report.dryRun) {
          console.log(`dry run: ${id} holds ${report.found.events} events; read-model rows: ${rows || 'none'}`);
          console.log('nothing was exported, changed or deleted');
          return;
        }
        console.log(`${id} offboarded: tokens for it are refused`);
        console.log(`exported ${report.exportedEvents} events to ${report.exportFile}`);
        console.log(`deleted ${report.deleted!.events} events; read-model rows: ${rows || 'none'}`);
        if (report.remainingEvents > 0) {
          console.log(`${report.remainingEvents} events were appended while exporting: run offboard again`);
          process.exitCode = 2;
        }
      }),
    );
}

async function withLifecycle(
  work: (deps: { lifecycle: TenantLifecycle; directory: PostgresTenantDirectory; exportDir: string }) => Promise<void>,
): Promise<void> {
  const config = readConfig();
  const pool = createPool(config.databaseUrl, { max: 2, applicationName: 'kooperacja-cli-tenants' });
  try {
    const directory = new PostgresTenantDirectory(pool, 0);
    const lifecycle = new TenantLifecycle(
      pool,
      protectPersonalData(new PostgresEventStore(pool), pool),
      directory,
      new TenantDataEraser(pool),
    );
    await work({ lifecycle, directory, exportDir: config.exportDir });
  } finally {
    await pool.end();
  }
}

function cliActor(): Actor {
  return { sub: `cli:${userInfo().username}`, role: 'platform-operator' };
}
