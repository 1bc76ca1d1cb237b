import { performance } from 'node:perf_hooks';
import { openContender } from '../contenders';
import { groupStreamId } from '../events';
import { median } from '../stats';
import { appendAll, expectLength } from './append';
import { ALL_CONTENDERS, type Scenario } from './scenario';

const STREAM_LENGTH = 1_000;
const WARMUP_READS = 20;

/** Reads one 1,000-event stream back, over and over. Figure: the median latency of a read. */
export const readStreamScenario: Scenario = {
  id: '4',
  title: 'read a 1,000-event stream',
  unit: 'ms',
  target: {
    text: '≤1.5× limit (latency)',
    met: (f) => (f.ratioToLimit === null ? null : f.ratioToLimit <= 1.5),
  },
  contenders: ALL_CONTENDERS,
  async measure({ contender, url, quick }) {
    const store = await openContender(contender, url);
    try {
      await store.setup();
      // A few neighbouring streams, so the read is an index lookup in a table holding others.
      await appendAll(store, 0, { streams: 10, eventsPerStream: STREAM_LENGTH, batch: 100, writers: 1 });
      const streamId = groupStreamId(5);
      for (let i = 0; i < WARMUP_READS; i++) await expectLength(store, streamId, STREAM_LENGTH);
      const latencies: number[] = [];
      for (let i = 0; i < (quick ? 50 : 300); i++) {
        const started = performance.now();
        await store.readStream(streamId);
        latencies.push(performance.now() - started);
      }
      return median(latencies);
    } finally {
      await store.close();
    }
  },
};
