import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. Readers order by (transaction_id, global_position) and only read
 * transactions older than the oldest one still running, so an event that commits late
 * with a smaller sequence number is never skipped (the Marten/Emmett high-water mark).
 * Appends to one stream are serialised by a transaction-level advisory lock taken before
 * the first write, which also keeps a stream's events in global order.
 */
export class EventStore1732300000000 implements MigrationInterface {
  name = 'EventStore1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE es_events (
        global_position bigint GENERATED ALWAYS AS IDENTITY,
        transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
        tenant_id       text        NOT NULL,
        stream_id       text        NOT NULL,
        stream_revision bigint      NOT NULL,
        event_id        uuid        NOT NULL,
        event_type      text        NOT NULL,
        data            jsonb       NOT NULL,
        metadata        jsonb       NOT NULL,
        recorded_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT es_events_stream_revision UNIQUE (tenant_id, stream_id, stream_revision),
        CONSTRAINT es_events_event_id UNIQUE (event_id),
        CONSTRAINT es_events_position UNIQUE (transaction_id, global_position)
      )`);
    await q.query(`CREATE INDEX es_events_tenant_position ON es_events (tenant_id, transaction_id, global_position)`);
    await q.query(`
      CREATE FUNCTION es_append(p_tenant text, p_stream text, p_expected bigint, p_events jsonb)
      RETURNS TABLE (status text, revision bigint, commit_position xid8, prepare_position bigint)
      LANGUAGE plpgsql AS $$
      -- p_expected: >= 0 exact revision, -1 no_stream, -2 stream_exists, -3 any.
      -- status: 'ok', 'idempotent', 'conflict' (revision = actual, -1 when no stream),
      -- 'partial_duplicate' (some ids stored elsewhere).
      DECLARE
        v_current bigint;
        v_count int := jsonb_array_length(p_events);
        v_found int;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended(p_tenant || '/' || p_stream, 0));

        SELECT count(*)::int INTO v_found FROM es_events e
         WHERE e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x);
        IF v_found > 0 THEN
          IF v_found = v_count AND NOT EXISTS (
               SELECT 1 FROM jsonb_array_elements(p_events) x
                WHERE NOT EXISTS (SELECT 1 FROM es_events e
                                   WHERE e.event_id = (x->>'id')::uuid
                                     AND e.tenant_id = p_tenant AND e.stream_id = p_stream)) THEN
            RETURN QUERY
              SELECT 'idempotent'::text,
                     (SELECT max(e.stream_revision) FROM es_events e
                       WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream),
                     e.transaction_id, e.global_position
                FROM es_events e
               WHERE e.event_id IN (SELECT (x->>'id')::uuid FROM jsonb_array_elements(p_events) x)
               ORDER BY e.transaction_id DESC, e.global_position DESC LIMIT 1;
          ELSE
            RETURN QUERY SELECT 'partial_duplicate'::text, NULL::bigint, NULL::xid8, NULL::bigint;
          END IF;
          RETURN;
        END IF;

        SELECT max(e.stream_revision) INTO v_current FROM es_events e
         WHERE e.tenant_id = p_tenant AND e.stream_id = p_stream;
        v_current := coalesce(v_current, -1);

        IF (p_expected >= 0 AND v_current <> p_expected)
           OR (p_expected = -1 AND v_current <> -1)
           OR (p_expected = -2 AND v_current = -1) THEN
          RETURN QUERY SELECT 'conflict'::text, v_current, NULL::xid8, NULL::bigint;
          RETURN;
        END IF;

        RETURN QUERY
          WITH inserted AS (
            INSERT INTO es_events (tenant_id, stream_id, stream_revision, event_id, event_type, data, metadata)
            SELECT p_tenant, p_stream, v_current + x.ord, (x.value->>'id')::uuid, x.value->>'type',
                   x.value->'data', x.value->'metadata'
              FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(value, ord)
             ORDER BY x.ord
            RETURNING es_events.stream_revision, es_events.transaction_id, es_events.global_position)
          SELECT 'ok'::text, max(i.stream_revision), pg_current_xact_id(), max(i.global_position) FROM inserted i;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS es_append(text, text, bigint, jsonb)`);
    await q.query(`DROP TABLE IF EXISTS es_events`);
  }
}
