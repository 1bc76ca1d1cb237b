import { invalid } from '@kooperacja/platform';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The calendar day of an ISO date or date-time, as written (no time-zone shift: a fact dated
 * 2020-03-01T23:30+01:00 happened on 2020-03-01 where it happened).
 */
export function businessDay(value: unknown, field = 'occurredAt'): string {
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw invalid('date.invalid', `${field} must be an ISO date (YYYY-MM-DD) or date-time`, field);
  }
  return value!.toString().slice(0, 10);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= lengths[month - 1];
}

const MS_PER_DAY = 86_400_000;

/** Whole days from one business day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / MS_PER_DAY);
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
}

/** The mean Gregorian month (365.2425 / 12 days): months as analysts average them. */
const DAYS_PER_MONTH = 30.436875;

/** Months between two business days, to one decimal place. */
export function monthsBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / DAYS_PER_MONTH) * 10) / 10;
}
