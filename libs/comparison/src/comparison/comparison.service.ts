import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
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
import { readFreshness, readQuarterSums, type TenantFreshness } from '../comparison-metrics/comparison-metrics.query';
import { evaluate, type IndicatorCell, type QuarterSum, type SeriesPoint } from './comparison.maths';
import { INDICATOR_DEFINITIONS, metricsRead, type IndicatorDefinition, type Unit } from './indicators';

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

interface TenantInfo {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

/** Who asks: an analyst (every tenant, aggregate scope) or a tenant's user (that tenant only). */
export type ComparisonScope = { readonly kind: 'analyst' } | { readonly kind: 'tenant'; readonly tenantId: string };

@Injectable()
export class ComparisonService {
  /** Answers by question and freshness; a few hundred kB each at most. */
  private readonly answers = new LRUCache<string, ComparisonResult>({ max: 64 });

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

    // The answer is a function of the question and of how far the cube goes per tenant: with the
    // same freshness (the last event applied, written with every batch) it is the same answer.
    const read = async (em: EntityManager): Promise<ComparisonResult> => {
      const freshness = await readFreshness(em, ids);
      const key = JSON.stringify([
        scope,
        asOf,
        asOfKind,
        request.from,
        request.to,
        tenants,
        definitions.map((d) => d.code),
        freshness,
      ]);
      const known = this.answers.get(key);
      if (known) return known;
      const sums = await readQuarterSums(em, {
        tenants: ids,
        ...(asOfKind === 'business' ? { occurredBy: asOf } : { recordedBy: asOf }),
        ...(request.indicator ? { metrics: metricsRead(definitions) } : {}),
      });
      const answer = this.answer(asOf, asOfKind, tenants, definitions, freshness, sums, request);
      this.answers.set(key, answer);
      return answer;
    };
    return scope.kind === 'tenant'
      ? inTenant(this.dataSource, scope.tenantId, read)
      : inAggregateScope(this.dataSource, read);
  }

  private answer(
    asOf: string,
    asOfKind: AsOfKind,
    tenants: readonly TenantInfo[],
    definitions: readonly IndicatorDefinition[],
    freshness: readonly TenantFreshness[],
    sums: readonly QuarterSum[],
    request: ComparisonRequest,
  ): ComparisonResult {
    const ids = tenants.map((t) => t.id);
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

  private async tenantsFor(request: ComparisonRequest, scope: ComparisonScope): Promise<TenantInfo[]> {
    const active = (await this.directory.list())
      .filter((t) => t.status === 'active')
      .map(({ id, name, nameEn }) => ({ id, name, nameEn }));
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
