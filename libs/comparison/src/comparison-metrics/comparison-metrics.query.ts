import { In, type EntityManager } from 'typeorm';
import type { QuarterSum } from '../comparison/comparison.maths';
import { ComparisonFreshness, ComparisonMetric, ComparisonQuarter } from './comparison-metrics.entity';
import { quarterOf, quarterStart } from './days';

export interface CubeQuery {
  readonly tenants: readonly string[];
  /** Business time: facts that happened on or before this day. */
  readonly occurredBy?: string;
  /** Record time: facts recorded on or before this day (in Poland). */
  readonly recordedBy?: string;
  /** Only these metrics (default: all). */
  readonly metrics?: readonly string[];
}

const NO_BOUND = '9999-12-31';

/**
 * The cube summed by tenant, metric, dimension and business quarter, within both time bounds.
 * Whole quarters come from the quarterly cube, the as-of day's own quarter from the daily one:
 * with X the business bound and Y the record bound, the rows (occurred ≤ X, recorded ≤ Y) are
 * those of whole quarters before both X's and Y's (quarterly), plus X's quarter up to X
 * (daily), plus earlier quarters recorded in Y's quarter up to Y (daily).
 */
export async function readQuarterSums(em: EntityManager, query: CubeQuery): Promise<QuarterSum[]> {
  if (!query.tenants.length) return [];
  const days = em.getRepository(ComparisonMetric).metadata.tablePath;
  const quarters = em.getRepository(ComparisonQuarter).metadata.tablePath;
  const [x, y] = [query.occurredBy ?? NO_BOUND, query.recordedBy ?? NO_BOUND];
  const params: unknown[] = [query.tenants, x, quarterStart(x), y, quarterStart(y)];
  const metric = query.metrics ? ` AND metric = ANY($${params.push(query.metrics)})` : '';
  // Keys compared byte-wise, the quarter as its first day (cheap to group), labelled after.
  const rows = (await em.query(
    `SELECT tenant_id COLLATE "C" AS "tenantId", metric COLLATE "C" AS metric, dimension COLLATE "C" AS dimension,
            quarter::text AS "quarterStart", sum(value)::float8 AS value, sum(count)::float8 AS count
       FROM (SELECT tenant_id, metric, dimension, quarter, value, count FROM ${quarters}
              WHERE tenant_id = ANY($1) AND quarter < $3 AND recorded_quarter < $5${metric}
             UNION ALL
             SELECT tenant_id, metric, dimension, $3::date, value, count FROM ${days}
              WHERE tenant_id = ANY($1) AND occurred_on >= $3 AND occurred_on <= $2 AND recorded_on <= $4${metric}
             UNION ALL
             SELECT tenant_id, metric, dimension, date_trunc('quarter', occurred_on)::date, value, count FROM ${days}
              WHERE tenant_id = ANY($1) AND recorded_on >= $5 AND recorded_on <= $4 AND occurred_on < $3${metric}) x
      GROUP BY 1, 2, 3, quarter`,
    params,
  )) as (Omit<QuarterSum, 'quarter'> & { quarterStart: string })[];
  return rows.map(({ quarterStart: start, ...r }) => ({ ...r, quarter: quarterOf(start) }));
}

export interface TenantFreshness {
  readonly tenantId: string;
  /** Log position of the last event applied, `<commit>/<prepare>`; null before any. */
  readonly position: string | null;
  /** When the store recorded that event. */
  readonly recordedAt: string | null;
}

/** The last event applied per tenant, from the row the projection writes with each batch. */
export async function readFreshness(em: EntityManager, tenants: readonly string[]): Promise<TenantFreshness[]> {
  const rows = tenants.length ? await em.find(ComparisonFreshness, { where: { tenantId: In([...tenants]) } }) : [];
  const byTenant = new Map(rows.map((r) => [r.tenantId, r]));
  return tenants.map((tenantId) => {
    const row = byTenant.get(tenantId);
    return {
      tenantId,
      position: row ? `${row.commitPosition}/${row.preparePosition}` : null,
      recordedAt: row ? new Date(row.lastRecordedAt).toISOString() : null,
    };
  });
}
