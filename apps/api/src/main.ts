import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { Draining, readConfig } from '@kooperacja/platform';
import { createApp } from './create-app';

/**
 * The API process. On SIGTERM/SIGINT it reports not ready and answers with `Connection: close`
 * for `SHUTDOWN_GRACE_MS` (default 5000), so load balancers stop routing to it while the
 * requests already sent are served; then it stops accepting connections, lets the requests in
 * flight finish (their events and idempotency records committed), closes the pools and exits 0.
 */
async function main() {
  const config = readConfig();
  const graceMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 5_000);
  const app = await createApp(config, { shutdownHooks: false });
  const draining = app.get(Draining);
  const logger = new Logger('Shutdown');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.warn(`${signal}: draining the requests in flight for ${graceMs} ms, then stopping`);
      draining.active = true;
      new Promise((r) => setTimeout(r, graceMs))
        .then(() => app.close())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          logger.error(error instanceof Error ? error.message : String(error));
          process.exit(1);
        });
    });
  }
  const server = app.getHttpServer() as import('node:http').Server;
  server.on('request', (_req, res: import('node:http').ServerResponse) => {
    if (draining.active && !res.headersSent) res.setHeader('Connection', 'close');
  });
  await app.listen(config.port, config.host);
  new Logger('Main').log(`Kooperacja API listening on http://localhost:${config.port} (docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
