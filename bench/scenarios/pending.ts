import type { PendingScenario } from './scenario';

const NOT_YET = 'not yet available';
const notMeasured = () => null;

/** Scenarios 5–8 of the issue: each becomes a module like append.ts once what it drives exists. */
export const pendingScenarios: readonly PendingScenario[] = [
  {
    id: '5',
    title: 'projection rebuild, 1,000,000 pilot events',
    unit: 'events/s',
    target: { text: '≥25,000 events/s, peak memory <400 MB', met: notMeasured },
    pending: NOT_YET,
  },
  {
    id: '6',
    title: 'HTTP commands, 32 clients (autocannon)',
    unit: 'commands/s',
    target: { text: '≥1,500 commands/s, p99 <50 ms', met: notMeasured },
    pending: NOT_YET,
  },
  {
    id: '7',
    title: 'GET /api/v1/comparison, 1,000,000 events',
    unit: 'ms (p95)',
    target: { text: 'p95 <30 ms', met: notMeasured },
    pending: NOT_YET,
  },
  {
    id: '8',
    title: 'append → Kafka consumer at 1,000 events/s',
    unit: 'ms (p99)',
    target: { text: 'p99 <500 ms', met: notMeasured },
    pending: NOT_YET,
  },
];
