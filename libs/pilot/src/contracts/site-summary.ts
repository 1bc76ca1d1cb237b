import { fold } from '@kooperacja/platform';
import { siteDecider, type SiteState } from '../site/site.decider';
import type { SiteEvent } from '../site/site.events';
import { roundHours } from './case-summary';

export interface OutcomeReportSummary {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly reportedOn: string;
  readonly familiesEnrolled: number;
  readonly plansCompleted: number;
  readonly successes: number;
  /** successes / plansCompleted, to three decimals; null when no plan was completed. */
  readonly successRate: number | null;
  /** How many reports stated this period; the figures are the latest one's. */
  readonly reports: number;
}

export interface SiteSummary {
  readonly teryt: string;
  readonly voivodeship: string;
  readonly coaching: {
    readonly sessions: number;
    readonly individualSessions: number;
    readonly groupSessions: number;
    readonly hours: number;
    /** Hours times social workers present: divide by workers coached for hours per worker. */
    readonly workerHours: number;
  };
  readonly supervision: { readonly sessions: number; readonly hours: number; readonly caseTeams: number };
  readonly training: { readonly sessions: number; readonly hours: number; readonly participantHours: number };
  /** The latest report of each period, earliest period first. */
  readonly outcomeReports: readonly OutcomeReportSummary[];
}

/** Summarises a site's staff support and reported outcomes; null when nothing was recorded. */
export function siteSummary(state: SiteState): SiteSummary | null {
  if (state.status !== 'registered') return null;
  const sum = (values: number[]) => roundHours(values.reduce((a, b) => a + b, 0));
  return {
    teryt: state.teryt,
    voivodeship: state.voivodeship,
    coaching: {
      sessions: state.coaching.length,
      individualSessions: state.coaching.filter((c) => c.kind === 'individual').length,
      groupSessions: state.coaching.filter((c) => c.kind === 'group').length,
      hours: sum(state.coaching.map((c) => c.hours)),
      workerHours: sum(state.coaching.map((c) => c.hours * c.socialWorkers)),
    },
    supervision: {
      sessions: state.supervision.length,
      hours: sum(state.supervision.map((s) => s.hours)),
      caseTeams: new Set(state.supervision.map((s) => s.caseTeamId)).size,
    },
    training: {
      sessions: state.trainings.length,
      hours: sum(state.trainings.map((t) => t.hours)),
      participantHours: sum(state.trainings.map((t) => t.hours * t.participants)),
    },
    outcomeReports: latestReports(state),
  };
}

export function summariseSite(events: Iterable<SiteEvent>): SiteSummary | null {
  return siteSummary(fold(siteDecider, events));
}

function latestReports(state: SiteState & { status: 'registered' }): OutcomeReportSummary[] {
  const byPeriod = new Map<string, OutcomeReportSummary>();
  for (const r of state.outcomeReports) {
    const key = `${r.periodStart}/${r.periodEnd}`;
    byPeriod.set(key, {
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      reportedOn: r.reportedOn,
      familiesEnrolled: r.familiesEnrolled,
      plansCompleted: r.plansCompleted,
      successes: r.successes,
      successRate: r.plansCompleted ? Math.round((r.successes / r.plansCompleted) * 1000) / 1000 : null,
      reports: (byPeriod.get(key)?.reports ?? 0) + 1,
    });
  }
  return [...byPeriod.values()].sort(
    (a, b) => a.periodStart.localeCompare(b.periodStart) || a.periodEnd.localeCompare(b.periodEnd),
  );
}
