import { Pool, types } from 'pg';

// Dates stay as text: business dates are calendar dates, not instants in the server's zone.
types.setTypeParser(types.builtins.DATE, (value) => value);

export interface PoolOptions {
  readonly max?: number;
  readonly applicationName?: string;
}

/** A pg pool whose idle-connection errors are logged instead of crashing the process. */
export function createPool(databaseUrl: string, options: PoolOptions = {}): Pool {
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'kooperacja',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', () => {
    // A pooled idle client lost its connection (e.g. a server restart); pg discards it and
    // the next checkout opens a new one.
  });
  // A checked-out client whose connection is cut (server restart, pg_terminate_backend) fails
  // its queries *and* emits 'error'; without a listener that event would kill the process. The
  // pool drops such a client when it is released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
