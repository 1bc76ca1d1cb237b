import type { ContenderName } from '../contenders';
import type { FixtureName } from '../fixtures';

/** What one timed run of a scenario gets: its own fresh database and one contender. */
export interface Job {
  readonly scenarioId: string;
  readonly contender: ContenderName;
  /** A fresh database: empty, or a copy of the scenario's fixture. */
  readonly url: string;
  readonly quick: boolean;
  /** Kafka brokers, for the scenarios that need one (the runner starts one when none is given). */
  readonly kafkaBrokers?: string;
}

/** What a run reports: the figure, and secondary figures such as percentiles or peak memory. */
export interface Measurement {
  readonly value: number;
  /** e.g. `{ p50: 1.2, p99: 8.4 }` or `{ peakMemoryMb: 310 }`; the report shows their medians. */
  readonly details?: Readonly<Record<string, number>>;
}

export interface Figures {
  readonly value: number;
  /** Medians of ours' secondary figures over its runs. */
  readonly details: Readonly<Record<string, number>>;
  readonly ratioToPeer: number | null;
  readonly ratioToLimit: number | null;
}

export interface Target {
  /** As printed, e.g. "≥2× peer, ≥0.75× limit". */
  readonly text: string;
  /** Null when a figure it needs is missing (e.g. the peer's runs failed). */
  readonly met: (figures: Figures) => boolean | null;
}

interface ScenarioInfo {
  readonly id: string;
  readonly title: string;
  /** e.g. "events/s"; latencies in "ms" are lower-is-better. */
  readonly unit: string;
  readonly target: Target;
  /** A database every run starts from a copy of (built once per `npm run bench`), e.g. 1M events. */
  readonly fixture?: FixtureName;
  /** Needs a Kafka broker. */
  readonly kafka?: boolean;
  /** Node flags of the worker process, e.g. the heap a deployment gives the process measured. */
  readonly execArgv?: readonly string[];
}

/** A scenario the harness can run. Each `measure` call runs in a fresh process. */
export interface Scenario extends ScenarioInfo {
  readonly contenders: readonly ContenderName[];
  /** One timed run (warm-up included, excluded from the figure); returns the figure. */
  measure(job: Job): Promise<number | Measurement>;
}

export const ALL_CONTENDERS: readonly ContenderName[] = ['ours', 'peer', 'limit'];

/** `ours / peer ≥ toPeer` and `ours / limit ≥ toLimit`, for throughputs. */
export function atLeast(toPeer: number, toLimit: number): Target {
  return {
    text: `≥${toPeer}× peer, ≥${toLimit}× limit`,
    met: (f) =>
      f.ratioToPeer === null || f.ratioToLimit === null ? null : f.ratioToPeer >= toPeer && f.ratioToLimit >= toLimit,
  };
}
