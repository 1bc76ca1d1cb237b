// The tenant admin's view of their own macroregion: municipalities, bodies with their composition
// on a chosen day, the decisions timeline, pilot progress and any record's event history.
import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant, formatNumber, formatPercent } from '../format';
import { codeLabel, type Lang, type Messages } from '../i18n';
import { HISTORY_KINDS, type HistoryKind, type HistoryRef } from '../state';
import { columnHeaders, scrollable } from './common';
import type { Composition, DecisionItem, GroupListItem, History, Municipality, Page, SiteProgress } from '../types';

/** A section's data: not asked yet (undefined), or the answer, or why there is none. */
export type Loaded<T> = { readonly value: T } | { readonly error: string } | undefined;

export interface TenantModel {
  readonly lang: Lang;
  readonly t: Messages;
  readonly tenantId: string;
  readonly groupAsOf: string | undefined;
  readonly history: HistoryRef;
  readonly municipalities: Loaded<Page<Municipality>>;
  readonly groups: Loaded<Page<GroupListItem>>;
  readonly composition: Loaded<Composition> | null;
  readonly decisions: Loaded<Page<DecisionItem>>;
  readonly sites: Loaded<{ readonly items: readonly SiteProgress[] }>;
  readonly events: Loaded<History>;
}

export interface TenantActions {
  municipalitiesPage(page: number): void;
  decisionsPage(page: number): void;
  showGroup(groupId: string, asOf: string | undefined): void;
  openHistory(ref: HistoryRef): void;
}

function loaded<T>(t: Messages, state: Loaded<T>, view: (value: T) => TemplateResult): TemplateResult {
  if (state === undefined) return html`<p role="status">${t.loading}</p>`;
  if ('error' in state) return html`<p class="error" role="alert">${t.errorPrefix}: ${state.error}</p>`;
  return view(state.value);
}

function pager(t: Messages, page: Page<unknown>, label: string, go: (page: number) => void): TemplateResult {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return html`<nav class="pager" aria-label=${label}>
    <button type="button" ?disabled=${page.page <= 1} @click=${() => go(page.page - 1)}>${t.prev}</button>
    <span>${t.pageOf(page.page, pages)}</span>
    <button type="button" ?disabled=${page.page >= pages} @click=${() => go(page.page + 1)}>${t.next}</button>
  </nav>`;
}

const historyButton = (t: Messages, a: TenantActions, ref: HistoryRef, what: string) =>
  html`<button type="button" class="link" aria-label="${t.history}: ${what}" @click=${() => a.openHistory(ref)}>
    ${t.history}
  </button>`;

function municipalities(m: TenantModel, a: TenantActions): TemplateResult {
  const { t, lang } = m;
  return html`<section aria-labelledby="municipalities-title">
    <h2 id="municipalities-title">${t.municipalities}</h2>
    ${loaded(
      t,
      m.municipalities,
      (page) =>
        html`${scrollable(
          `${t.table}: ${t.municipalities}`,
          html`
            <table data-table="municipalities">
              ${columnHeaders([t.teryt, t.name, t.kind, t.type, t.voivodeship, t.status, t.agreement, t.pilotSince, t.actions])}
              <tbody>
                ${page.items.map(
                  (row) =>
                    html`<tr data-teryt=${row.teryt}>
                      <td>${row.teryt}</td>
                      <th scope="row">${row.name ?? '—'}</th>
                      <td>${codeLabel(lang, row.kind)}</td>
                      <td>${codeLabel(lang, row.type)}</td>
                      <td>${row.voivodeship ?? '—'}</td>
                      <td>${codeLabel(lang, row.status)}</td>
                      <td>${row.agreement?.signedOn ?? '—'}</td>
                      <td>${row.pilotSiteOn ?? '—'}</td>
                      <td>
                        ${historyButton(
                          t,
                          a,
                          { kind: row.kind === 'powiat' ? 'powiat' : 'municipality', id: row.teryt },
                          row.name ?? row.teryt,
                        )}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          `,
        )}
        ${pager(t, page, t.municipalities, a.municipalitiesPage)}`,
    )}
  </section>`;
}

function composition(m: TenantModel): TemplateResult | typeof nothing {
  const { t, lang } = m;
  if (m.composition === null) return nothing;
  return loaded(t, m.composition, (c) => {
    const caption = `${t.compositionOf}: ${c.name} — ${c.asOf}`;
    if (!c.existedOn) return html`<p data-composition=${c.groupId}>${caption}. ${t.compositionNotExisting}</p>`;
    return html`<table data-composition=${c.groupId}>
      <caption>
        ${caption} (${c.size.members}${c.size.norm !== null ? `, ${t.norm.toLowerCase()} ${c.size.norm}` : ''})
      </caption>
      ${columnHeaders([t.name, t.role, t.sector, t.institution, t.joined, t.left])}
      <tbody>
        ${c.members.map(
          (p) =>
            html`<tr>
              <th scope="row">${p.fullName ?? '—'}</th>
              <td>${codeLabel(lang, p.role)}</td>
              <td>${p.sector ?? '—'}</td>
              <td>${p.institution ?? '—'}</td>
              <td>${p.joinedOn}</td>
              <td>${p.leftOn ?? '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  });
}

function groups(m: TenantModel, a: TenantActions): TemplateResult {
  const { t, lang } = m;
  const asOfInput = () => (document.getElementById('group-as-of') as HTMLInputElement | null)?.value || undefined;
  return html`<section aria-labelledby="groups-title">
    <h2 id="groups-title">${t.groups}</h2>
    <p>
      <label for="group-as-of">${t.compositionAsOf}</label>
      <input id="group-as-of" type="date" .value=${m.groupAsOf ?? ''} />
    </p>
    ${composition(m)}
    ${loaded(
      t,
      m.groups,
      (page) =>
        html`${scrollable(
          `${t.table}: ${t.groups}`,
          html`
            <table data-table="groups">
              ${columnHeaders([t.name, t.kind, t.level, t.membersNow, t.norm, t.meetings, t.actions])}
              <tbody>
                ${page.items.map(
                  (g) =>
                    html`<tr data-group=${g.groupId}>
                      <th scope="row">${g.name}</th>
                      <td>${g.kind}</td>
                      <td>${codeLabel(lang, g.level)}</td>
                      <td>${g.size.members}</td>
                      <td>${g.size.norm ?? '—'}</td>
                      <td>${g.meetingCount}</td>
                      <td>
                        <button
                          type="button"
                          class="link"
                          aria-label="${t.showComposition}: ${g.name}"
                          @click=${() => a.showGroup(g.groupId, asOfInput())}
                        >
                          ${t.showComposition}
                        </button>
                        ${historyButton(t, a, { kind: 'group', id: g.groupId }, g.name)}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          `,
        )}`,
    )}
  </section>`;
}

function decisions(m: TenantModel, a: TenantActions): TemplateResult {
  const { t, lang } = m;
  return html`<section aria-labelledby="decisions-title">
    <h2 id="decisions-title">${t.decisions}</h2>
    ${loaded(
      t,
      m.decisions,
      (page) =>
        html`<ol class="timeline" data-list="decisions">
            ${page.items.map((d) => {
              const day = d.decisionDate ?? d.proposedOn;
              return html`<li data-decision=${d.decisionId}>
                <time datetime=${day}>${day}</time>
                <span class="status status-${d.status}">${codeLabel(lang, d.status)}</span>
                <span class="subject">${d.subject}</span>
                <span class="muted">${d.body?.name ?? ''}</span>
                ${historyButton(t, a, { kind: 'decision', id: d.decisionId }, d.subject)}
              </li>`;
            })}
          </ol>
          ${pager(t, page, t.decisions, a.decisionsPage)}`,
    )}
  </section>`;
}

function pilot(m: TenantModel, a: TenantActions): TemplateResult {
  const { t, lang } = m;
  return html`<section aria-labelledby="pilot-title">
    <h2 id="pilot-title">${t.pilot}</h2>
    ${loaded(t, m.sites, ({ items }) => {
      const sum = (f: (s: SiteProgress) => number) => items.reduce((n, s) => n + f(s), 0);
      return html`${scrollable(
        `${t.table}: ${t.pilot}`,
        html`
          <table data-table="sites">
            ${columnHeaders([t.teryt, t.voivodeship, t.casesEnrolled, t.casesActive, t.plansCompleted, t.successRate, t.caseTeamMeetings, t.supportHours, t.actions])}
            <tbody>
              ${items.map(
                (s) =>
                  html`<tr data-site=${s.teryt}>
                    <th scope="row">${s.teryt}</th>
                    <td>${s.voivodeship}</td>
                    <td data-value=${s.cases.enrolled}>${formatNumber(s.cases.enrolled, 0, lang)}</td>
                    <td>${formatNumber(s.cases.active, 0, lang)}</td>
                    <td data-value=${s.plans.completed}>${formatNumber(s.plans.completed, 0, lang)}</td>
                    <td>${s.plans.successRate === null ? '—' : formatPercent(s.plans.successRate * 100, lang)}</td>
                    <td>${formatNumber(s.caseTeamMeetings, 0, lang)}</td>
                    <td>${formatNumber(s.supportHours, 1, lang)}</td>
                    <td>${historyButton(t, a, { kind: 'site', id: s.teryt }, s.teryt)}</td>
                  </tr>`,
              )}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colspan="2">${t.total}</th>
                <td data-total="enrolled">
                  ${formatNumber(
                    sum((s) => s.cases.enrolled),
                    0,
                    lang,
                  )}
                </td>
                <td>
                  ${formatNumber(
                    sum((s) => s.cases.active),
                    0,
                    lang,
                  )}
                </td>
                <td data-total="completed">
                  ${formatNumber(
                    sum((s) => s.plans.completed),
                    0,
                    lang,
                  )}
                </td>
                <td></td>
                <td>
                  ${formatNumber(
                    sum((s) => s.caseTeamMeetings),
                    0,
                    lang,
                  )}
                </td>
                <td>
                  ${formatNumber(
                    sum((s) => s.supportHours),
                    1,
                    lang,
                  )}
                </td>
                <td></td>
              </tr>
            </tfoot>
          </table>
        `,
      )}`;
    })}
  </section>`;
}

/** Domain name of a stored event type: "groups.MemberJoined.v1" → "MemberJoined". */
const eventName = (type: string) =>
  type
    .replace(/\.v\d+$/, '')
    .split('.')
    .pop()!;

function eventHistory(m: TenantModel, a: TenantActions): TemplateResult {
  const { t, lang } = m;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    a.openHistory({ kind: String(form.get('kind')) as HistoryKind, id: String(form.get('id') ?? '').trim() });
  };
  return html`<section aria-labelledby="history-title" id="history">
    <h2 id="history-title" tabindex="-1">${t.eventHistory}</h2>
    <form class="inline" @submit=${submit}>
      <label for="history-kind">${t.aggregateKind}</label>
      <select id="history-kind" name="kind">
        ${HISTORY_KINDS.map(
          (k) => html`<option value=${k} ?selected=${m.history.kind === k}>${codeLabel(lang, k)}</option>`,
        )}
      </select>
      <label for="history-id">${t.aggregateId}</label>
      <input id="history-id" name="id" .value=${m.history.id} />
      <button type="submit">${t.showHistory}</button>
    </form>
    ${loaded(
      t,
      m.events,
      (h) =>
        html`<table data-table="history">
          <caption>
            ${t.historyOf} ${codeLabel(lang, m.history.kind)} ${m.history.id}
          </caption>
          ${columnHeaders([t.revision, t.what, t.occurredAt, t.recordedAt, t.who, t.source])}
          <tbody>
            ${h.events.map(
              (e) =>
                html`<tr data-revision=${e.revision}>
                  <td>${e.revision}</td>
                  <th scope="row" title=${e.storedType ?? e.type}>${eventName(e.type)}</th>
                  <td>${e.occurredAt ?? '—'}</td>
                  <td data-recorded-at=${e.recordedAt}>${formatInstant(e.recordedAt, lang)}</td>
                  <td>${e.actor ? `${e.actor.sub} (${codeLabel(lang, e.actor.role)})` : '—'}</td>
                  <td>${e.source ?? '—'}</td>
                </tr>`,
            )}
          </tbody>
        </table>`,
    )}
  </section>`;
}

export function tenantView(m: TenantModel, a: TenantActions): TemplateResult {
  return html`${municipalities(m, a)} ${groups(m, a)} ${decisions(m, a)} ${pilot(m, a)} ${eventHistory(m, a)}`;
}
