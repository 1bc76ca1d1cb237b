import type { Pool } from 'pg';
import type { EventStore } from '../event-store/event-store.port';
import { loadMasterKey, type MasterKey } from './master-key';
import { PersonalDataProtectingStore } from './personal-data-store';
import { PostgresSubjectKeyStore } from './subject-keys';

/**
 * Wraps an event store adapter so personal fields are sealed on append and opened on read, with
 * subject keys in `privacy_subject_keys` on `pool` (the owner connection). Every process that
 * appends or reads events for read models uses this, never the bare adapter.
 */
export function protectPersonalData(
  store: EventStore,
  pool: Pool,
  master: MasterKey = loadMasterKey(),
): PersonalDataProtectingStore {
  return new PersonalDataProtectingStore(store, new PostgresSubjectKeyStore(pool, master));
}
