import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import {
  inAggregateScope,
  inTenant,
  READ_MODELS,
  TENANT_DIRECTORY,
  ValidationFailedException,
  type TenantDirectory,
} from '@kooperacja/platform';
import { quarterOf, todayInPoland } from '../comparison-metrics/days';
import { readFreshness, readQuarterSums } from '../comparison-metrics/comparison-metrics.query';
import { evaluate, type IndicatorCell, type SeriesPoint } from './comparison.maths';
import { INDICATOR_DEFINITIONS, metricsRead, type Unit } from './indicators';

export type AsOfKind = 'business' | 'record';

export interface ComparisonRequest {
  /** Default: today in Poland. */
  readonly asOf?: string;
  /** business: as things were on `asOf`; record: as the data stood on `asOf`. Default business. */
  readonly asOfKind?: AsOfKind;
  /** Business days bounding the quarterly series (default: the quarters with data up to `asOf`). */
  readonly from?: string;
  readonly to?: string;
  /** Indicator codes (default: all). */
  readonly indicator?: readonly string[];
  /** Tenant ids (default: every active tenant). Ignored for a tenant's own view. */
  readonly tenants?: readonly string[];
}

export interface ComparisonTenant {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly freshness: { readonly position: string | null; readonly recordedAt: string | null };
}

export interface ComparisonIndicator {
  readonly code: string;
  readonly labelPl: string;
  readonly labelEn: string;
  readonly unit: Unit;
  /** Places the actual is rounded to. */
  readonly decimals: number;
  readonly rows: readonly IndicatorCell[];
}

/** The comparison: aggregates only, per tenant, each tenant with the freshness of its data. */
export interface ComparisonResult {
  readonly asOf: string;
  readonly asOfKind: AsOfKind;
  readonly tenants: readonly ComparisonTenant[];
  readonly indicators: readonly ComparisonIndicator[];
  readonly series: readonly SeriesPoint[];
}

/** Who asks: an analyst (every tenant, aggregate scope) or a tenant's user (that tenant only). */
export type ComparisonScope = { readonly kind: 'analyst' } | { readonly kind: 'tenant'; readonly tenantId: string };

@Injectable()
export class ComparisonService {
  constructor(
    @Inject(READ_MODELS) private readonly dataSource: DataSource,
    @Inject(TENANT_DIRECTORY) private readonly directory: TenantDirectory,
  ) {}

  async compare(request: ComparisonRequest, scope: ComparisonScope): Promise<ComparisonResult> {
    const asOf = request.asOf ?? todayInPoland();
    const asOfKind = request.asOfKind ?? 'business';
    if (request.from && request.to && request.from > request.to) {
      throw new ValidationFailedException([{ field: 'to', reason: 'to must not be before from' }]);
    }
    const tenants = await this.tenantsFor(request, scope);
    const definitions = request.indicator
      ? INDICATOR_DEFINITIONS.filter((d) => request.indicator!.includes(d.code))
      : INDICATOR_DEFINITIONS;
    const ids = tenants.map((t) => t.id);

    const read = async (em: EntityManager) => ({
      sums: await readQuarterSums(em, {
        tenants: ids,
        ...(asOfKind === 'business' ? { occurredBy: asOf } : { recordedBy: asOf }),
        ...(request.indicator ? { metrics: metricsRead(definitions) } : {}),
      }),
      freshness: await readFreshness(em, ids),
    });
    const { sums, freshness } =
      scope.kind === 'tenant'
        ? await inTenant(this.dataSource, scope.tenantId, read)
        : await inAggregateScope(this.dataSource, read);

    const { cells, series } = evaluate(definitions, sums, ids, seriesRange(request, asOf, asOfKind, sums));

    const byTenant = new Map(freshness.map((f) => [f.tenantId, f]));
    return {
      asOf,
      asOfKind,
      tenants: tenants.map((t) => ({
        id: t.id,
        name: t.name,
        nameEn: t.nameEn,
        freshness: {
          position: byTenant.get(t.id)?.position ?? null,
          recordedAt: byTenant.get(t.id)?.recordedAt ?? null,
        },
      })),
      indicators: definitions.map((d) => ({
        code: d.code,
        labelPl: d.labelPl,
        labelEn: d.labelEn,
        unit: d.unit,
        decimals: d.decimals,
        rows: cells.get(d.code)!,
      })),
      series,
    };
  }

  private async tenantsFor(request: ComparisonRequest, scope: ComparisonScope) {
    const active = (await this.directory.list()).filter((t) => t.status === 'active');
    if (scope.kind === 'tenant') return active.filter((t) => t.id === scope.tenantId);
    if (!request.tenants) return active;
    const unknown = request.tenants.filter((id) => !active.some((t) => t.id === id));
    if (unknown.length) {
      throw new ValidationFailedException([{ field: 'tenants', reason: `unknown tenants: ${unknown.join(', ')}` }]);
    }
    return active.filter((t) => request.tenants!.includes(t.id));
  }
}

/**
 * The quarters of the series: as asked, else from the first to the last quarter with data; never
 * past the as-of day's quarter in business time. None when there is no data and nothing was asked.
 */
function seriesRange(
  request: ComparisonRequest,
  asOf: string,
  asOfKind: AsOfKind,
  sums: readonly { quarter: string }[],
): { from: string; to: string } | null {
  let [first, last]: (string | null)[] = [null, null];
  for (const { quarter } of sums) {
    if (first === null || quarter < first) first = quarter;
    if (last === null || quarter > last) last = quarter;
  }
  const from = request.from ? quarterOf(request.from) : first;
  let to = request.to ? quarterOf(request.to) : last;
  if (from === null || to === null) return null;
  if (asOfKind === 'business' && quarterOf(asOf) < to) to = quarterOf(asOf);
  return from <= to ? { from, to } : null;
}
