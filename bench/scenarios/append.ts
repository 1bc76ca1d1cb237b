import { performance } from 'node:perf_hooks';
import { openContender, type Contender } from '../contenders';
import { groupStreamId, memberJoined } from '../events';
import { ALL_CONTENDERS, type Scenario, type Target } from './scenario';

export interface AppendShape {
  readonly streams: number;
  readonly eventsPerStream: number;
  /** Events per append call. */
  readonly batch: number;
  /** Concurrent writers, each on its own streams. */
  readonly writers: number;
}

interface AppendScenario {
  readonly id: string;
  readonly title: string;
  readonly full: AppendShape;
  readonly quick: AppendShape;
  readonly target: Target;
}

const WARMUP_STREAM_OFFSET = 10_000_000;

/**
 * Appends `eventsPerStream` events to each stream, `batch` per call, every call with the
 * expected revision ('no_stream' first). Figure: events per second.
 */
export function appendScenario(def: AppendScenario): Scenario {
  return {
    id: def.id,
    title: def.title,
    unit: 'events/s',
    target: def.target,
    contenders: ALL_CONTENDERS,
    async measure({ contender, url, quick }) {
      const shape = quick ? def.quick : def.full;
      const store = await openContender(contender, url);
      try {
        await store.setup();
        // Warms the JIT, the pool's connections and the server's plan caches, on other streams.
        const warmupStreams = Math.min(Math.ceil(shape.streams / 10), 25 * shape.writers);
        await appendAll(store, WARMUP_STREAM_OFFSET, { ...shape, streams: warmupStreams });
        const started = performance.now();
        await appendAll(store, 0, shape);
        const seconds = (performance.now() - started) / 1000;
        await expectLength(store, groupStreamId(shape.streams - 1), shape.eventsPerStream);
        return (shape.streams * shape.eventsPerStream) / seconds;
      } finally {
        await store.close();
      }
    },
  };
}

/**
 * Writer w owns streams w, w + writers, …; it goes round them, one append per stream per
 * round, so 10,000 live streams are touched the way commands touch them, not one after another.
 */
export async function appendAll(store: Contender, firstStream: number, shape: AppendShape): Promise<void> {
  const rounds = shape.eventsPerStream / shape.batch;
  if (!Number.isInteger(rounds)) throw new RangeError('eventsPerStream must be a multiple of batch');
  const writer = async (w: number): Promise<void> => {
    for (let round = 0; round < rounds; round++) {
      for (let s = w; s < shape.streams; s += shape.writers) {
        const streamId = groupStreamId(firstStream + s);
        await store.append(
          streamId,
          memberJoined(streamId, shape.batch),
          round === 0 ? 'no_stream' : round * shape.batch - 1,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: shape.writers }, (_, w) => writer(w)));
}

export async function expectLength(store: Contender, streamId: string, expected: number): Promise<void> {
  const actual = await store.readStream(streamId);
  if (actual !== expected) throw new Error(`${streamId}: read ${actual} events, expected ${expected}`);
}
