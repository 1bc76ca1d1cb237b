import { appendScenario } from './append';
import { comparisonQueryScenario, httpCommandsScenario } from './http';
import { kafkaLatencyScenario } from './kafka';
import { rebuildScenario } from './rebuild';
import { readStreamScenario } from './read-stream';
import { atLeast, type Scenario } from './scenario';

export type { Job, Measurement, Scenario } from './scenario';

/** The scenarios of the issue; full sizes as the issue states them, quick ones 1/20–1/100. */
export const scenarios: readonly Scenario[] = [
  appendScenario({
    id: '1',
    title: 'append 1 event per call, 1 writer',
    full: { streams: 10_000, eventsPerStream: 10, batch: 1, writers: 1 },
    quick: { streams: 100, eventsPerStream: 10, batch: 1, writers: 1 },
    target: atLeast(2, 0.75),
  }),
  appendScenario({
    id: '2',
    title: 'append 1 event per call, 8 writers',
    full: { streams: 10_000, eventsPerStream: 10, batch: 1, writers: 8 },
    quick: { streams: 200, eventsPerStream: 10, batch: 1, writers: 8 },
    target: atLeast(2.5, 0.75),
  }),
  appendScenario({
    id: '3',
    title: 'append 100-event batches, 1 writer',
    full: { streams: 1_000, eventsPerStream: 100, batch: 100, writers: 1 },
    quick: { streams: 50, eventsPerStream: 100, batch: 100, writers: 1 },
    target: atLeast(2, 0.6),
  }),
  readStreamScenario,
  rebuildScenario,
  httpCommandsScenario,
  comparisonQueryScenario,
  kafkaLatencyScenario,
];
