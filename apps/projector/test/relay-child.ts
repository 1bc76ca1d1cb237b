import { readConfig } from '@kooperacja/platform';
import { relayTestMappers } from '@kooperacja/platform/messaging/testing/relay-test-context';
import { startProjector } from '../src/projector';

/**
 * The projector with the test context's mappers only, as a child process of
 * projector.int-spec.ts (which SIGKILLs it mid-stream). Built to dist/ like the apps.
 */
async function main() {
  const projector = await startProjector(readConfig(), {
    projections: [],
    mappers: relayTestMappers(),
    batchSize: Number(process.env.RELAY_TEST_BATCH_SIZE || 100),
    log: (message, error) => console.warn(`${message}${error ? `: ${String(error)}` : ''}`),
  });
  process.once('SIGTERM', () => {
    void projector.stop().then(() => {
      console.warn('relay-child stopped');
      process.exit(0);
    });
  });
  console.warn('relay-child started');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
