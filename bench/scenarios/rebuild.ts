import { performance } from 'node:perf_hooks';
import { countEvents } from '../fixtures';
import type { Scenario } from './scenario';

const PEAK_MEMORY_MB = 400;
const EVENTS_PER_SECOND = 25_000;

/**
 * Scenario 5: `cli projections rebuild --all`: every projection the projector runs (the read
 * models of the five contexts and the comparison's cube, not the Kafka relay) rebuilt together,
 * each tenant's log read once for all of them, over the `million` fixture. Figure: events in the log / wall seconds until the last
 * projection swapped; peak memory is the worker's maximum resident set size.
 */
export const rebuildScenario: Scenario = {
  id: '5',
  title: 'projection rebuild, 1,000,000 pilot events',
  unit: 'events/s',
  fixture: 'million',
  contenders: ['ours'],
  // The projector's heap in deploy/k8s: uncapped, V8 lets garbage grow to ~510 MB before collecting.
  execArgv: ['--max-old-space-size=256'],
  target: {
    text: `≥${EVENTS_PER_SECOND.toLocaleString('en-US')} events/s, peak memory <${PEAK_MEMORY_MB} MB`,
    met: (f) => f.value >= EVENTS_PER_SECOND && (f.details.peakMemoryMb ?? Infinity) < PEAK_MEMORY_MB,
  },
  async measure({ url }) {
    const [{ allProjections }, platform] = await Promise.all([
      import('@kooperacja/composition'),
      import('@kooperacja/platform'),
    ]);
    const events = await countEvents(url);
    const pool = platform.createPool(url, { max: 12, applicationName: 'bench-rebuild' });
    try {
      // As `cli projections rebuild all` does it: personal fields opened with the subjects' keys.
      const store = platform.protectPersonalData(new platform.PostgresEventStore(pool), pool);
      const rebuilder = new platform.ProjectionRebuilder(pool, store, url);
      const projections = allProjections();
      const started = performance.now();
      const results = await rebuilder.rebuildAll(projections);
      const seconds = (performance.now() - started) / 1000;
      if (!results.some((r) => r.events > 0)) throw new Error('the rebuild applied no event');
      return {
        value: events / seconds,
        details: {
          events,
          seconds,
          projections: projections.length,
          peakMemoryMb: process.resourceUsage().maxRSS / 1024,
        },
      };
    } finally {
      await pool.end();
    }
  },
};
