const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of a business date as written (`YYYY-MM-DD`, or the day part of a date-time). */
export function dayOf(value: string): string {
  const day = value.slice(0, 10);
  if (!ISO_DAY.test(day)) throw new RangeError(`not a business date: "${value}"`);
  return day;
}

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Mean Gregorian month, as the pilot context counts months. */
export const DAYS_PER_MONTH = 365.2425 / 12;

const warsaw = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const recordDays = new Map<number, string>();

/**
 * The day, in Poland, on which the store recorded an event: record time is asked about as "the
 * data as it stood on a day", and the people asking are in Poland. Cached per hour (time-zone
 * changes fall on whole hours).
 */
export function recordDayOf(recordedAt: Date): string {
  const hour = Math.floor(recordedAt.getTime() / 3_600_000);
  let day = recordDays.get(hour);
  if (day === undefined) {
    day = warsaw.format(recordedAt);
    if (recordDays.size > 10_000) recordDays.clear();
    recordDays.set(hour, day);
  }
  return day;
}

/** Today in Poland. */
export function todayInPoland(now = new Date()): string {
  return warsaw.format(now);
}

/** '2019-08-14' → '2019-07-01'. */
export function quarterStart(day: string): string {
  return `${day.slice(0, 4)}-${String(Math.floor((Number(day.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
}

/** '2019-08-14' → '2019-Q3'. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** '2019-Q3' → '2019-09-30'. */
export function quarterEnd(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return addDays(`${q === 4 ? year + 1 : year}-${String(q === 4 ? 1 : q * 3 + 1).padStart(2, '0')}-01`, -1);
}

/** '2019-Q3' → '2019-Q4'; '2019-Q4' → '2020-Q1'. */
export function nextQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** Every quarter from `from` to `to`, both included. */
export function quartersBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let q = from; q <= to; q = nextQuarter(q)) out.push(q);
  return out;
}
