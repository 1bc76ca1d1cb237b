import { type Projection, type ProjectionBatch, type RecordedEvent } from '@kooperacja/platform';
import { applyBatch, type BatchResult } from './apply-batch';
import { quarterStart } from './days';
import { hundredthsToDecimal, type CubeRow } from './deltas';
import type { StoredEntity } from './entities';
import { HANDLED_EVENT_TYPES } from './sources/route';

export const COMPARISON_PROJECTION = 'comparison-metrics';

/** Reader views (the platform points them at the active version). */
export const METRICS_TABLE = 'rm_comparison_metrics';
export const QUARTERS_TABLE = 'rm_comparison_quarters';
export const FRESHNESS_TABLE = 'rm_comparison_freshness';
export const STATE_TABLE = 'rm_comparison_state';

/**
 * The comparison's read model. `rm_comparison_metrics` is a cube of signed deltas by (tenant,
 * metric, dimension, business day, record day), aggregated on write; `rm_comparison_quarters`
 * the same summed by business quarter and record quarter, so a query reads whole quarters there
 * and only the as-of day's own quarter from the daily cube; `rm_comparison_freshness` says per
 * tenant which event was applied last. These hold aggregates only and are readable across tenants
 * (analysts). `rm_comparison_state` keeps the little per-entity state the deltas need (per case,
 * body, JST…) and stays tenant-only.
 */
export interface ComparisonProjection extends Projection {
  readonly crossTenantTables: readonly string[];
}

export function comparisonMetricsProjection(): ComparisonProjection {
  return {
    name: COMPARISON_PROJECTION,
    handles: HANDLED_EVENT_TYPES,
    tables: [METRICS_TABLE, QUARTERS_TABLE, FRESHNESS_TABLE, STATE_TABLE],
    crossTenantTables: [METRICS_TABLE, QUARTERS_TABLE, FRESHNESS_TABLE],
    ddl: (t) => [
      `CREATE TABLE ${t(METRICS_TABLE)} (
         tenant_id   text    NOT NULL,
         metric      text    NOT NULL,
         dimension   text    NOT NULL,
         occurred_on date    NOT NULL,
         recorded_on date    NOT NULL,
         value       numeric NOT NULL,
         count       bigint  NOT NULL,
         PRIMARY KEY (tenant_id, metric, dimension, occurred_on, recorded_on))`,
      // A query reads the daily cube for one quarter of business days, or of record days.
      `CREATE INDEX ${t(METRICS_TABLE)}_occurred ON ${t(METRICS_TABLE)} (tenant_id, occurred_on)`,
      `CREATE INDEX ${t(METRICS_TABLE)}_recorded ON ${t(METRICS_TABLE)} (tenant_id, recorded_on)`,
      `CREATE TABLE ${t(QUARTERS_TABLE)} (
         tenant_id        text    NOT NULL,
         metric           text    NOT NULL,
         dimension        text    NOT NULL,
         quarter          date    NOT NULL,
         recorded_quarter date    NOT NULL,
         value            numeric NOT NULL,
         count            bigint  NOT NULL,
         PRIMARY KEY (tenant_id, metric, dimension, quarter, recorded_quarter))`,
      `CREATE TABLE ${t(FRESHNESS_TABLE)} (
         tenant_id        text        PRIMARY KEY,
         commit_position  numeric(20) NOT NULL,
         prepare_position bigint      NOT NULL,
         last_recorded_at timestamptz NOT NULL)`,
      `CREATE TABLE ${t(STATE_TABLE)} (
         tenant_id text  NOT NULL,
         entity    text  NOT NULL,
         state     jsonb NOT NULL,
         PRIMARY KEY (tenant_id, entity))`,
    ],
    async apply(events: readonly RecordedEvent[], batch: ProjectionBatch) {
      const result = await applyBatch(events, (keys) => loadEntities(batch, keys));
      await writeBatch(batch, result, events);
    },
  };
}

async function loadEntities(batch: ProjectionBatch, keys: readonly string[]): Promise<Map<string, StoredEntity>> {
  const { rows } = await batch.client.query<{ entity: string; state: StoredEntity }>(
    `SELECT entity, state FROM ${batch.table(STATE_TABLE)} WHERE tenant_id = $1 AND entity = ANY($2::text[])`,
    [batch.tenantId, keys],
  );
  return new Map(rows.map((r) => [r.entity, r.state]));
}

/** The batch's deltas summed by business quarter and record quarter (first days), zero sums left out. */
export function quarterRows(rows: readonly CubeRow[]): CubeRow[] {
  const sums = new Map<string, { -readonly [K in keyof CubeRow]: CubeRow[K] }>();
  for (const r of rows) {
    const [quarter, recorded] = [quarterStart(r.occurredOn), quarterStart(r.recordedOn)];
    const key = `${r.metric}\u0000${r.dimension}\u0000${quarter}\u0000${recorded}`;
    const sum = sums.get(key);
    if (sum) {
      sum.value += r.value;
      sum.count += r.count;
    } else {
      sums.set(key, { ...r, occurredOn: quarter, recordedOn: recorded });
    }
  }
  return [...sums.values()].filter((r) => r.value !== 0 || r.count !== 0);
}

/**
 * Every write of a batch in one statement: the deltas added to the daily cube and to the
 * quarterly one (`unnest` arrays), the entity states replaced (`jsonb_to_recordset`), the
 * freshness moved on (in the batch's transaction, so it always matches the cubes, and never back,
 * should older events be replayed). Cube rows a retraction brought to zero are then deleted, so
 * the tables are the same however the log was cut into batches.
 */
async function writeBatch(batch: ProjectionBatch, result: BatchResult, events: readonly RecordedEvent[]) {
  const [daily, quarters] = [result.rows, quarterRows(result.rows)];
  const last = events[events.length - 1];
  const columns = (rows: readonly CubeRow[]) => [
    rows.map((r) => r.metric),
    rows.map((r) => r.dimension),
    rows.map((r) => r.occurredOn),
    rows.map((r) => r.recordedOn),
    rows.map((r) => hundredthsToDecimal(r.value)),
    rows.map((r) => r.count),
  ];
  const upsert = (table: string, day: string, recorded: string, from: number) =>
    `INSERT INTO ${batch.table(table)} AS c (tenant_id, metric, dimension, ${day}, ${recorded}, value, count)
     SELECT $1, * FROM unnest($${from}::text[], $${from + 1}::text[], $${from + 2}::date[], $${from + 3}::date[],
                              $${from + 4}::numeric[], $${from + 5}::bigint[])
     ON CONFLICT (tenant_id, metric, dimension, ${day}, ${recorded})
     DO UPDATE SET value = c.value + EXCLUDED.value, count = c.count + EXCLUDED.count
     RETURNING '${table}' AS t, metric, dimension, ${day}::text AS o, ${recorded}::text AS r, value, count`;
  const { rows: zeroed } = await batch.client.query<{
    t: string;
    metric: string;
    dimension: string;
    o: string;
    r: string;
  }>(
    `WITH days AS (${upsert(METRICS_TABLE, 'occurred_on', 'recorded_on', 2)}),
          quarters AS (${upsert(QUARTERS_TABLE, 'quarter', 'recorded_quarter', 8)}),
          states AS (
            INSERT INTO ${batch.table(STATE_TABLE)} (tenant_id, entity, state)
            SELECT $1, x.entity, x.state FROM jsonb_to_recordset($14::jsonb) AS x(entity text, state jsonb)
            ON CONFLICT (tenant_id, entity) DO UPDATE SET state = EXCLUDED.state),
          freshness AS (
            INSERT INTO ${batch.table(FRESHNESS_TABLE)} AS f (tenant_id, commit_position, prepare_position, last_recorded_at)
            VALUES ($1, $15, $16, $17)
            ON CONFLICT (tenant_id) DO UPDATE
              SET commit_position = EXCLUDED.commit_position, prepare_position = EXCLUDED.prepare_position,
                  last_recorded_at = EXCLUDED.last_recorded_at
            WHERE (f.commit_position, f.prepare_position) < (EXCLUDED.commit_position, EXCLUDED.prepare_position))
     SELECT t, metric, dimension, o, r FROM days WHERE value = 0 AND count = 0
     UNION ALL
     SELECT t, metric, dimension, o, r FROM quarters WHERE value = 0 AND count = 0`,
    [
      batch.tenantId,
      ...columns(daily),
      ...columns(quarters),
      JSON.stringify([...result.entities].map(([entity, state]) => ({ entity, state }))),
      last.position.commit.toString(),
      last.position.prepare.toString(),
      last.recordedAt,
    ],
  );
  for (const [table, day, recorded] of [
    [METRICS_TABLE, 'occurred_on', 'recorded_on'],
    [QUARTERS_TABLE, 'quarter', 'recorded_quarter'],
  ] as const) {
    const keys = zeroed.filter((z) => z.t === table);
    if (!keys.length) continue;
    await batch.client.query(
      `DELETE FROM ${batch.table(table)} c
        USING unnest($2::text[], $3::text[], $4::date[], $5::date[]) AS k(metric, dimension, d, r)
        WHERE c.tenant_id = $1 AND c.metric = k.metric AND c.dimension = k.dimension
          AND c.${day} = k.d AND c.${recorded} = k.r AND c.value = 0 AND c.count = 0`,
      [
        batch.tenantId,
        keys.map((z) => z.metric),
        keys.map((z) => z.dimension),
        keys.map((z) => z.o),
        keys.map((z) => z.r),
      ],
    );
  }
}
