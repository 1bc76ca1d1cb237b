import { readConfig } from '@kooperacja/platform';
import { startProjector } from './projector';

/**
 * The projector as its own process: projections and the Kafka relay. SIGTERM/SIGINT (also while
 * it is still starting) let every partition finish its batch and commit its checkpoint, then exit 0.
 */
async function main() {
  const starting = startProjector(readConfig());
  // Registered before the first await, so a signal during start-up waits for it and then stops.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.warn(`[projector] ${signal}: finishing the current batches and stopping`);
      starting
        .then((projector) => projector.stop())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          console.error(error);
          process.exit(1);
        });
    });
  }
  await starting;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
