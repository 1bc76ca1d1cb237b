import { createPool } from '../../database/pool';
import { createTestDatabase } from '../../database/test-database';
import { eventStoreContract } from '../contract/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';

eventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase();
  const pool = createPool(db.url, { max: 20 });
  return {
    store: new PostgresEventStore(pool),
    async teardown() {
      await pool.end();
      await db.drop();
    },
  };
});
