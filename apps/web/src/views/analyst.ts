// The analysts' view: the macroregions side by side, charts, filters kept in the URL, export.
import { html, nothing, type TemplateResult } from 'lit';
import type { ChartOption } from '../charts';
import { formatInstant, formatNumber, formatPercent } from '../format';
import { codeLabel, type Lang, type Messages } from '../i18n';
import type { AnalystFilters } from '../state';
import type { Comparison, Indicator, IndicatorRow } from '../types';
import { columnHeaders, scrollable } from './common';

export interface AnalystModel {
  readonly lang: Lang;
  readonly t: Messages;
  readonly filters: AnalystFilters;
  readonly data: Comparison | null;
  /** Every indicator (code and labels), for the filter, whatever the current filter keeps. */
  readonly catalogue: readonly Indicator[];
}

export interface AnalystActions {
  apply(filters: AnalystFilters): void;
  reset(): void;
  exportAs(format: 'csv' | 'xlsx'): void;
  chart(code: string): void;
}

const label = (lang: Lang, i: Pick<Indicator, 'labelPl' | 'labelEn'>) => (lang === 'pl' ? i.labelPl : i.labelEn);
/** "Institutions in the partnership bodies: Education" → "Education" */
const shortLabel = (lang: Lang, i: Indicator) => label(lang, i).split(': ').pop()!;
const tenantName = (lang: Lang, data: Comparison, id: string) => {
  const tenant = data.tenants.find((t) => t.id === id);
  return tenant ? (lang === 'pl' ? tenant.name : tenant.nameEn) : id;
};

function filtersForm(m: AnalystModel, a: AnalystActions): TemplateResult {
  const { t, filters } = m;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (key: string) => String(form.get(key) ?? '').trim() || undefined;
    a.apply({
      asOf: text('asOf'),
      asOfKind: form.get('asOfKind') === 'record' ? 'record' : 'business',
      from: text('from'),
      to: text('to'),
      indicator: text('indicator'),
      chart: filters.chart,
    });
  };
  return html`<form class="filters" aria-labelledby="filters-title" @submit=${submit}>
    <h2 id="filters-title">${t.filters}</h2>
    <div class="fields">
      <label for="f-asOf">${t.asOf}</label>
      <input id="f-asOf" name="asOf" type="date" .value=${filters.asOf ?? m.data?.asOf ?? ''} />
      <label for="f-asOfKind">${t.asOfKind}</label>
      <select id="f-asOfKind" name="asOfKind" .value=${filters.asOfKind}>
        <option value="business" ?selected=${filters.asOfKind === 'business'}>${t.business}</option>
        <option value="record" ?selected=${filters.asOfKind === 'record'}>${t.record}</option>
      </select>
      <label for="f-from">${t.from}</label>
      <input id="f-from" name="from" type="date" .value=${filters.from ?? ''} />
      <label for="f-to">${t.to}</label>
      <input id="f-to" name="to" type="date" .value=${filters.to ?? ''} />
      <label for="f-indicator">${t.indicator}</label>
      <select id="f-indicator" name="indicator">
        <option value="" ?selected=${!filters.indicator}>${t.allIndicators}</option>
        ${m.catalogue.map(
          (i) => html`<option value=${i.code} ?selected=${filters.indicator === i.code}>${label(m.lang, i)}</option>`,
        )}
      </select>
    </div>
    <div class="buttons">
      <button type="submit">${t.apply}</button>
      <button type="button" class="secondary" @click=${a.reset}>${t.reset}</button>
    </div>
  </form>`;
}

function exportBar(m: AnalystModel, a: AnalystActions): TemplateResult {
  return html`<section class="export" aria-labelledby="export-title">
    <h2 id="export-title">${m.t.exportTitle}</h2>
    <button type="button" data-export="csv" @click=${() => a.exportAs('csv')}>${m.t.exportCsv}</button>
    <button type="button" data-export="xlsx" @click=${() => a.exportAs('xlsx')}>${m.t.exportXlsx}</button>
  </section>`;
}

function freshness(m: AnalystModel, data: Comparison): TemplateResult {
  const { t, lang } = m;
  return html`<section aria-labelledby="freshness-title">
    <h2 id="freshness-title">${t.freshness}</h2>
    <p>
      ${t.asOfShown}: <strong data-as-of>${data.asOf}</strong> (${data.asOfKind === 'record' ? t.record : t.business})
    </p>
    <table class="freshness">
      ${columnHeaders([t.tenant, t.lastRecorded, t.position])}
      <tbody>
        ${data.tenants.map(
          (tenant) =>
            html`<tr data-freshness=${tenant.id}>
              <th scope="row">${lang === 'pl' ? tenant.name : tenant.nameEn}</th>
              <td data-recorded-at=${tenant.freshness.recordedAt ?? ''}>
                ${tenant.freshness.recordedAt ? formatInstant(tenant.freshness.recordedAt, lang) : t.noData}
              </td>
              <td>${tenant.freshness.position ?? t.noData}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

function cell(code: string, row: IndicatorRow | undefined, field: 'target' | 'actual' | 'percent', text: string) {
  const value = row?.[field];
  return html`<td data-cell="${code}/${row?.tenantId}/${field}" data-value=${value ?? ''}>${text}</td>`;
}

function indicatorsTable(m: AnalystModel, data: Comparison): TemplateResult {
  const { t, lang } = m;
  return html`<section aria-labelledby="indicators-title">
    <h2 id="indicators-title">${t.indicatorsTitle}</h2>
    ${scrollable(
      `${t.table}: ${t.indicatorsTitle}`,
      html` <table class="indicators">
        <thead>
          <tr>
            <th scope="col" rowspan="2">${t.indicator}</th>
            <th scope="col" rowspan="2">${t.unit}</th>
            ${data.tenants.map((tenant) => html`<th scope="colgroup" colspan="3">${tenantName(lang, data, tenant.id)}</th>`)}
          </tr>
          <tr>
            ${data.tenants.map(
              () =>
                html`<th scope="col">${t.target}</th>
                  <th scope="col">${t.actual}</th>
                  <th scope="col">${t.percent}</th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${data.indicators.map(
            (indicator) =>
              html`<tr data-indicator=${indicator.code}>
                <th scope="row">${label(lang, indicator)}</th>
                <td>${codeLabel(lang, indicator.unit)}</td>
                ${data.tenants.map((tenant) => {
                  const row = indicator.rows.find((r) => r.tenantId === tenant.id);
                  return html`${cell(indicator.code, row, 'target', formatNumber(row?.target, indicator.decimals, lang))}
                  ${cell(indicator.code, row, 'actual', formatNumber(row?.actual, indicator.decimals, lang))}
                  ${cell(indicator.code, row, 'percent', formatPercent(row?.percent, lang))}`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>`,
    )}
  </section>`;
}

/** The indicator the time chart shows: the one asked for, else the filter's, else a useful default. */
export function chartIndicator(m: AnalystModel): Indicator | undefined {
  const indicators = m.data?.indicators ?? [];
  const wanted = [m.filters.chart, m.filters.indicator, 'jst-in-pilot'];
  return wanted.map((code) => indicators.find((i) => i.code === code)).find(Boolean) ?? indicators[0];
}

function figure(id: string, title: string, chart: ChartOption | undefined, m: AnalystModel, extra: unknown = nothing) {
  return html`<figure class="chart-figure" aria-labelledby="${id}-title">
    <figcaption id="${id}-title">${title}</figcaption>
    ${extra}
    ${chart ? html`<div class="chart" data-chart=${id} role="img"></div>` : html`<p class="muted">${m.t.notInView}</p>`}
  </figure>`;
}

function charts(m: AnalystModel, a: AnalystActions, options: Map<string, ChartOption>): TemplateResult {
  const { t, lang } = m;
  const selected = chartIndicator(m);
  const picker = html`<label for="chart-indicator">${t.chartIndicator}</label>
    <select id="chart-indicator" @change=${(e: Event) => a.chart((e.target as HTMLSelectElement).value)}>
      ${(m.data?.indicators ?? []).map(
        (i) => html`<option value=${i.code} ?selected=${selected?.code === i.code}>${label(lang, i)}</option>`,
      )}
    </select>`;
  return html`<section aria-labelledby="charts-title">
    <h2 id="charts-title">${t.chartsTitle}</h2>
    <p class="muted">${t.chartTableNote}</p>
    <div class="charts">
      ${figure('series', t.chartSeries, options.get('series'), m, picker)}
      ${figure('sectors', t.chartSectors, options.get('sectors'), m)}
      ${figure('group-sizes', t.chartGroupSizes, options.get('group-sizes'), m)}
      ${figure('success', t.chartSuccess, options.get('success'), m)}
    </div>
  </section>`;
}

export function analystView(m: AnalystModel, a: AnalystActions, options: Map<string, ChartOption>): TemplateResult {
  return html`${filtersForm(m, a)} ${exportBar(m, a)}
  ${m.data ? html`${freshness(m, m.data)} ${indicatorsTable(m, m.data)} ${charts(m, a, options)}` : nothing}`;
}

// ---- chart options -------------------------------------------------------------------------

const tooltipFormatter = (decimals: number, lang: Lang) => (value: unknown) =>
  typeof value === 'number' ? formatNumber(value, decimals, lang) : '—';

function describe(title: string, data: Comparison, lang: Lang): string {
  return `${title}: ${data.tenants.map((tn) => tenantName(lang, data, tn.id)).join(', ')}.`;
}

function seriesChart(m: AnalystModel, data: Comparison): ChartOption | undefined {
  const indicator = chartIndicator(m);
  if (!indicator) return undefined;
  const points = data.series.filter((p) => p.code === indicator.code);
  const quarters = [...new Set(points.map((p) => p.quarter))].sort();
  if (quarters.length === 0) return undefined;
  const lines = data.tenants.flatMap((tenant) => {
    const at = new Map(points.filter((p) => p.tenantId === tenant.id).map((p) => [p.quarter, p]));
    const name = tenantName(m.lang, data, tenant.id);
    const actual = { name, type: 'line', data: quarters.map((q) => at.get(q)?.value ?? null), connectNulls: false };
    const targets = quarters.map((q) => at.get(q)?.target ?? null);
    return targets.some((v) => v !== null)
      ? [
          actual,
          {
            name: `${m.t.target} — ${name}`,
            type: 'line',
            data: targets,
            lineStyle: { type: 'dashed' },
            symbol: 'none',
          },
        ]
      : [actual];
  });
  return {
    aria: {
      enabled: true,
      label: { description: describe(`${m.t.chartSeries} — ${label(m.lang, indicator)}`, data, m.lang) },
    },
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter(indicator.decimals, m.lang) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: 60, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: quarters },
    yAxis: { type: 'value', name: codeLabel(m.lang, indicator.unit) },
    series: lines,
  };
}

function barsPerTenant(
  m: AnalystModel,
  data: Comparison,
  indicators: readonly Indicator[],
  title: string,
  horizontal: boolean,
  extraSeries: object[] = [],
): ChartOption | undefined {
  if (indicators.length === 0) return undefined;
  const categories = indicators.map((i) => shortLabel(m.lang, i));
  const decimals = Math.max(...indicators.map((i) => i.decimals));
  const category = { type: 'category', data: categories, axisLabel: { width: 160, overflow: 'truncate' } };
  const value = { type: 'value' };
  return {
    aria: { enabled: true, label: { description: describe(title, data, m.lang) } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter(decimals, m.lang) },
    legend: { type: 'scroll', bottom: 0 },
    grid: { left: horizontal ? 170 : 50, right: 20, top: 20, bottom: 60 },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      ...data.tenants.map((tenant) => ({
        name: tenantName(m.lang, data, tenant.id),
        type: 'bar',
        data: indicators.map((i) => i.rows.find((r) => r.tenantId === tenant.id)?.actual ?? null),
      })),
      ...extraSeries,
    ],
  };
}

function successChart(m: AnalystModel, data: Comparison): ChartOption | undefined {
  const kinds = [
    { code: 'plan-success-rate', name: m.t.casesCounted },
    { code: 'reported-plan-success-rate', name: m.t.reported },
  ]
    .map((k) => ({ ...k, indicator: data.indicators.find((i) => i.code === k.code) }))
    .filter((k) => k.indicator);
  if (kinds.length === 0) return undefined;
  return {
    aria: { enabled: true, label: { description: describe(m.t.chartSuccess, data, m.lang) } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipFormatter(1, m.lang) },
    legend: { bottom: 0 },
    grid: { left: 50, right: 20, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: data.tenants.map((tn) => tenantName(m.lang, data, tn.id)) },
    yAxis: { type: 'value', max: 100, name: '%' },
    series: kinds.map((k) => ({
      name: k.name,
      type: 'bar',
      data: data.tenants.map((tn) => k.indicator!.rows.find((r) => r.tenantId === tn.id)?.actual ?? null),
    })),
  };
}

/** Options of the four charts for the data on screen; a chart whose indicators are filtered out has none. */
export function analystCharts(m: AnalystModel): Map<string, ChartOption> {
  const options = new Map<string, ChartOption>();
  const data = m.data;
  if (!data) return options;
  const add = (id: string, option: ChartOption | undefined) => option && options.set(id, option);
  add('series', seriesChart(m, data));
  const sectors = data.indicators.filter((i) => i.code.startsWith('institutions-sector-'));
  add('sectors', barsPerTenant(m, data, sectors, m.t.chartSectors, true));
  const sizes = data.indicators.filter(
    (i) => i.code.startsWith('group-size-') && i.rows.some((r) => r.actual !== null || r.target !== null),
  );
  const norms = {
    name: m.t.norm,
    type: 'scatter',
    symbol: 'diamond',
    symbolSize: 14,
    data: sizes.map((i) => i.rows.find((r) => r.target !== null)?.target ?? null),
  };
  add('group-sizes', barsPerTenant(m, data, sizes, m.t.chartGroupSizes, true, [norms]));
  add('success', successChart(m, data));
  return options;
}
