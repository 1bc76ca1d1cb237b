import { conflict, invalid } from '@kooperacja/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

export function uuid(value: unknown, field: string, code: string): string {
  if (!isUuid(value)) throw invalid(code, `${field} must be a UUID`, field);
  return value.toLowerCase();
}

/** The calendar day of an ISO date or date-time; refuses 2019-02-30 and other non-days. */
export function dayOf(value: unknown, field: string): string {
  const m = typeof value === 'string' ? DAY.exec(value) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return `${m[1]}-${m[2]}-${m[3]}`;
  }
  throw invalid('date.invalid', `${field} must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(value)}`, field);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Trimmed, non-empty text of at most `max` characters. */
export function text(value: unknown, field: string, code: string, max: number): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t.length === 0 || t.length > max) throw invalid(code, `${field} is required, at most ${max} characters`, field);
  return t;
}

/** A tenant editor may act only on bodies in the voivodeships of their token. */
export function assertVoivodeshipAllowed(voivodeship: string, allowed: readonly string[] | undefined): void {
  if (allowed === undefined) return;
  const mine = voivodeship.toLocaleLowerCase('pl');
  if (!allowed.some((v) => v.trim().toLocaleLowerCase('pl') === mine)) {
    throw conflict('voivodeship.forbidden', `this body is in ${voivodeship}, outside the voivodeships you may edit`);
  }
}
