import 'reflect-metadata';
import { join } from 'node:path';
import { loadDemoData } from '@kooperacja/history';
import {
  selectEventStore,
  protectPersonalData,
  PostgresTenantDirectory,
  appRoleName,
  createPool,
  deriveAppDatabaseUrl,
  migrate,
  readConfig,
  setAppRolePassword,
  startEmbeddedPostgres,
} from '@kooperacja/platform';
import { allMigrations } from '@kooperacja/composition';
import { startProjector } from '../../projector/src/projector';
import { createApp } from './create-app';

/**
 * `npm start`: one process with the API and the projector (read models, Kafka relay), on the
 * configured DATABASE_URL or else an embedded PostgreSQL whose data survives restarts.
 */
async function main() {
  const log = (m: string) => console.warn(`[kooperacja] ${m}`);
  let stopEmbedded: (() => Promise<void>) | undefined;
  let appPassword: string | undefined;
  if (!process.env.DATABASE_URL) {
    const dataDir = process.env.KOOPERACJA_DATA_DIR ?? join(process.cwd(), '.data', 'postgres');
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const embedded = await startEmbeddedPostgres(dataDir, port, log);
    process.env.DATABASE_URL = embedded.url;
    // The embedded server authenticates by password: the application role gets one of its own.
    process.env.DATABASE_APP_URL = deriveAppDatabaseUrl(embedded.url, appRoleName(), embedded.appPassword);
    appPassword = embedded.appPassword;
    stopEmbedded = embedded.stop;
    log(`no DATABASE_URL: using the embedded PostgreSQL on 127.0.0.1:${port} (data in ${dataDir})`);
  }
  const config = readConfig();
  const applied = await migrate(config.databaseUrl, allMigrations());
  if (applied.length) log(`applied migrations: ${applied.join(', ')}`);
  if (appPassword) await setAppRolePassword(config.databaseUrl, appRoleName(), appPassword);
  if (process.env.DEMO_DATA !== 'false') {
    // The real history of the three macroregions and the synthetic pilot, when the store is empty.
    const pool = createPool(config.databaseUrl, { max: 4, applicationName: 'kooperacja-demo-data' });
    const events = selectEventStore(pool);
    try {
      await loadDemoData(
        { store: protectPersonalData(events.store, pool), tenants: new PostgresTenantDirectory(pool) },
        log,
      );
    } finally {
      await events.close();
      await pool.end();
    }
  }
  if (config.auth.mode === 'dev') {
    log(`AUTH_MODE=dev: mint a token with  npm run -s token -- --role tenant-admin --tenant mr1`);
  }

  const app = await createApp(config, { shutdownHooks: false });
  await app.listen(config.port, config.host);
  const projector = await startProjector(config);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: draining requests and stopping`);
      void projector
        .stop()
        .then(() => app.close())
        .then(() => stopEmbedded?.())
        .finally(() => process.exit(0));
    });
  }
  log(`API on http://localhost:${config.port}  (health: /health, docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
