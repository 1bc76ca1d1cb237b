import { createPublicKey, type KeyObject } from 'node:crypto';
import type { Request } from 'express';
import { JwksClient } from 'jwks-rsa';
import { ExtractJwt, Strategy, type SecretOrKeyProvider, type StrategyOptionsWithoutRequest } from 'passport-jwt';
import type { Algorithm } from 'jsonwebtoken';
import type { AuthConfig } from '../config/config';
import type { TenantDirectory } from '../domain/tenant-directory';
import { AuthRejection, IdentityProviderUnavailableError, rejectionFrom } from './auth-rejection';
import { userFromClaims, type AuthenticatedUser } from './claims';
import { loadOrCreateDevKeys } from './dev-keys';

/**
 * The passport-jwt strategy. One verification path for both modes: a verifier pinned to an
 * asymmetric algorithm list (ES256 in dev, RS256 by default with OIDC), issuer, audience,
 * expiry and not-before checked; the key is the local dev key or one from the provider's
 * JWKS (cached, refetched for an unknown `kid`, so rotation needs no restart).
 */
export function createJwtStrategy(config: AuthConfig, directory: TenantDirectory): Strategy {
  const base = {
    jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
    algorithms: [...config.algorithms] as Algorithm[],
    issuer: config.issuer,
    audience: config.audience,
    ignoreExpiration: false,
    jsonWebTokenOptions: { clockTolerance: config.clockToleranceSeconds },
  };
  const options: StrategyOptionsWithoutRequest =
    config.mode === 'dev'
      ? // A parsed key: given the PEM, jsonwebtoken would parse it again on every request.
        { ...base, secretOrKey: createPublicKey(loadOrCreateDevKeys(config.devKeysDir).publicKeyPem) as never }
      : { ...base, secretOrKeyProvider: jwksKeyProvider(config) };
  return new Strategy(options, (payload: Record<string, unknown>, done) => {
    userFromClaims(payload, config.claims, directory).then(
      (user) => done(null, user),
      (error: unknown) => (error instanceof AuthRejection ? done(null, false, error) : done(error)),
    );
  });
}

/**
 * Runs the strategy on a request: resolves with the user, rejects with an {@link AuthRejection}
 * (401), an {@link IdentityProviderUnavailableError} (503), or an unexpected error.
 */
export function authenticateRequest(strategy: Strategy, req: Pick<Request, 'headers'>): Promise<AuthenticatedUser> {
  return new Promise((resolve, reject) => {
    // Passport's own protocol: a per-request object inheriting the strategy, given the outcomes.
    const attempt = Object.create(strategy) as Strategy & Record<string, unknown>;
    attempt.success = (user: AuthenticatedUser) => resolve(user);
    attempt.fail = (info: unknown) =>
      reject(info instanceof IdentityProviderUnavailableError ? info : rejectionFrom(info));
    attempt.error = (error: unknown) => reject(error);
    attempt.redirect = attempt.pass = () => reject(new Error('unexpected passport outcome'));
    attempt.authenticate(req as Request, {});
  });
}

function jwksKeyProvider(config: AuthConfig): SecretOrKeyProvider {
  const client = new JwksClient({
    jwksUri: config.jwksUrl!,
    cache: true,
    cacheMaxEntries: 10,
    cacheMaxAge: 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
    timeout: 5_000,
  });
  const parsed = new Map<string, KeyObject>(); // PEM → key; the client keeps at most 10 keys
  const keyObject = (pem: string) => {
    let key = parsed.get(pem);
    if (!key) {
      if (parsed.size >= 20) parsed.clear();
      parsed.set(pem, (key = createPublicKey(pem)));
    }
    return key;
  };
  return (_req, rawJwt, done) => {
    const header = decodeHeader(rawJwt);
    if (!header) return done(new AuthRejection('malformed'));
    if (typeof header.alg !== 'string' || !config.algorithms.includes(header.alg)) {
      return done(new AuthRejection('algorithm'));
    }
    if (typeof header.kid !== 'string') return done(new AuthRejection('unknown_key'));
    client.getSigningKey(header.kid).then(
      (key) => done(null, keyObject(key.getPublicKey()) as never),
      (error: unknown) =>
        done(
          (error as Error)?.name === 'SigningKeyNotFoundError'
            ? new AuthRejection('unknown_key')
            : new IdentityProviderUnavailableError(error),
        ),
    );
  };
}

function decodeHeader(rawJwt: string): Record<string, unknown> | null {
  try {
    const header = JSON.parse(Buffer.from(rawJwt.split('.')[0], 'base64url').toString('utf8')) as unknown;
    return header && typeof header === 'object' ? (header as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
