import { METRIC } from '../comparison-metrics/metrics';
import { quartersBetween } from '../comparison-metrics/days';
import type { IndicatorDefinition, Sums } from './indicators';

/** The cube summed by tenant, metric, dimension and business quarter (within the asked time bounds). */
export interface QuarterSum {
  readonly tenantId: string;
  readonly metric: string;
  readonly dimension: string;
  /** '2019-Q3'. */
  readonly quarter: string;
  readonly value: number;
  readonly count: number;
}

export interface IndicatorCell {
  readonly tenantId: string;
  readonly target: number | null;
  readonly actual: number | null;
  /** actual / target × 100, one decimal; null without both. */
  readonly percent: number | null;
  /** Money indicators: the budget line used ('total' or 'euShare'). */
  readonly basis?: string | null;
}

export interface SeriesPoint {
  readonly code: string;
  readonly tenantId: string;
  readonly quarter: string;
  /** The indicator as things stood at the end of the quarter (or on the as-of day, in its quarter). */
  readonly value: number;
  readonly target: number | null;
}

export interface Evaluation {
  /** Per indicator code, one cell per tenant (in the order asked). */
  readonly cells: ReadonlyMap<string, readonly IndicatorCell[]>;
  readonly series: readonly SeriesPoint[];
}

interface Sum {
  value: number;
  count: number;
}

/** Running sums of one tenant, by metric and by (metric, dimension). */
class RunningSums implements Sums {
  private readonly metrics = new Map<string, Sum & { readonly dimensions: Map<string, Sum> }>();

  add(row: QuarterSum): void {
    let metric = this.metrics.get(row.metric);
    if (!metric) this.metrics.set(row.metric, (metric = { value: 0, count: 0, dimensions: new Map() }));
    let dimension = metric.dimensions.get(row.dimension);
    if (!dimension) metric.dimensions.set(row.dimension, (dimension = { value: 0, count: 0 }));
    metric.value += row.value;
    metric.count += row.count;
    dimension.value += row.value;
    dimension.count += row.count;
  }

  count(metric: string, dimension?: string): number {
    return this.get(metric, dimension)?.count ?? 0;
  }

  value(metric: string, dimension?: string): number {
    return this.get(metric, dimension)?.value ?? 0;
  }

  private get(metric: string, dimension?: string): Sum | undefined {
    const m = this.metrics.get(metric);
    return dimension === undefined ? m : m?.dimensions.get(dimension);
  }
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  // Half away from zero, as written in decimal (1.005 → 1.01, not the double's 1.00).
  return (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + Number.EPSILON))) / f || 0;
}

/** Target in force for an indicator: the tenant's programme target, or a norm shared by every tenant. */
export function targetOf(definition: IndicatorDefinition, s: Sums): number | null {
  const t = definition.target;
  if (!t) return null;
  if (t.kind === 'norm') return t.value;
  const value = s.value(METRIC.target, t.indicator);
  return value > 0 ? value : null;
}

export function cellOf(definition: IndicatorDefinition, tenantId: string, s: Sums): IndicatorCell {
  const raw = definition.actual(s);
  const target = targetOf(definition, s);
  const cell: IndicatorCell = {
    tenantId,
    target,
    actual: raw === null || !Number.isFinite(raw) ? null : round(raw, definition.decimals),
    percent: raw !== null && target ? round((raw / target) * 100, 1) : null,
  };
  return definition.basis ? { ...cell, basis: definition.basis(s) } : cell;
}

/**
 * The indicators of each tenant from the quarterly sums: once over everything (the sums are
 * already bounded by the as-of day), and, for the quarters of `range`, as things stood at the end
 * of each quarter (cumulative sums).
 */
export function evaluate(
  definitions: readonly IndicatorDefinition[],
  sums: readonly QuarterSum[],
  tenants: readonly string[],
  range: { readonly from: string; readonly to: string } | null,
): Evaluation {
  const cells = new Map<string, IndicatorCell[]>(definitions.map((d) => [d.code, []]));
  const series: SeriesPoint[] = [];
  const byTenant = new Map<string, QuarterSum[]>(tenants.map((t) => [t, []]));
  for (const row of sums) byTenant.get(row.tenantId)?.push(row);
  const quarters = range ? quartersBetween(range.from, range.to) : [];

  for (const tenantId of tenants) {
    const rows = [...byTenant.get(tenantId)!].sort((a, b) =>
      a.quarter < b.quarter ? -1 : a.quarter > b.quarter ? 1 : 0,
    );
    const running = new RunningSums();
    let next = 0;
    for (const quarter of quarters) {
      while (next < rows.length && rows[next].quarter <= quarter) running.add(rows[next++]);
      for (const d of definitions) {
        const cell = cellOf(d, tenantId, running);
        if (cell.actual !== null)
          series.push({ code: d.code, tenantId, quarter, value: cell.actual, target: cell.target });
      }
    }
    while (next < rows.length) running.add(rows[next++]);
    for (const d of definitions) cells.get(d.code)!.push(cellOf(d, tenantId, running));
  }
  return { cells, series };
}
