import { createHash } from 'node:crypto';
import request from 'supertest';
import { launchBrowser, startDashboardServer, type Browser, type DashboardServer } from '../testing/browser';
import type { E2eApp } from '../testing/e2e-app';

jest.setTimeout(180_000);

/** Nothing listens on port 1: the API's own JWKS fetch fails at once, on this machine only. */
const ISSUER = 'http://127.0.0.1:1/realms/kooperacja';
const base64url = (value: object | Buffer) =>
  (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/**
 * Production sign-in (AUTH_MODE=oidc): the page runs the authorization code flow with PKCE against
 * the configured provider. No real provider is reachable here, so the browser's requests to it are
 * answered by the test (discovery, authorize, token); what is checked is what the page sends.
 */
describe('the dashboard’s OIDC sign-in (authorization code + PKCE)', () => {
  let server: DashboardServer;
  let e2e: E2eApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await startDashboardServer({ AUTH_MODE: 'oidc', OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: 'kooperacja-api' });
    ({ e2e, base } = server);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tells the page which provider and client to use, and lets it reach only that provider', async () => {
    const res = await request(e2e.app.getHttpServer()).get('/app/config.json').expect(200);
    expect(res.body).toEqual({
      authMode: 'oidc',
      oidc: { authority: ISSUER, clientId: 'kooperacja-panel', scope: 'openid' },
    });
    const page = await request(e2e.app.getHttpServer()).get('/app/').expect(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:1(;|$)/);
  });

  it('signs in with a code and a PKCE verifier, then calls the API with the access token', async () => {
    const page = await browser.newPage();
    const sent: { authorize?: URL; token?: URLSearchParams; apiAuthorization?: string } = {};
    const cors = { 'Access-Control-Allow-Origin': base, 'Content-Type': 'application/json' };
    await page.route(`${ISSUER}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('/.well-known/openid-configuration')) {
        return route.fulfill({
          headers: cors,
          body: JSON.stringify({
            issuer: ISSUER,
            authorization_endpoint: `${ISSUER}/protocol/openid-connect/auth`,
            token_endpoint: `${ISSUER}/protocol/openid-connect/token`,
            jwks_uri: `${ISSUER}/protocol/openid-connect/certs`,
            end_session_endpoint: `${ISSUER}/protocol/openid-connect/logout`,
          }),
        });
      }
      if (url.pathname.endsWith('/auth')) {
        sent.authorize = url;
        const back = `${base}/app/?code=the-code&state=${url.searchParams.get('state')}`;
        return route.fulfill({ status: 302, headers: { Location: back } });
      }
      if (url.pathname.endsWith('/token')) {
        if (route.request().method() === 'OPTIONS') {
          return route.fulfill({ headers: { ...cors, 'Access-Control-Allow-Headers': 'Content-Type' } });
        }
        sent.token = new URLSearchParams(route.request().postData() ?? '');
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: ISSUER, aud: 'kooperacja-panel', sub: 'alice', iat: now, exp: now + 300 };
        const idToken = `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.c2ln`;
        return route.fulfill({
          headers: cors,
          body: JSON.stringify({
            access_token: 'the-access-token',
            token_type: 'Bearer',
            expires_in: 300,
            id_token: idToken,
          }),
        });
      }
      return route.fulfill({ status: 404, headers: cors, body: '{}' });
    });
    page.on('request', (req) => {
      if (req.url().endsWith('/api/v1/me')) sent.apiAuthorization = req.headers()['authorization'];
    });

    await page.goto(`${base}/app/`);
    const me = page.waitForResponse((res) => res.url().endsWith('/api/v1/me'));
    await page.getByRole('button', { name: 'Zaloguj przez dostawcę tożsamości' }).click();
    // The stand-in provider's access token is no JWT the API can verify: 401, and the page says so
    // on the sign-in form (it forgets the token without ending the provider's session).
    expect((await me).status()).toBe(401);
    await page.getByRole('alert').waitFor();

    const authorize = sent.authorize!;
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('client_id')).toBe('kooperacja-panel');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/app/`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const verifier = sent.token!.get('code_verifier')!;
    expect(sent.token!.get('grant_type')).toBe('authorization_code');
    expect(sent.token!.get('code')).toBe('the-code');
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      authorize.searchParams.get('code_challenge'),
    );
    expect(sent.apiAuthorization).toBe('Bearer the-access-token');
    // The code and state are gone from the address.
    expect(page.url()).toBe(`${base}/app/`);
  });
});
