/**
 * One signed change of a metric on a business day. `value` is in hundredths (money in grosze,
 * hours to the hundredth, days × 100), so sums and differences stay exact integers in memory and
 * in the table (written as decimals with two places).
 */
export interface Delta {
  readonly metric: string;
  /** A code splitting the metric (a sector, a body kind, an outcome) or ''. */
  readonly dimension: string;
  /** Business day (occurred_on). */
  readonly on: string;
  readonly value: number;
  readonly count: number;
}

export const delta = (metric: string, dimension: string, on: string, count: number, value = 0): Delta => ({
  metric,
  dimension,
  on,
  value,
  count,
});

/** A row of the metric cube: the deltas of one (metric, dimension, business day, record day). */
export interface CubeRow {
  readonly metric: string;
  readonly dimension: string;
  readonly occurredOn: string;
  readonly recordedOn: string;
  readonly value: number;
  readonly count: number;
}

/** Sums deltas by cube key in memory, so a batch ends in one upsert with distinct keys. */
export class DeltaSink {
  private readonly rows = new Map<string, { -readonly [K in keyof CubeRow]: CubeRow[K] }>();

  add(deltas: readonly Delta[], recordedOn: string, sign: 1 | -1 = 1): void {
    for (const d of deltas) {
      const key = `${d.metric}\u0000${d.dimension}\u0000${d.on}\u0000${recordedOn}`;
      const row = this.rows.get(key);
      if (row) {
        row.value += sign * d.value;
        row.count += sign * d.count;
      } else {
        this.rows.set(key, {
          metric: d.metric,
          dimension: d.dimension,
          occurredOn: d.on,
          recordedOn,
          value: sign * d.value,
          count: sign * d.count,
        });
      }
    }
  }

  /** The change `before` → `after` of one entity's contribution, recorded on `recordedOn`. */
  replace(before: readonly Delta[], after: readonly Delta[], recordedOn: string): void {
    this.add(before, recordedOn, -1);
    this.add(after, recordedOn, 1);
  }

  /** Non-zero rows, in a stable order. */
  result(): CubeRow[] {
    return [...this.rows.entries()]
      .filter(([, r]) => r.value !== 0 || r.count !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
  }
}

/** Hundredths as a decimal with two places: 150 → '1.50', -5 → '-0.05'. */
export function hundredthsToDecimal(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not a whole number of hundredths: ${value}`);
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A quantity given with at most two decimals (hours, PLN) in hundredths. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/**
 * A state over business time as deltas: +1 on `from`, −1 on the day after `to` (`to` is the
 * last day, inclusive; null while it lasts).
 */
export function span(metric: string, dimension: string, from: string, dayAfterEnd: string | null): Delta[] {
  if (dayAfterEnd !== null && dayAfterEnd <= from) return [];
  const out = [delta(metric, dimension, from, 1)];
  if (dayAfterEnd !== null) out.push(delta(metric, dimension, dayAfterEnd, -1));
  return out;
}

/**
 * A value that steps over business time (a target set, then set again): each change as the
 * difference from the value before. `points` in the order they take effect.
 */
export function steps(
  metric: string,
  dimension: string,
  points: readonly { readonly on: string; readonly value: number }[],
): Delta[] {
  const out: Delta[] = [];
  let previous = 0;
  for (const p of points) {
    if (p.value !== previous) out.push(delta(metric, dimension, p.on, 0, p.value - previous));
    previous = p.value;
  }
  return out;
}
