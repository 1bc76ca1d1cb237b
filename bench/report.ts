import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ContenderName } from './contenders';
import type { Machine } from './database';
import type { Scenario } from './scenarios';
import { median } from './stats';

/** One scenario in bench/results/latest.json; null where there is no figure. */
export interface ResultRow {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly value: number | null;
  readonly min: number | null;
  readonly max: number | null;
  readonly peer: number | null;
  readonly limit: number | null;
  /** ours / peer and ours / limit, from the medians (for latencies, lower is better). */
  readonly ratioToPeer: number | null;
  readonly ratioToLimit: number | null;
  /** Medians of ours' secondary figures (percentiles, peak memory, sizes); {} when none. */
  readonly details: Readonly<Record<string, number>>;
  readonly target: string;
  readonly met: boolean | null;
  /** Why there is no figure, e.g. "not yet available". */
  readonly note: string | null;
  /** Every run's figure, in run order. */
  readonly runs: Readonly<Record<ContenderName, readonly number[]>>;
  /** Runs that failed or were stopped, e.g. "ours, run 2: stopped after 20 min". */
  readonly failures: readonly string[];
}

export interface Runs {
  readonly figures: Record<ContenderName, number[]>;
  /** Ours' secondary figures, one record per run. */
  readonly details: Record<string, number>[];
  readonly failures: string[];
}

export interface Results {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly machine: Machine;
  readonly scenarios: readonly ResultRow[];
}

export function measuredRow(scenario: Scenario, { figures: runs, details: runDetails, failures }: Runs): ResultRow {
  const ours = runs.ours.length ? median(runs.ours) : null;
  const peer = runs.peer.length ? median(runs.peer) : null;
  const limit = runs.limit.length ? median(runs.limit) : null;
  const ratio = (other: number | null) => (ours !== null && other ? ours / other : null);
  const ratios = { ratioToPeer: ratio(peer), ratioToLimit: ratio(limit) };
  const details = medians(runDetails);
  return {
    id: scenario.id,
    title: scenario.title,
    unit: scenario.unit,
    value: ours,
    min: ours === null ? null : Math.min(...runs.ours),
    max: ours === null ? null : Math.max(...runs.ours),
    peer,
    limit,
    ...ratios,
    details,
    target: scenario.target.text,
    // A run of ours that failed or ran out of time misses the target too.
    met:
      ours === null || failures.some((f) => f.startsWith('ours'))
        ? false
        : scenario.target.met({ value: ours, details, ...ratios }),
    note: failures.length ? `${failures.length} run(s) failed` : null,
    runs,
    failures,
  };
}

export function markdownTable(rows: readonly ResultRow[]): string {
  const header = [
    'scenario',
    'unit',
    'ours (median, min–max)',
    'peer',
    'limit',
    'ours/peer',
    'ours/limit',
    'also (ours, median)',
    'target',
    'met',
  ];
  const lines = rows.map((r) =>
    r.value === null
      ? [
          `${r.id}. ${r.title}`,
          r.unit,
          r.note ?? '—',
          fmt(r.peer, r.unit),
          fmt(r.limit, r.unit),
          '—',
          '—',
          '—',
          r.target,
          met(r.met),
        ]
      : [
          `${r.id}. ${r.title}`,
          r.unit,
          `${fmt(r.value, r.unit)} (${fmt(r.min, r.unit)}–${fmt(r.max, r.unit)})${r.note ? `; ${r.note}` : ''}`,
          fmt(r.peer, r.unit),
          fmt(r.limit, r.unit),
          ratio(r.ratioToPeer),
          ratio(r.ratioToLimit),
          describe(r.details),
          r.target,
          met(r.met),
        ],
  );
  return [header, header.map(() => '---'), ...lines].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

export function writeResults(path: string, results: Results): void {
  mkdirSync(dirname(path), { recursive: true });
  // Three decimals are more than the noise allows; the rest would only make diffs noisy.
  const rounded = (_key: string, value: unknown) =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
  writeFileSync(path, `${JSON.stringify(results, rounded, 2)}\n`);
}

export function fmt(value: number | null, unit: string): string {
  if (value === null) return '—';
  return unit.startsWith('ms') ? value.toFixed(2) : Math.round(value).toLocaleString('en-US');
}

function met(value: boolean | null): string {
  return value === null ? '—' : value ? 'yes' : 'no';
}

function ratio(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(2)}×`;
}

/** Per key, the median over the runs that reported it. */
function medians(runs: readonly Record<string, number>[]): Record<string, number> {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r)))];
  return Object.fromEntries(keys.map((k) => [k, median(runs.flatMap((r) => (k in r ? [r[k]] : [])))]));
}

/** e.g. "p50 3.10 ms, p99 21.40 ms, peak 310 MB". */
function describe(details: Readonly<Record<string, number>>): string {
  const parts = Object.entries(details).map(([key, value]) => {
    if (/^p\d+$/.test(key)) return `${key} ${value.toFixed(2)} ms`;
    if (key === 'peakMemoryMb') return `peak ${Math.round(value)} MB`;
    if (key === 'seconds') return `${value.toFixed(1)} s`;
    return `${key} ${Math.round(value).toLocaleString('en-US')}`;
  });
  return parts.length ? parts.join(', ') : '—';
}
