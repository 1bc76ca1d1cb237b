import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ContenderName } from './contenders';
import type { Machine } from './database';
import type { PendingScenario, Scenario } from './scenarios';
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
  readonly failures: string[];
}

export interface Results {
  readonly date: string;
  readonly mode: 'full' | 'quick';
  readonly machine: Machine;
  readonly scenarios: readonly ResultRow[];
}

export function measuredRow(scenario: Scenario, { figures: runs, failures }: Runs): ResultRow {
  const ours = runs.ours.length ? median(runs.ours) : null;
  const peer = runs.peer.length ? median(runs.peer) : null;
  const limit = runs.limit.length ? median(runs.limit) : null;
  const ratio = (other: number | null) => (ours !== null && other ? ours / other : null);
  const ratios = { ratioToPeer: ratio(peer), ratioToLimit: ratio(limit) };
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
    target: scenario.target.text,
    // A run of ours that failed or ran out of time misses the target too.
    met:
      ours === null || failures.some((f) => f.startsWith('ours'))
        ? false
        : scenario.target.met({ value: ours, ...ratios }),
    note: failures.length ? `${failures.length} run(s) failed` : null,
    runs,
    failures,
  };
}

export function pendingRow(scenario: PendingScenario): ResultRow {
  return {
    id: scenario.id,
    title: scenario.title,
    unit: scenario.unit,
    value: null,
    min: null,
    max: null,
    peer: null,
    limit: null,
    ratioToPeer: null,
    ratioToLimit: null,
    target: scenario.target.text,
    met: null,
    note: scenario.pending,
    runs: { ours: [], peer: [], limit: [] },
    failures: [],
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
