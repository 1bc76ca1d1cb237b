// The dashboard's controller: sign-in, the route in the URL fragment, loading, rendering.
import { html, nothing, render, type TemplateResult } from 'lit';
import { Api } from './api';
import { Auth, type DashboardConfig } from './auth';
import { Charts, type ChartOption } from './charts';
import { codeLabel, messages, type Lang } from './i18n';
import {
  analystFilters,
  analystHash,
  comparisonUrl,
  historyPath,
  langOf,
  parseHash,
  parseHistoryRef,
  positiveInt,
  toHash,
  type AnalystFilters,
  type HistoryRef,
  type Route,
} from './state';
import type {
  Comparison,
  Composition,
  DecisionItem,
  GroupListItem,
  History,
  Indicator,
  Me,
  Municipality,
  Page,
  SiteProgress,
} from './types';
import { analystCharts, analystView, type AnalystModel } from './views/analyst';
import { tenantView, type Loaded, type TenantModel } from './views/tenant';

const TENANT_ROLES = ['tenant-admin', 'tenant-editor', 'tenant-viewer'];
const MUNICIPALITIES_PAGE = 25;
const DECISIONS_PAGE = 20;

export class DashboardApp {
  private auth!: Auth;
  private api!: Api;
  private readonly charts = new Charts();
  private me: Me | null = null;
  private route: Route = parseHash(location.hash);
  private status = '';
  private signInError = '';
  private comparison: Comparison | null = null;
  private catalogue: readonly Indicator[] = [];
  private tenant: Omit<TenantModel, 'lang' | 't'> | null = null;
  /** Answers to an older route are dropped. */
  private generation = 0;

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    const config = (await (await fetch('/app/config.json')).json()) as DashboardConfig;
    this.auth = new Auth(config);
    this.api = new Api(
      () => this.auth.token(),
      () => this.signedOut(messages[this.lang].tokenRefused),
    );
    try {
      await this.auth.init();
    } catch (error) {
      this.signInError = `${messages[this.lang].signInFailed}: ${(error as Error).message}`;
    }
    window.addEventListener('hashchange', () => void this.onRoute());
    window.addEventListener('resize', () => this.charts.resize());
    await this.signIn();
  }

  private get lang(): Lang {
    return langOf(this.route.params);
  }

  private async signIn(): Promise<void> {
    this.route = parseHash(location.hash);
    if (!this.auth.token()) return this.render();
    try {
      this.me = await this.api.json<Me>('/api/v1/me');
    } catch (error) {
      return this.signedOut((error as Error).message);
    }
    await this.onRoute();
  }

  /** Back to the sign-in form; only the user's own "sign out" also ends the provider's session. */
  private signedOut(reason = '', endSession = false): void {
    this.me = null;
    this.comparison = null;
    this.tenant = null;
    this.signInError = reason;
    this.api.clear();
    void (endSession ? this.auth.signOut() : this.auth.forget());
    this.render();
  }

  private async onRoute(): Promise<void> {
    this.route = parseHash(location.hash);
    document.documentElement.lang = this.lang;
    document.title = messages[this.lang].appTitle;
    if (!this.me) return this.render();
    if (!this.route.view) {
      const view = this.me.role === 'analyst' ? 'analyst' : 'tenant';
      history.replaceState(null, '', toHash(view, { lang: this.lang === 'en' ? 'en' : undefined }));
      this.route = parseHash(location.hash);
    }
    const generation = ++this.generation;
    this.render();
    if (this.route.view === 'analyst' && this.me.role === 'analyst') await this.loadAnalyst(generation);
    if (this.route.view === 'tenant' && TENANT_ROLES.includes(this.me.role)) await this.loadTenant(generation);
  }

  // ---- analyst ----

  private get filters(): AnalystFilters {
    return analystFilters(this.route.params);
  }

  private async loadAnalyst(generation: number): Promise<void> {
    const filters = this.filters;
    this.status = messages[this.lang].loading;
    this.render();
    try {
      const data = await this.api.json<Comparison>(comparisonUrl(filters));
      if (!filters.indicator) this.catalogue = data.indicators;
      else if (this.catalogue.length === 0) {
        this.catalogue = (
          await this.api.json<Comparison>(comparisonUrl({ ...filters, indicator: undefined }))
        ).indicators;
      }
      if (generation !== this.generation) return;
      this.comparison = data;
      this.status = '';
    } catch (error) {
      if (generation !== this.generation) return;
      this.status = `${messages[this.lang].errorPrefix}: ${(error as Error).message}`;
    }
    this.render();
  }

  private readonly analystActions = {
    apply: (filters: AnalystFilters) => (location.hash = analystHash(filters, this.lang)),
    reset: () => (location.hash = analystHash({ asOfKind: 'business' }, this.lang)),
    chart: (code: string) => (location.hash = analystHash({ ...this.filters, chart: code }, this.lang)),
    exportAs: (format: 'csv' | 'xlsx') => {
      const t = messages[this.lang];
      this.api
        .download(comparisonUrl(this.filters, format, this.lang), `kooperacja-comparison.${format}`)
        .then((name) => (this.status = `${t.exported}: ${name}`))
        .catch((error: Error) => (this.status = `${t.errorPrefix}: ${error.message}`))
        .finally(() => this.render());
    },
  };

  // ---- tenant ----

  private async loadTenant(generation: number): Promise<void> {
    const tenantId = this.me!.tenantId!;
    const p = this.route.params;
    const base = `/api/v1/tenants/${encodeURIComponent(tenantId)}`;
    const groupId = p.get('group');
    const groupAsOf = p.get('groupAsOf') ?? undefined;
    const historyRef = parseHistoryRef(p.get('history'));
    const state = {
      tenantId,
      groupAsOf,
      history: historyRef,
      municipalities: undefined as Loaded<Page<Municipality>>,
      groups: undefined as Loaded<Page<GroupListItem>>,
      composition: (groupId ? undefined : null) as Loaded<Composition> | null,
      decisions: undefined as Loaded<Page<DecisionItem>>,
      sites: undefined as Loaded<{ items: readonly SiteProgress[] }>,
      events: undefined as Loaded<History>,
    };
    this.tenant = state;
    this.render();
    const load = <K extends keyof typeof state>(key: K, path: string) =>
      this.api
        .json(path)
        .then(
          (value) => ({ value }),
          (error: Error) => ({ error: error.message }),
        )
        .then((result) => {
          if (generation !== this.generation) return;
          (state as Record<string, unknown>)[key] = result;
          this.render();
        });
    const query = (params: Record<string, string | number | undefined>) =>
      new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][]).toString();
    await Promise.all([
      load(
        'municipalities',
        `${base}/territory/municipalities?${query({ page: positiveInt(p.get('mpage')), pageSize: MUNICIPALITIES_PAGE })}`,
      ),
      load('groups', `${base}/groups?pageSize=500`),
      groupId && /^[0-9a-f-]{36}$/i.test(groupId)
        ? load('composition', `${base}/groups/${groupId}/composition?${query({ asOf: groupAsOf })}`)
        : Promise.resolve(),
      load('decisions', `${base}/decisions?${query({ page: positiveInt(p.get('dpage')), pageSize: DECISIONS_PAGE })}`),
      load('sites', `${base}/pilot/sites`),
      load('events', historyPath(tenantId, historyRef)),
    ]);
  }

  private tenantHash(patch: Record<string, string | number | undefined>): string {
    const current = Object.fromEntries(this.route.params.entries());
    return toHash('tenant', { ...current, ...patch });
  }

  private readonly tenantActions = {
    municipalitiesPage: (page: number) => (location.hash = this.tenantHash({ mpage: page })),
    decisionsPage: (page: number) => (location.hash = this.tenantHash({ dpage: page })),
    showGroup: (groupId: string, asOf: string | undefined) =>
      (location.hash = this.tenantHash({ group: groupId, groupAsOf: asOf })),
    openHistory: (ref: HistoryRef) => {
      location.hash = this.tenantHash({ history: ref.kind === 'programme' ? undefined : `${ref.kind}:${ref.id}` });
      requestAnimationFrame(() => document.getElementById('history-title')?.focus());
    },
  };

  // ---- rendering ----

  private switchLang = () => {
    const params = Object.fromEntries(this.route.params.entries());
    const lang = this.lang === 'pl' ? 'en' : undefined;
    if (!this.me) {
      history.replaceState(null, '', lang ? '#?lang=en' : '#');
      this.route = parseHash(location.hash);
      document.documentElement.lang = this.lang;
      return this.render();
    }
    location.hash = toHash(this.route.view ?? 'analyst', { ...params, lang });
  };

  private header(): TemplateResult {
    const t = messages[this.lang];
    const me = this.me;
    const link = (view: 'analyst' | 'tenant', text: string) =>
      html`<li>
        <a
          href=${toHash(view, { lang: this.lang === 'en' ? 'en' : undefined })}
          aria-current=${this.route.view === view ? 'page' : 'false'}
          >${text}</a
        >
      </li>`;
    return html`<header class="top">
      <a
        class="skip"
        href="#main"
        @click=${(e: Event) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
        >${t.skip}</a
      >
      <p class="brand">${t.appTitle}</p>
      ${
        me
          ? html`<nav aria-label=${t.mainNav}>
              <ul>
                ${me.role === 'analyst' ? link('analyst', t.navComparison) : nothing}
                ${TENANT_ROLES.includes(me.role) ? link('tenant', `${t.navTenant} (${me.tenantId})`) : nothing}
              </ul>
            </nav>`
          : nothing
      }
      <div class="user">
        ${me ? html`<span data-me>${t.signedInAs} ${me.sub} — ${codeLabel(this.lang, me.role)}</span>` : nothing}
        <button
          type="button"
          lang=${this.lang === 'pl' ? 'en' : 'pl'}
          aria-label=${t.switchLangLabel}
          @click=${this.switchLang}
        >
          ${t.switchLang}
        </button>
        ${me ? html`<button type="button" class="secondary" @click=${() => this.signedOut('', true)}>${t.signOut}</button>` : nothing}
      </div>
    </header>`;
  }

  private signInForm(): TemplateResult {
    const t = messages[this.lang];
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const token = String(new FormData(event.currentTarget as HTMLFormElement).get('token') ?? '').trim();
      if (!token) return;
      this.auth.setDevToken(token);
      this.signInError = '';
      void this.signIn();
    };
    return html`<h1>${t.signInTitle}</h1>
      ${this.signInError ? html`<p class="error" role="alert">${this.signInError}</p>` : nothing}
      ${
        this.auth.usesOidc
          ? html`<p>
              <button type="button" @click=${() => void this.auth.signInWithProvider()}>${t.signInOidc}</button>
            </p>`
          : html`<form class="sign-in" @submit=${submit}>
              <label for="token">${t.tokenLabel}</label>
              <textarea id="token" name="token" rows="4" aria-describedby="token-help" autocomplete="off"></textarea>
              <p id="token-help" class="muted">${t.tokenHelp}</p>
              <button type="submit">${t.signIn}</button>
            </form>`
      }`;
  }

  private content(): { body: TemplateResult; charts: Map<string, ChartOption> } {
    const t = messages[this.lang];
    const none = new Map<string, ChartOption>();
    if (!this.me) return { body: this.signInForm(), charts: none };
    if (this.route.view === 'analyst') {
      if (this.me.role !== 'analyst')
        return {
          body: html`<h1>${t.navComparison}</h1>
            <p role="alert">${t.analystOnly}</p>`,
          charts: none,
        };
      const model: AnalystModel = {
        lang: this.lang,
        t,
        filters: this.filters,
        data: this.comparison,
        catalogue: this.catalogue,
      };
      const charts = analystCharts(model);
      return {
        body: html`<h1>${t.navComparison}</h1>
          ${analystView(model, this.analystActions, charts)}`,
        charts,
      };
    }
    if (!TENANT_ROLES.includes(this.me.role) || !this.tenant) {
      return {
        body: html`<h1>${t.navTenant}</h1>
          <p role="alert">${t.tenantOnly}</p>`,
        charts: none,
      };
    }
    return {
      body: html`<h1>${t.navTenant}: ${this.tenant.tenantId}</h1>
        ${tenantView({ lang: this.lang, t, ...this.tenant }, this.tenantActions)}`,
      charts: none,
    };
  }

  private render(): void {
    const { body, charts } = this.content();
    render(
      html`${this.header()}
        <main id="main" tabindex="-1">
          <p class="status" role="status" aria-live="polite">${this.me ? this.status : ''}</p>
          ${body}
        </main>`,
      this.root,
    );
    this.charts.draw(charts, this.root);
  }
}
