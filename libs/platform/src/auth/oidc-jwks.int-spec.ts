import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readAuthConfig } from '../config/config';
import type { TenantDirectory } from '../domain/tenant-directory';
import { AuthRejection, IdentityProviderUnavailableError } from './auth-rejection';
import { signJwt } from './dev-keys';
import { authenticateRequest, createJwtStrategy } from './jwt.strategy';

// The project-level testTimeout is not applied by Jest; database setup under load needs more than 5 s.
jest.setTimeout(60_000);

/** An OpenID provider as the API sees one: a JWKS endpoint on a local port, keys that rotate. */
describe('OIDC mode: RS256 tokens verified against the provider’s JWKS', () => {
  const directory: TenantDirectory = {
    get: async (id) =>
      id === 'mr2'
        ? {
            id,
            name: 'Makroregion II',
            nameEn: 'Macroregion II',
            municipalityType: 'urban-rural',
            voivodeships: ['pomorskie'],
            status: 'active',
          }
        : null,
    list: async () => [],
  };
  const keys: { kid: string; privateKey: KeyObject; publicKey: KeyObject }[] = [];
  let fetches = 0;
  let server: Server;
  let issuer: string;

  function addKey(kid: string) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    keys.push({ kid, privateKey, publicKey });
    return privateKey;
  }

  beforeAll(async () => {
    addKey('key-1');
    server = createServer((req, res) => {
      fetches++;
      if (req.url !== '/realms/kooperacja/protocol/openid-connect/certs') {
        res.writeHead(404).end();
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({
          keys: keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, alg: 'RS256', use: 'sig' })),
        }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/kooperacja`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const strategy = () =>
    createJwtStrategy(
      readAuthConfig({
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'kooperacja-api',
        AUTH_ROLES_CLAIM: 'resource_access.kooperacja-api.roles',
      }),
      directory,
    );

  const claims = () => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: issuer,
      aud: ['kooperacja-api', 'account'],
      sub: 'f3a1c2d4-keycloak-user',
      iat: now,
      exp: now + 300,
      tenant: 'mr2',
      resource_access: { 'kooperacja-api': { roles: ['tenant-viewer'] }, account: { roles: ['manage-account'] } },
    };
  };
  const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
  const reasonOf = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: unknown) => (e instanceof AuthRejection ? e.reason : (e as Error).name),
    );

  it('accepts a token signed with a key the JWKS lists, and caches the keys', async () => {
    const s = strategy();
    const t = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims(), keys[0].privateKey);
    await expect(authenticateRequest(s, bearer(t))).resolves.toEqual({
      sub: 'f3a1c2d4-keycloak-user',
      role: 'tenant-viewer',
      tenantId: 'mr2',
    });
    const before = fetches;
    await authenticateRequest(s, bearer(t));
    expect(fetches).toBe(before);
  });

  it('picks up a rotated key without a restart', async () => {
    const s = strategy();
    const old = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims(), keys[0].privateKey);
    await authenticateRequest(s, bearer(old));
    const rotated = addKey('key-2');
    const t = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-2' }, claims(), rotated);
    await expect(authenticateRequest(s, bearer(t))).resolves.toMatchObject({ role: 'tenant-viewer' });
  });

  it('refuses unknown keys, other algorithms, and HS256 signed with the public key', async () => {
    const s = strategy();
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const unknownKid = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-x' }, claims(), stranger);
    const wrongKey = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims(), stranger);
    const noKid = signJwt({ alg: 'RS256', typ: 'JWT' }, claims(), keys[0].privateKey);
    const pem = keys[0].publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const input = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'key-1' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims())).toString('base64url')}`;
    const confused = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    const none = `${input.replace(/^[^.]+/, Buffer.from('{"alg":"none"}').toString('base64url'))}.`;
    expect(
      await Promise.all(
        [unknownKid, wrongKey, noKid, confused, none].map((t) => reasonOf(authenticateRequest(s, bearer(t)))),
      ),
    ).toEqual(['unknown_key', 'signature', 'unknown_key', 'algorithm', 'algorithm']);
  });

  it('answers "unavailable" (not "refused") when the provider cannot be reached', async () => {
    const down = createJwtStrategy(
      readAuthConfig({
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: issuer,
        OIDC_AUDIENCE: 'kooperacja-api',
        OIDC_JWKS_URL: 'http://127.0.0.1:1/certs',
      }),
      directory,
    );
    const t = signJwt({ alg: 'RS256', typ: 'JWT', kid: 'key-1' }, claims(), keys[0].privateKey);
    await expect(authenticateRequest(down, bearer(t))).rejects.toBeInstanceOf(IdentityProviderUnavailableError);
  });
});
