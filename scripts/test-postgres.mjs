// Starts an embedded PostgreSQL for the test run when no server is reachable, writes its URL
// to <dir>/url, and stops it when this process is signalled.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
const port = Number(process.env.TEST_EMBEDDED_PG_PORT ?? 54330);
const { startEmbeddedPostgres } = await import('../dist/libs/platform/src/database/embedded-postgres.js');
const db = await startEmbeddedPostgres(dir, port, (m) => console.error(m));
writeFileSync(join(dir, 'url'), db.url.replace(/\/kooperacja$/, '/postgres'));
const stop = async () => {
  await db.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
setInterval(() => undefined, 1 << 30);
