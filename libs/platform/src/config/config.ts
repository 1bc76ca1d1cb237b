import { join } from 'node:path';

/** Platform configuration, read once from the environment. See docs/configuration.md. */
export interface PlatformConfig {
  readonly nodeEnv: string;
  readonly port: number;
  readonly host: string;
  /** Owner connection: migrations, the event store, the projector. */
  readonly databaseUrl: string;
  /**
   * Application connection for tenant read models: a role that owns no table and cannot
   * bypass row-level security (see docs/security.md).
   */
  readonly databaseAppUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly projectionPollMs: number;
  readonly auth: AuthConfig;
  readonly http: HttpConfig;
  /** Where offboarding writes a tenant's exported events. */
  readonly exportDir: string;
}

export type AuthMode = 'dev' | 'oidc';

/** Token verification settings (docs/security.md). */
export interface AuthConfig {
  readonly mode: AuthMode;
  readonly issuer: string;
  readonly audience: string;
  /** Asymmetric algorithms only; the verifier accepts nothing else. */
  readonly algorithms: readonly string[];
  /** OIDC: the provider's JWKS endpoint. */
  readonly jwksUrl?: string;
  /** Dev: where the locally generated signing key lives. */
  readonly devKeysDir: string;
  /** Claim names (dotted paths allowed, e.g. `resource_access.kooperacja-api.roles`). */
  readonly claims: { readonly roles: string; readonly tenant: string; readonly voivodeships: string };
  readonly clockToleranceSeconds: number;
}

export interface HttpConfig {
  /** Allowed CORS origins; empty: no cross-origin access. */
  readonly corsOrigins: readonly string[];
  /** Requests per minute per token subject (per IP for anonymous requests). */
  readonly rateLimitPerMinute: number;
  readonly bodyLimit: string;
}

export const DEFAULT_APP_ROLE = 'kooperacja_app';
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$/;

export function readConfig(env: NodeJS.ProcessEnv = process.env): PlatformConfig {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set (npm start sets it, starting an embedded PostgreSQL when needed)');
  }
  let auth: AuthConfig | undefined;
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: intFrom(env.PORT, 3000, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databaseAppUrl:
      env.DATABASE_APP_URL ||
      deriveAppDatabaseUrl(databaseUrl, appRoleName(env), env.DATABASE_APP_PASSWORD || undefined),
    kafkaBrokers: listFrom(env.KAFKA_BROKERS),
    projectionPollMs: intFrom(env.PROJECTION_POLL_MS, 100, 'PROJECTION_POLL_MS'),
    // Read on first use: only processes that verify tokens (the API) need, and check, these settings.
    get auth() {
      auth ??= readAuthConfig(env);
      return auth;
    },
    http: {
      corsOrigins: listFrom(env.CORS_ORIGINS),
      rateLimitPerMinute: intFrom(env.RATE_LIMIT_PER_MINUTE, 300, 'RATE_LIMIT_PER_MINUTE'),
      bodyLimit: env.BODY_LIMIT || '1mb',
    },
    exportDir: env.TENANT_EXPORT_DIR || join(process.cwd(), '.data', 'exports'),
  };
}

/**
 * Token settings alone, so `npm run token` works without a database. `AUTH_MODE` defaults to
 * `dev`, except under `NODE_ENV=production`, where the dev key is refused outright.
 */
export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const mode = (env.AUTH_MODE || (production ? 'oidc' : 'dev')) as AuthMode;
  if (mode !== 'dev' && mode !== 'oidc') throw new Error(`AUTH_MODE must be dev or oidc, got "${String(mode)}"`);
  if (mode === 'dev' && production) {
    throw new Error('AUTH_MODE=dev is refused when NODE_ENV=production: configure OIDC_ISSUER, OIDC_AUDIENCE');
  }
  const claims = {
    roles: env.AUTH_ROLES_CLAIM || 'roles',
    tenant: env.AUTH_TENANT_CLAIM || 'tenant',
    voivodeships: env.AUTH_VOIVODESHIPS_CLAIM || 'voivodeships',
  };
  const clockToleranceSeconds = intFrom(env.AUTH_CLOCK_TOLERANCE_SECONDS, 30, 'AUTH_CLOCK_TOLERANCE_SECONDS');
  const devKeysDir = env.DEV_KEYS_DIR || join(process.cwd(), '.data', 'dev-keys');
  if (mode === 'dev') {
    return {
      mode,
      issuer: env.DEV_TOKEN_ISSUER || 'kooperacja-dev',
      audience: env.DEV_TOKEN_AUDIENCE || 'kooperacja-api',
      algorithms: ['ES256'],
      devKeysDir,
      claims,
      clockToleranceSeconds,
    };
  }
  const issuer = required(env, 'OIDC_ISSUER');
  const audience = required(env, 'OIDC_AUDIENCE');
  const algorithms = listFrom(env.OIDC_ALGORITHMS || 'RS256');
  for (const a of algorithms) {
    if (!ASYMMETRIC.test(a)) throw new Error(`OIDC_ALGORITHMS: only RS*, PS* and ES* are accepted, got "${a}"`);
  }
  return {
    mode,
    issuer,
    audience,
    algorithms,
    // Keycloak's certificate endpoint; any OIDC provider's `jwks_uri` works.
    jwksUrl: env.OIDC_JWKS_URL || `${issuer.replace(/\/$/, '')}/protocol/openid-connect/certs`,
    devKeysDir,
    claims,
    clockToleranceSeconds,
  };
}

/** The application role's name (`DATABASE_APP_ROLE`, default `kooperacja_app`). */
export function appRoleName(env: NodeJS.ProcessEnv = process.env): string {
  const role = env.DATABASE_APP_ROLE || DEFAULT_APP_ROLE;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role))
    throw new Error(`DATABASE_APP_ROLE must be a plain identifier, got "${role}"`);
  return role;
}

/** The owner URL with the user swapped for the application role (password-less unless given). */
export function deriveAppDatabaseUrl(ownerUrl: string, role: string = DEFAULT_APP_ROLE, password?: string): string {
  const url = new URL(ownerUrl);
  url.username = role;
  url.password = password ?? '';
  return url.toString();
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`${name} is not set (AUTH_MODE=oidc)`);
  return value;
}

function listFrom(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}
