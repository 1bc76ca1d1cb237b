import { createHmac, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Strategy } from 'passport-jwt';
import { readAuthConfig, type AuthConfig } from '../config/config';
import type { TenantDirectory, TenantInfo } from '../domain/tenant-directory';
import { AuthRejection } from './auth-rejection';
import { loadOrCreateDevKeys, signDevToken, signJwt, type DevKeys } from './dev-keys';
import { authenticateRequest, createJwtStrategy } from './jwt.strategy';

/** The tenant directory port, in memory: what the strategy asks of it is get(). */
class TenantsInMemory implements TenantDirectory {
  constructor(private readonly tenants: TenantInfo[]) {}
  async get(id: string) {
    return this.tenants.find((t) => t.id === id) ?? null;
  }
  async list() {
    return this.tenants;
  }
}

const tenants = new TenantsInMemory([
  {
    id: 'mr1',
    name: 'Makroregion I',
    nameEn: 'Macroregion I',
    municipalityType: 'rural',
    voivodeships: ['lubelskie', 'mazowieckie', 'podkarpackie', 'podlaskie', 'świętokrzyskie'],
    status: 'active',
  },
  {
    id: 'old',
    name: 'Stary',
    nameEn: 'Old',
    municipalityType: 'urban',
    voivodeships: ['opolskie'],
    status: 'offboarded',
  },
]);

let dir: string;
let config: AuthConfig;
let keys: DevKeys;
let strategy: Strategy;
const now = () => Math.floor(Date.now() / 1000);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kooperacja-keys-'));
  config = readAuthConfig({ NODE_ENV: 'test', AUTH_MODE: 'dev', DEV_KEYS_DIR: dir });
  keys = loadOrCreateDevKeys(dir);
  strategy = createJwtStrategy(config, tenants);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function token(overrides: Partial<Parameters<typeof signDevToken>[1]> = {}): string {
  return signDevToken(keys, {
    sub: 'alice',
    role: 'tenant-admin',
    tenant: 'mr1',
    issuer: config.issuer,
    audience: config.audience,
    ...overrides,
  });
}

const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });

async function refusal(req: { headers: Record<string, string> }): Promise<string> {
  try {
    const user = await authenticateRequest(strategy, req);
    return `accepted ${JSON.stringify(user)}`;
  } catch (error) {
    if (error instanceof AuthRejection) return error.reason;
    throw error;
  }
}

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function claims(extra: Record<string, unknown> = {}) {
  return {
    iss: config.issuer,
    aud: config.audience,
    sub: 'mallory',
    iat: now(),
    exp: now() + 600,
    roles: ['tenant-admin'],
    tenant: 'mr1',
    ...extra,
  };
}

describe('bearer token verification (dev mode, ES256)', () => {
  it('accepts a valid token and says who the caller is', async () => {
    await expect(authenticateRequest(strategy, bearer(token()))).resolves.toEqual({
      sub: 'alice',
      role: 'tenant-admin',
      tenantId: 'mr1',
    });
  });

  it.each([
    ['no Authorization header', { headers: {} }, 'missing'],
    ['a Basic credential', { headers: { authorization: 'Basic YWxpY2U6c2VjcmV0' } }, 'missing'],
    ['not a JWT', bearer('not-a-token'), 'malformed'],
  ])('refuses %s', async (_name, req, reason) => {
    expect(await refusal(req)).toBe(reason);
  });

  it('refuses an expired token', async () => {
    expect(await refusal(bearer(token({ iat: now() - 7200, ttlSeconds: 3600 })))).toBe('expired');
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    expect(await refusal(bearer(token({ extraClaims: { nbf: now() + 3600 } })))).toBe('not_yet_valid');
  });

  it('refuses a token from another issuer', async () => {
    expect(await refusal(bearer(token({ issuer: 'https://evil.example/realms/x' })))).toBe('issuer');
  });

  it('refuses a token for another audience', async () => {
    expect(await refusal(bearer(token({ audience: 'some-other-api' })))).toBe('audience');
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    expect(await refusal(bearer(unsigned))).toBe('algorithm');
  });

  it('refuses HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
    const mac = createHmac('sha256', keys.publicKeyPem).update(input).digest('base64url');
    expect(await refusal(bearer(`${input}.${mac}`))).toBe('algorithm');
  });

  it('refuses a token signed with another key', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(await refusal(bearer(signJwt({ alg: 'ES256', typ: 'JWT', kid: keys.kid }, claims(), privateKey)))).toBe(
      'signature',
    );
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = token().split('.');
    const forged = `${header}.${b64(claims({ sub: 'alice', tenant: 'mr2' }))}.${signature}`;
    expect(await refusal(bearer(forged))).toBe('signature');
  });

  it('refuses an RS256 token although its signature is valid for its own key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(await refusal(bearer(signJwt({ alg: 'RS256', typ: 'JWT' }, claims(), privateKey)))).toBe('algorithm');
  });
});

describe('claims the API needs', () => {
  it('refuses a token without an expiry', async () => {
    const { exp: _exp, ...rest } = claims();
    expect(await refusal(bearer(signJwt({ alg: 'ES256', typ: 'JWT' }, rest, keys.privateKey)))).toBe('claims');
  });

  it('refuses a token with no platform role, or with two', async () => {
    expect(await refusal(bearer(token({ role: 'offline_access' })))).toBe('claims');
    expect(await refusal(bearer(token({ extraClaims: { roles: ['tenant-admin', 'analyst'] } })))).toBe('claims');
  });

  it('refuses a tenant role without a tenant, for an unknown tenant, or for an offboarded one', async () => {
    expect(await refusal(bearer(token({ tenant: undefined })))).toBe('claims');
    expect(await refusal(bearer(token({ tenant: 'mr9' })))).toBe('tenant_unknown');
    expect(await refusal(bearer(token({ tenant: 'old' })))).toBe('tenant_offboarded');
  });

  it('gives analysts and operators no tenant, whatever the token says', async () => {
    await expect(authenticateRequest(strategy, bearer(token({ role: 'analyst', tenant: 'mr1' })))).resolves.toEqual({
      sub: 'alice',
      role: 'analyst',
    });
  });

  it("keeps an editor's voivodeships that belong to its tenant only", async () => {
    const t = token({ role: 'tenant-editor', voivodeships: ['Podkarpackie', 'śląskie'] });
    await expect(authenticateRequest(strategy, bearer(t))).resolves.toEqual({
      sub: 'alice',
      role: 'tenant-editor',
      tenantId: 'mr1',
      voivodeships: ['podkarpackie'],
    });
  });

  it('reads roles from a nested claim such as Keycloak client roles', async () => {
    const keycloak = createJwtStrategy(
      { ...config, claims: { ...config.claims, roles: 'resource_access.kooperacja-api.roles' } },
      tenants,
    );
    const t = token({
      extraClaims: {
        roles: undefined,
        resource_access: { 'kooperacja-api': { roles: ['tenant-viewer', 'uma_protection'] } },
      },
    });
    await expect(authenticateRequest(keycloak, bearer(t))).resolves.toEqual({
      sub: 'alice',
      role: 'tenant-viewer',
      tenantId: 'mr1',
    });
  });
});

describe('auth configuration', () => {
  it('refuses the dev key under NODE_ENV=production', () => {
    expect(() => readAuthConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(/refused/);
    expect(() => loadOrCreateDevKeys(dir, { NODE_ENV: 'production' })).toThrow(/refused/);
  });

  it('defaults to OIDC in production and needs its issuer and audience', () => {
    expect(() => readAuthConfig({ NODE_ENV: 'production' })).toThrow(/OIDC_ISSUER/);
    const oidc = readAuthConfig({
      NODE_ENV: 'production',
      OIDC_ISSUER: 'https://id.example/realms/kooperacja',
      OIDC_AUDIENCE: 'kooperacja-api',
    });
    expect(oidc).toMatchObject({
      mode: 'oidc',
      algorithms: ['RS256'],
      jwksUrl: 'https://id.example/realms/kooperacja/protocol/openid-connect/certs',
    });
  });

  it('accepts only asymmetric algorithms for OIDC', () => {
    const env = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example', OIDC_AUDIENCE: 'api' };
    expect(() => readAuthConfig({ ...env, OIDC_ALGORITHMS: 'RS256,HS256' })).toThrow(/HS256/);
    expect(() => readAuthConfig({ ...env, OIDC_ALGORITHMS: 'none' })).toThrow(/none/);
  });
});
