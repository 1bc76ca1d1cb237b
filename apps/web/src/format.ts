// Numbers and times as the dashboard shows them. Pure: the browser test formats the API's
// numbers with the same functions to compare them with the page.
import type { Lang } from './i18n';

const locale = (lang: Lang) => (lang === 'pl' ? 'pl-PL' : 'en-GB');

/** A value rounded by the API to `decimals` places, shown with exactly that many. */
export function formatNumber(value: number | null | undefined, decimals: number, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** A percentage as the API gives it (one decimal at most), e.g. "84,5 %". */
export function formatPercent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}

/** An instant in Poland's time, e.g. "23.11.2026, 18:24:22". */
export function formatInstant(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale(lang), {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Warsaw',
  }).format(new Date(iso));
}
