'use strict';

/**
 * The consumer's logic without Kafka: deduplicate on `ce_id`, then count events per macroregion
 * (tenant) and type. Kept apart from consumer.js so it can be tested and reused.
 */

/** Remembers the `ce_id`s seen. In production keep them where your effects are (same transaction). */
class Deduplicator {
  constructor(limit = 1_000_000) {
    this.limit = limit;
    this.seen = new Set();
  }

  /** True the first time an id is offered, false for every redelivery. */
  firstTime(id) {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // Forget the oldest ids past the limit: redeliveries come soon after the original.
    if (this.seen.size > this.limit) this.seen.delete(this.seen.values().next().value);
    return true;
  }
}

/** Header values from kafkajs (Buffers) or any client (strings) as strings. */
function headersOf(message) {
  const out = {};
  for (const [name, value] of Object.entries(message.headers || {})) {
    out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return out;
}

class MacroregionTally {
  constructor(dedupe = new Deduplicator()) {
    this.dedupe = dedupe;
    /** tenant -> type -> count */
    this.counts = new Map();
    this.duplicates = 0;
    this.total = 0;
  }

  /**
   * Takes a Kafka record ({ key, value, headers }); returns 'counted', or 'duplicate' for a
   * redelivered event (same ce_id), which changes nothing.
   */
  accept(message) {
    const h = headersOf(message);
    if (h.ce_specversion !== '1.0' || !h.ce_id || !h.ce_type) throw new Error('not a CloudEvent in binary mode');
    if (!this.dedupe.firstTime(h.ce_id)) {
      this.duplicates++;
      return 'duplicate';
    }
    const tenant = h.ce_tenantid || h.ce_source;
    const type = h.ce_type.replace(/^pl\.kooperacja\./, '');
    const perType = this.counts.get(tenant) || new Map();
    perType.set(type, (perType.get(type) || 0) + 1);
    this.counts.set(tenant, perType);
    this.total++;
    return 'counted';
  }

  /** { mr1: { 'groups.member-joined.v1': 3, ... }, ... }, tenants and types sorted. */
  toJSON() {
    const out = {};
    for (const tenant of [...this.counts.keys()].sort()) {
      const perType = this.counts.get(tenant);
      out[tenant] = Object.fromEntries([...perType.keys()].sort().map((t) => [t, perType.get(t)]));
    }
    return out;
  }

  /** One line per macroregion, e.g. `mr1  12 events  groups.member-joined.v1=5 pilot.case-enrolled.v1=7`. */
  lines() {
    return Object.entries(this.toJSON()).map(([tenant, perType]) => {
      const n = Object.values(perType).reduce((a, b) => a + b, 0);
      const detail = Object.entries(perType)
        .map(([t, c]) => `${t}=${c}`)
        .join(' ');
      return `${tenant.padEnd(6)} ${String(n).padStart(6)} events  ${detail}`;
    });
  }
}

module.exports = { Deduplicator, MacroregionTally, headersOf };
