import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readOrCreateSecretFile } from '../config/secret-file';

/** The locally generated ES256 key pair of `AUTH_MODE=dev`. */
export interface DevKeys {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
}

const FILE = 'es256.json';

/**
 * Loads the dev signing key from `dir`, generating it on first use. Creation is atomic (a
 * hard link that fails when the file exists), so concurrent first users agree on one key.
 * Refused under NODE_ENV=production.
 */
export function loadOrCreateDevKeys(dir: string, env: NodeJS.ProcessEnv = process.env): DevKeys {
  if (env.NODE_ENV === 'production') throw new Error('the dev signing key is refused when NODE_ENV=production');
  return parse(
    readOrCreateSecretFile(dir, FILE, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      return JSON.stringify({
        kid: `dev-${randomUUID()}`,
        privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }),
      });
    }),
  );
}

function parse(text: string): DevKeys {
  const raw = JSON.parse(text) as { kid: string; privateKeyPem: string; publicKeyPem: string };
  const privateKey = createPrivateKey(raw.privateKeyPem);
  // Fails early on a tampered file whose halves do not match.
  const derived = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  if (derived !== raw.publicKeyPem) throw new Error('dev key file: public key does not match the private key');
  return { kid: raw.kid, privateKey, publicKeyPem: raw.publicKeyPem };
}

export interface DevTokenInput {
  readonly sub: string;
  readonly role: string;
  readonly tenant?: string;
  readonly voivodeships?: readonly string[];
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime in seconds (default 12 h). */
  readonly ttlSeconds?: number;
  /** Issue time in seconds since the epoch (default now). */
  readonly iat?: number;
  /** Claims to add or override (tests use this for expired or foreign tokens). */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
}

/** Signs an ES256 token with the dev key, in the claim layout docs/security.md describes. */
export function signDevToken(keys: DevKeys, input: DevTokenInput): string {
  const iat = input.iat ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    aud: input.audience,
    sub: input.sub,
    iat,
    nbf: iat,
    exp: iat + (input.ttlSeconds ?? 12 * 3600),
    roles: [input.role],
    ...(input.tenant ? { tenant: input.tenant } : {}),
    ...(input.voivodeships ? { voivodeships: [...input.voivodeships] } : {}),
    ...input.extraClaims,
  };
  return signJwt({ alg: 'ES256', typ: 'JWT', kid: keys.kid }, claims, keys.privateKey);
}

/** Compact JWS with an EC or RSA key (ES256/RS256), for dev tokens and tests. */
export function signJwt(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  const signature =
    header.alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

function b64(text: string): string {
  return Buffer.from(text).toString('base64url');
}
