// The dashboard's state lives in the URL fragment (#/analyst?asOf=…), so a view can be shared by
// its address. Pure functions: no DOM, unit-tested in test/state.spec.ts.
import type { Lang } from './i18n';

export type View = 'analyst' | 'tenant';
export type AsOfKind = 'business' | 'record';

export interface Route {
  readonly view: View | null;
  readonly params: URLSearchParams;
}

/** The analyst's filters: exactly the comparison API's parameters, plus the chart's indicator. */
export interface AnalystFilters {
  readonly asOf?: string;
  readonly asOfKind: AsOfKind;
  readonly from?: string;
  readonly to?: string;
  readonly indicator?: string;
  readonly chart?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[a-z0-9-]{1,80}$/;

export const isDay = (value: string | null | undefined): value is string =>
  !!value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** `#token=…` (scripted sign-in): the token, else null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.trim() ? token.trim() : null;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const [path, query = ''] = body.split('?', 2);
  const view = path === 'analyst' || path === 'tenant' ? path : null;
  return { view, params: new URLSearchParams(query) };
}

export function toHash(view: View, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return `#/${view}${text ? `?${text}` : ''}`;
}

export function langOf(params: URLSearchParams): Lang {
  return params.get('lang') === 'en' ? 'en' : 'pl';
}

/** Filters from the URL; anything malformed is dropped rather than sent to the API. */
export function analystFilters(params: URLSearchParams): AnalystFilters {
  const day = (key: string) => (isDay(params.get(key)) ? params.get(key)! : undefined);
  const code = (key: string) => (CODE.test(params.get(key) ?? '') ? params.get(key)! : undefined);
  return {
    asOf: day('asOf'),
    asOfKind: params.get('asOfKind') === 'record' ? 'record' : 'business',
    from: day('from'),
    to: day('to'),
    indicator: code('indicator'),
    chart: code('chart'),
  };
}

/** The URL state of the analyst's view (defaults left out, so a shared address stays short). */
export function analystHash(filters: AnalystFilters, lang: Lang): string {
  return toHash('analyst', {
    asOf: filters.asOf,
    asOfKind: filters.asOfKind === 'record' ? 'record' : undefined,
    from: filters.from,
    to: filters.to,
    indicator: filters.indicator,
    chart: filters.chart,
    lang: lang === 'en' ? 'en' : undefined,
  });
}

/** GET /api/v1/comparison with the same filters: the JSON the view shows, or the file it exports. */
export function comparisonUrl(filters: AnalystFilters, format?: 'csv' | 'xlsx', lang?: Lang): string {
  const query = new URLSearchParams();
  if (filters.asOf) query.set('asOf', filters.asOf);
  query.set('asOfKind', filters.asOfKind);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  if (filters.indicator) query.set('indicator', filters.indicator);
  if (format) {
    query.set('format', format);
    query.set('lang', lang ?? 'pl');
  }
  return `/api/v1/comparison?${query.toString()}`;
}

/** Records whose event history a tenant admin can open, and where the API serves it. */
export const HISTORY_KINDS = ['programme', 'municipality', 'powiat', 'group', 'decision', 'site', 'case'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryRef {
  readonly kind: HistoryKind;
  readonly id: string;
}

export function parseHistoryRef(value: string | null): HistoryRef {
  const [kind, id = ''] = (value ?? '').split(':', 2);
  const known = (HISTORY_KINDS as readonly string[]).includes(kind) ? (kind as HistoryKind) : 'programme';
  return known === 'programme' || !/^[A-Za-z0-9-]{1,80}$/.test(id)
    ? { kind: 'programme', id: '' }
    : { kind: known, id };
}

export function historyPath(tenantId: string, ref: HistoryRef): string {
  const base = `/api/v1/tenants/${encodeURIComponent(tenantId)}`;
  const id = encodeURIComponent(ref.id);
  switch (ref.kind) {
    case 'programme':
      return `${base}/programme/history`;
    case 'municipality':
      return `${base}/territory/municipalities/${id}/history`;
    case 'powiat':
      return `${base}/territory/powiats/${id}/history`;
    case 'group':
      return `${base}/groups/${id}/history`;
    case 'decision':
      return `${base}/decisions/${id}/history`;
    case 'site':
      return `${base}/pilot/sites/${id}/history`;
    case 'case':
      return `${base}/pilot/cases/${id}/history`;
  }
}

export const positiveInt = (value: string | null, fallback = 1): number => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : fallback;
};
