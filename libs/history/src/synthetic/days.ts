import type { Random } from './prng';

const DAY_MS = 86_400_000;

const ms = (day: string) => Date.parse(`${day}T00:00:00Z`);
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return iso(ms(day) + Math.round(days) * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}

export const minDay = (a: string, b: string) => (a < b ? a : b);
export const maxDay = (a: string, b: string) => (a > b ? a : b);

/** A day drawn in [from, to]; `from` when the range is empty. */
export function dayIn(rng: Random, from: string, to: string): string {
  const span = daysBetween(from, to);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

/** Moves a Saturday or Sunday back to Friday, unless that falls before `notBefore`. */
export function workday(day: string, notBefore: string): string {
  const weekday = new Date(ms(day)).getUTCDay();
  const back = weekday === 6 ? 1 : weekday === 0 ? 2 : 0;
  const friday = addDays(day, -back);
  return back && friday >= notBefore ? friday : day;
}

/** `count` days spread over [from, to], each jittered within its share, in order. */
export function spread(rng: Random, from: string, to: string, count: number): string[] {
  const span = Math.max(0, daysBetween(from, to));
  const days: string[] = [];
  for (let k = 0; k < count; k++) {
    const lo = Math.floor((span * k) / count);
    const hi = Math.max(lo, Math.floor((span * (k + 1)) / count) - 1);
    days.push(workday(addDays(from, rng.int(lo, hi)), from));
  }
  return days.sort();
}
