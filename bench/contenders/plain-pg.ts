import { Pool } from 'pg';
import type { Contender } from './contender';

const COLUMNS = 6;

/**
 * The limit: plain `pg` inserting into a minimal events table — no function, no lock, no
 * idempotency lookup, no tenant. The unique (stream_id, stream_revision) key is the whole
 * concurrency check, and it costs no extra round trip: one INSERT per append, autocommit.
 * Statements are prepared once per connection, so the server parses and plans nothing per call.
 */
export function plainPg(url: string): Contender {
  const pool = new Pool({ connectionString: url, max: 10, application_name: 'bench-plain-pg' });
  const inserts = new Map<number, string>();
  return {
    async setup() {
      await pool.query(`
        CREATE TABLE events (
          global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          stream_id       text        NOT NULL,
          stream_revision bigint      NOT NULL,
          event_id        uuid        NOT NULL,
          event_type      text        NOT NULL,
          data            jsonb       NOT NULL,
          metadata        jsonb       NOT NULL,
          recorded_at     timestamptz NOT NULL DEFAULT now(),
          UNIQUE (stream_id, stream_revision)
        )`);
    },
    async append(streamId, events, expected) {
      const first = expected === 'no_stream' ? 0 : expected + 1;
      const params: unknown[] = [];
      events.forEach((e, i) =>
        params.push(streamId, first + i, e.id, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata)),
      );
      await pool.query({ name: `insert-${events.length}`, text: insertFor(inserts, events.length), values: params });
    },
    async readStream(streamId) {
      const { rows } = await pool.query({
        name: 'read-stream',
        text: `SELECT global_position, stream_id, stream_revision, event_id, event_type, data, metadata, recorded_at
                 FROM events WHERE stream_id = $1 ORDER BY stream_revision`,
        values: [streamId],
      });
      return rows.length;
    },
    close: () => pool.end(),
  };
}

function insertFor(cache: Map<number, string>, rows: number): string {
  let sql = cache.get(rows);
  if (!sql) {
    const values = Array.from({ length: rows }, (_, r) => {
      const p = Array.from({ length: COLUMNS }, (_, c) => `$${r * COLUMNS + c + 1}`);
      return `(${p.join(', ')})`;
    });
    sql = `INSERT INTO events (stream_id, stream_revision, event_id, event_type, data, metadata) VALUES ${values.join(', ')}`;
    cache.set(rows, sql);
  }
  return sql;
}
