import type { ContenderName } from '../contenders';

/** What one timed run of a scenario gets: its own fresh database and one contender. */
export interface Job {
  readonly scenarioId: string;
  readonly contender: ContenderName;
  readonly url: string;
  readonly quick: boolean;
}

export interface Figures {
  readonly value: number;
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
}

/** A scenario the harness can run. Each `measure` call runs in a fresh process. */
export interface Scenario extends ScenarioInfo {
  readonly contenders: readonly ContenderName[];
  /** One timed run (warm-up included, excluded from the figure); returns the figure. */
  measure(job: Job): Promise<number>;
}

/** A scenario of the issue that has no implementation yet: reported, never run. */
export interface PendingScenario extends ScenarioInfo {
  readonly pending: string;
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
