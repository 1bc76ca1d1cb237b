import { readConfig } from '@kooperacja/platform';
import { startProjector } from './projector';

/** The projector as its own process: projections and the Kafka relay, stopped cleanly by SIGTERM. */
async function main() {
  const projector = await startProjector(readConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.warn(`[projector] ${signal}: finishing the current batches and stopping`);
      projector
        .stop()
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
