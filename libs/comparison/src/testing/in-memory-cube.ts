import type { RecordedEvent } from '@kooperacja/platform';
import { applyBatch } from '../comparison-metrics/apply-batch';
import type { CubeRow } from '../comparison-metrics/deltas';
import type { StoredEntity } from '../comparison-metrics/entities';
import { HANDLED_EVENT_TYPES } from '../comparison-metrics/sources/route';

const HANDLED = new Set(HANDLED_EVENT_TYPES);

/**
 * The projection's tables in memory, for unit specs of the delta mapping: `apply` does what the
 * projection does in SQL (add deltas, drop rows summing to zero, store entity states).
 */
export class InMemoryCube {
  readonly rows = new Map<string, CubeRow>();
  readonly entities = new Map<string, StoredEntity>();

  /** Like the platform's worker, hands the projection only the event types it handles. */
  async apply(all: readonly RecordedEvent[]): Promise<this> {
    const events = all.filter((e) => HANDLED.has(e.type));
    const result = await applyBatch(events, async (keys) => {
      const found = new Map<string, StoredEntity>();
      for (const k of keys) {
        const e = this.entities.get(k);
        if (e) found.set(k, JSON.parse(JSON.stringify(e)) as StoredEntity);
      }
      return found;
    });
    for (const r of result.rows) {
      const key = [r.metric, r.dimension, r.occurredOn, r.recordedOn].join('|');
      const old = this.rows.get(key);
      const next = { ...r, value: r.value + (old?.value ?? 0), count: r.count + (old?.count ?? 0) };
      if (next.value === 0 && next.count === 0) this.rows.delete(key);
      else this.rows.set(key, next);
    }
    for (const [k, e] of result.entities) this.entities.set(k, JSON.parse(JSON.stringify(e)) as StoredEntity);
    return this;
  }

  /** Sum of counts (or values, in hundredths) of a metric within the time bounds. */
  sum(
    metric: string,
    options: { dimension?: string; occurredBy?: string; recordedBy?: string; of?: 'count' | 'value' } = {},
  ): number {
    let total = 0;
    for (const r of this.rows.values()) {
      if (r.metric !== metric) continue;
      if (options.dimension !== undefined && r.dimension !== options.dimension) continue;
      if (options.occurredBy && r.occurredOn > options.occurredBy) continue;
      if (options.recordedBy && r.recordedOn > options.recordedBy) continue;
      total += options.of === 'value' ? r.value : r.count;
    }
    return total;
  }

  /** The rows in a stable order, for comparing two cubes. */
  snapshot(): string[] {
    return [...this.rows.values()]
      .map((r) => `${r.metric}|${r.dimension}|${r.occurredOn}|${r.recordedOn}|${r.value}|${r.count}`)
      .sort();
  }
}
