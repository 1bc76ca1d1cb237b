// Sign-in. Development: a dev token pasted into the form or passed as /app/#token=…; production:
// OpenID Connect authorization code flow with PKCE (oidc-client-ts) against the provider the API
// trusts (GET /app/config.json says which). Tokens live in sessionStorage: gone with the tab.
import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { tokenFromHash } from './state';

export interface DashboardConfig {
  readonly authMode: 'dev' | 'oidc';
  readonly oidc: { readonly authority: string; readonly clientId: string; readonly scope: string } | null;
}

const DEV_TOKEN_KEY = 'kooperacja.devToken';

export class Auth {
  private readonly manager: UserManager | null;
  private user: User | null = null;

  constructor(readonly config: DashboardConfig) {
    const oidc = config.authMode === 'oidc' ? config.oidc : null;
    this.manager = oidc
      ? new UserManager({
          authority: oidc.authority,
          client_id: oidc.clientId,
          scope: oidc.scope,
          redirect_uri: `${location.origin}/app/`,
          post_logout_redirect_uri: `${location.origin}/app/`,
          response_type: 'code',
          userStore: new WebStorageStateStore({ store: sessionStorage }),
          automaticSilentRenew: true,
        })
      : null;
    this.manager?.events.addUserLoaded((user) => {
      this.user = user;
    });
    this.manager?.events.addUserUnloaded(() => {
      this.user = null;
    });
  }

  get usesOidc(): boolean {
    return this.manager !== null;
  }

  /** Takes a token from the URL fragment or finishes an OIDC redirect; leaves the address clean. */
  async init(): Promise<void> {
    const fromHash = tokenFromHash(location.hash);
    if (fromHash) {
      this.setDevToken(fromHash);
      history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    }
    if (!this.manager) return;
    const query = new URLSearchParams(location.search);
    if (query.has('code') && query.has('state')) {
      this.user = await this.manager.signinRedirectCallback();
      history.replaceState(null, '', `${location.pathname}${location.hash}`);
    } else {
      this.user = await this.manager.getUser();
    }
  }

  token(): string | null {
    if (this.user && !this.user.expired) return this.user.access_token;
    return sessionStorage.getItem(DEV_TOKEN_KEY);
  }

  setDevToken(token: string): void {
    sessionStorage.setItem(DEV_TOKEN_KEY, token.trim());
  }

  async signInWithProvider(): Promise<void> {
    await this.manager?.signinRedirect();
  }

  /** Forgets the tokens in this tab (e.g. after the API refused them). */
  async forget(): Promise<void> {
    sessionStorage.removeItem(DEV_TOKEN_KEY);
    this.user = null;
    await this.manager?.removeUser();
  }

  /** Signing out on purpose also ends the session at the provider. */
  async signOut(): Promise<void> {
    const hadSession = this.user !== null;
    await this.forget();
    if (this.manager && hadSession) await this.manager.signoutRedirect();
  }
}
