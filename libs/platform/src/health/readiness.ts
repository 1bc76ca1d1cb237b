/** What `/health/ready` checks besides the database, and how much projection lag it tolerates. */
export interface ReadinessOptions {
  /** Kafka brokers the relay publishes to; empty: the broker is not checked. */
  readonly kafkaBrokers: readonly string[];
  /** Ready only while every projection partition is at most this many seconds behind. */
  readonly maxLagSeconds: number;
  /** How long one check may take before it counts as down. */
  readonly timeoutMs: number;
}

export const READINESS_OPTIONS = Symbol('READINESS_OPTIONS');

/** `READY_MAX_LAG_SECONDS` (default 300), `READY_TIMEOUT_MS` (default 3000), `KAFKA_BROKERS`. */
export function readinessFrom(env: NodeJS.ProcessEnv = process.env): ReadinessOptions {
  const number = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${value}"`);
    return n;
  };
  return {
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    maxLagSeconds: number(env.READY_MAX_LAG_SECONDS, 300, 'READY_MAX_LAG_SECONDS'),
    timeoutMs: number(env.READY_TIMEOUT_MS, 3_000, 'READY_TIMEOUT_MS'),
  };
}

/** Rejects when `work` takes longer than `ms`. */
export function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
