// Deep imports, not the '@kooperacja/platform' barrel: the barrel loads Nest, which each worker
// would pay for before every run.
import { createPool } from '@kooperacja/platform/database/pool';
import { migrate } from '@kooperacja/platform/database/migrate';
import { PostgresEventStore } from '@kooperacja/platform/event-store';
import { TENANT } from '../events';
import type { Contender } from './contender';

/** Ours: PostgresEventStore over the platform's migrations, as the API uses it. */
export function kooperacja(url: string): Contender {
  const pool = createPool(url, { applicationName: 'bench-kooperacja' });
  const store = new PostgresEventStore(pool);
  return {
    async setup() {
      await migrate(url);
    },
    async append(streamId, events, expected) {
      await store.append(TENANT, streamId, events, expected);
    },
    async readStream(streamId) {
      return (await store.readStream(TENANT, streamId)).length;
    },
    close: () => pool.end(),
  };
}
