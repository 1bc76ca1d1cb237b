import type { SiteEvent } from '@kooperacja/pilot';
import type { MunicipalityEvent, PowiatEvent } from '@kooperacja/territory';
import { daysBetween, dayOf } from '../days';
import { delta, span, steps, toHundredths, type Delta } from '../deltas';
import { METRIC, REPORTED } from '../metrics';

export interface SiteReport {
  readonly on: string;
  readonly families: number;
  readonly plans: number;
  readonly successes: number;
}

/** A day → how many (cases, sessions) fall on it: keeps a minimum exact under retractions. */
export type DayCounts = Readonly<Record<string, number>>;

/**
 * One JST (gmina or powiat, by TERYT code) as the comparison needs it: its steps in the
 * territory context, and what the pilot did there (from its site log and its cases).
 */
export interface JstEntity {
  readonly t: 'jst';
  readonly kind: 'gmina' | 'powiat';
  readonly signedOn?: string;
  readonly recruitedOn?: string;
  readonly withdrawnOn?: string;
  /** The pilot's site log was opened (its first staff-support fact). */
  readonly siteOpenedOn?: string;
  /** Enrolment days of the cases at this site. */
  readonly enrolled: DayCounts;
  /** First case-team meeting day of each case at this site that had one. */
  readonly firstMeetings: DayCounts;
  /** Per coaching day, the most social workers in one session. */
  readonly coached: DayCounts;
  /** Reports per period `start/end`, in the order recorded: a later report restates the period. */
  readonly reports: Readonly<Record<string, readonly SiteReport[]>>;
}

export const newJst = (teryt: string): JstEntity => ({
  t: 'jst',
  kind: teryt.length === 4 ? 'powiat' : 'gmina',
  enrolled: {},
  firstMeetings: {},
  coached: {},
  reports: {},
});

export function evolveTerritory(state: JstEntity, event: MunicipalityEvent | PowiatEvent): JstEntity {
  switch (event.type) {
    case 'CooperationAgreementSigned':
    case 'PowiatAgreementSigned':
      return { ...state, signedOn: dayOf(event.data.signedOn) };
    case 'PilotSiteRecruited':
      return { ...state, recruitedOn: dayOf(event.data.recruitedOn) };
    case 'MunicipalityWithdrew':
      return { ...state, withdrawnOn: dayOf(event.data.withdrawnOn) };
    default:
      return state;
  }
}

/**
 * A site-log event: its effect on the JST's state, and the deltas it adds outright (sessions
 * are never corrected, so they need no state). `occurredOn` is the event's business day.
 */
export function evolveSite(
  state: JstEntity,
  event: SiteEvent,
  occurredOn: string,
): { state: JstEntity; flows: Delta[] } {
  const opened = state.siteOpenedOn && state.siteOpenedOn <= occurredOn ? state.siteOpenedOn : occurredOn;
  switch (event.type) {
    case 'SiteRegistered':
      return { state: { ...state, siteOpenedOn: opened }, flows: [] };
    case 'CoachingSessionHeld': {
      const { kind, hours, socialWorkers } = event.data;
      const on = dayOf(event.data.heldOn);
      const coached = Math.max(state.coached[on] ?? 0, socialWorkers);
      return {
        state: { ...state, siteOpenedOn: opened, coached: { ...state.coached, [on]: coached } },
        flows: [
          delta(METRIC.coaching, kind, on, 1, toHundredths(hours)),
          delta(METRIC.coachingWorkerHours, '', on, 0, toHundredths(hours) * socialWorkers),
        ],
      };
    }
    case 'TrainingHeld':
      return {
        state: { ...state, siteOpenedOn: opened },
        flows: [delta(METRIC.trainings, event.data.topic, dayOf(event.data.heldOn), 1, event.data.participants * 100)],
      };
    case 'PilotOutcomeReported': {
      const d = event.data;
      const period = `${dayOf(d.periodStart)}/${dayOf(d.periodEnd)}`;
      const report = {
        on: dayOf(d.reportedOn),
        families: d.familiesEnrolled,
        plans: d.plansCompleted,
        successes: d.successes,
      };
      const reports = { ...state.reports, [period]: [...(state.reports[period] ?? []), report] };
      return { state: { ...state, siteOpenedOn: opened, reports }, flows: [] };
    }
    default:
      return { state: { ...state, siteOpenedOn: opened }, flows: [] };
  }
}

/** What one case tells its site: when it was enrolled and when its first case-team meeting was. */
export interface CaseMarks {
  readonly enrolledOn: string;
  readonly firstMeetingOn: string | null;
}

/**
 * Moves one case's marks at its site from `before` to `after` (either may be null). Changes the
 * state's day counts in place: a site has hundreds of cases, and a batch moves many of them.
 */
export function moveCaseMarks(state: JstEntity, before: CaseMarks | null, after: CaseMarks | null): JstEntity {
  if (before?.enrolledOn !== after?.enrolledOn) {
    bump(state.enrolled, before?.enrolledOn, -1);
    bump(state.enrolled, after?.enrolledOn, 1);
  }
  if ((before?.firstMeetingOn ?? null) !== (after?.firstMeetingOn ?? null)) {
    bump(state.firstMeetings, before?.firstMeetingOn ?? undefined, -1);
    bump(state.firstMeetings, after?.firstMeetingOn ?? undefined, 1);
  }
  return state;
}

function bump(counts: DayCounts, day: string | undefined, by: number): void {
  if (day === undefined) return;
  const mutable = counts as Record<string, number>;
  const n = (mutable[day] ?? 0) + by;
  if (n === 0) delete mutable[day];
  else mutable[day] = n;
}

function earliest(counts: DayCounts): string | null {
  let min: string | null = null;
  for (const [day, n] of Object.entries(counts)) if (n > 0 && (min === null || day < min)) min = day;
  return min;
}

export function jstContribution(state: JstEntity): Delta[] {
  const out: Delta[] = [];
  const gone = state.withdrawnOn ?? null;
  if (state.signedOn && !(gone && gone <= state.signedOn)) {
    out.push(...span(METRIC.jstUnderAgreement, state.kind, state.signedOn, gone));
  }
  const inPilot = pilotStart(state);
  if (inPilot && !(gone && gone <= inPilot)) out.push(...span(METRIC.jstInPilot, state.kind, inPilot, gone));

  const firstMeeting = earliest(state.firstMeetings);
  if (state.signedOn && firstMeeting && firstMeeting >= state.signedOn) {
    out.push(
      delta(METRIC.agreementToFirstMeeting, '', firstMeeting, 1, daysBetween(state.signedOn, firstMeeting) * 100),
    );
  }

  let most = 0;
  for (const day of Object.keys(state.coached).sort()) {
    if (state.coached[day] > most) {
      out.push(delta(METRIC.socialWorkersCoached, '', day, 0, (state.coached[day] - most) * 100));
      most = state.coached[day];
    }
  }

  for (const reports of Object.values(state.reports)) {
    // Each period's figures as restated over business time: later report day wins, then later record.
    const inForce = reports
      .map((r, order) => ({ ...r, order }))
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.order - b.order));
    for (const [dimension, figure] of [
      [REPORTED.familiesEnrolled, 'families'],
      [REPORTED.plansCompleted, 'plans'],
      [REPORTED.successes, 'successes'],
    ] as const) {
      out.push(
        ...steps(
          METRIC.reportedOutcomes,
          dimension,
          inForce.map((r) => ({ on: r.on, value: r[figure] * 100 })),
        ),
      );
    }
  }
  return out;
}

/**
 * A gmina is in the pilot once territory recruited it. Territory records no such step for a
 * powiat, so a powiat counts from the pilot's first fact there: its site log or a case.
 */
function pilotStart(state: JstEntity): string | null {
  if (state.kind === 'gmina') return state.recruitedOn ?? null;
  const candidates = [state.siteOpenedOn, earliest(state.enrolled)].filter((d): d is string => !!d);
  return candidates.length ? candidates.sort()[0] : null;
}
