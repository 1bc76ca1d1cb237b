import type { Command } from 'commander';
import { allProjections } from '@kooperacja/composition';
import {
  PostgresEventStore,
  protectPersonalData,
  ProjectionRebuilder,
  appRoleName,
  createPool,
  projectionLag,
  readConfig,
  type Projection,
} from '@kooperacja/platform';

function find(name: string): Projection {
  const projection = allProjections().find((p) => p.name === name);
  if (!projection) {
    const known = allProjections()
      .map((p) => p.name)
      .join(', ');
    throw new Error(`no projection named "${name}"; known: ${known || '(none)'}`);
  }
  return projection;
}

export function registerProjectionsCommands(program: Command): void {
  const projections = program.command('projections').description('read-model projections');

  projections
    .command('list')
    .description('list projections and the event types they handle')
    .action(() => {
      for (const p of allProjections())
        console.log(`${p.name}\t${p.tables.join(',')}\t${p.handles.length} event types`);
    });

  projections
    .command('rebuild')
    .argument('<name>', 'projection name (see `projections list`), or "all"')
    .description('replay every event into a new version of the tables, then swap; the old version serves meanwhile')
    .action(async (name: string) => {
      const config = readConfig();
      const pool = createPool(config.databaseUrl, { max: 8, applicationName: 'kooperacja-cli-rebuild' });
      try {
        const rebuilder = new ProjectionRebuilder(
          pool,
          protectPersonalData(new PostgresEventStore(pool), pool),
          config.databaseUrl,
          {
            readerRole: appRoleName(),
          },
        );
        // "all": rebuilt together, each tenant's log read once for every projection.
        for (const r of await rebuilder.rebuildAll(name === 'all' ? allProjections() : [find(name)])) {
          console.log(
            `${r.projection}: v${r.fromVersion} -> v${r.toVersion}, ${r.events} events from ${r.tenants.length} tenants in ${r.seconds.toFixed(1)} s`,
          );
        }
      } finally {
        await pool.end();
      }
    });

  projections
    .command('status')
    .description('checkpoint and lag of every projection per tenant')
    .action(async () => {
      const config = readConfig();
      const pool = createPool(config.databaseUrl, { max: 2 });
      try {
        console.table(await projectionLag(pool, allProjections()));
      } finally {
        await pool.end();
      }
    });
}
