/** Platform configuration, read once from the environment. See docs/configuration.md. */
export interface PlatformConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly host: string;
  /** Owner connection: migrations and the event store. */
  readonly databaseUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly projectionPollMs: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set (npm start sets it, starting an embedded PostgreSQL when needed)');
  }
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    kafkaBrokers: (env.KAFKA_BROKERS ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
    projectionPollMs: intFrom(env.PROJECTION_POLL_MS, 100, 'PROJECTION_POLL_MS'),
  };
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}
