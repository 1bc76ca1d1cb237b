import {
  assertWithinPeriod,
  conflict,
  invalid,
  type Command,
  type Decider,
  type ProjectPeriod,
} from '@kooperacja/platform';
import { coachingKinds, trainingTopics, type CoachingKind, type TrainingTopic } from '../contracts/vocabulary';
import { businessDay } from '../shared/business-day';
import { pseudonymousId } from '../shared/pseudonymous-id';
import { assertInPartnership, assertVoivodeshipAllowed, hours, oneOf, wholeNumber } from '../shared/rules';
import { pilotSiteCode } from '../shared/teryt';
import type {
  CoachingSessionHeld,
  PilotOutcomeReported,
  SiteEvent,
  SupervisionSessionHeld,
  TrainingHeld,
} from './site.events';

export interface RegisteredSite {
  readonly status: 'registered';
  readonly teryt: string;
  readonly voivodeship: string;
  readonly coaching: readonly CoachingSessionHeld['data'][];
  readonly supervision: readonly SupervisionSessionHeld['data'][];
  readonly trainings: readonly TrainingHeld['data'][];
  readonly outcomeReports: readonly PilotOutcomeReported['data'][];
}

export type SiteState = { readonly status: 'unregistered' } | RegisteredSite;

/** What every site command carries besides its own data. The handler fills the looked-up facts. */
export interface SiteCommandBase {
  /** TERYT code of the site: the stream's id. */
  readonly teryt: string;
  /** Business time of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  /** The tenant's project period after every amendment; null while none is recorded. */
  readonly period?: ProjectPeriod | null;
  /** From the verified token: the voivodeships a tenant editor may act in. Absent: no limit. */
  readonly allowedVoivodeships?: readonly string[];
  /** Voivodeships of the tenant's partnership, from the tenant directory. */
  readonly tenantVoivodeships?: readonly string[];
}

export type RecordCoachingSession = Command<
  'RecordCoachingSession',
  SiteCommandBase & { readonly kind: CoachingKind; readonly hours: number; readonly socialWorkers: number }
>;

export type RecordSupervisionSession = Command<
  'RecordSupervisionSession',
  SiteCommandBase & { readonly caseTeamId: string; readonly hours: number; readonly participants: number }
>;

export type RecordTraining = Command<
  'RecordTraining',
  SiteCommandBase & { readonly topic: TrainingTopic; readonly hours: number; readonly participants: number }
>;

export type ReportPilotOutcome = Command<
  'ReportPilotOutcome',
  SiteCommandBase & {
    readonly periodStart: string;
    readonly periodEnd: string;
    readonly familiesEnrolled: number;
    readonly plansCompleted: number;
    readonly successes: number;
    readonly source: string;
  }
>;

export type SiteCommand = RecordCoachingSession | RecordSupervisionSession | RecordTraining | ReportPilotOutcome;

/** A coaching or supervision session is one day's work; a training may be a course of several days. */
const MAX_SESSION_HOURS = 24;
const MAX_TRAINING_HOURS = 200;
const MAX_GROUP = 50;
const MAX_TRAINING_PARTICIPANTS = 200;
const MAX_COUNT = 100_000;
const MAX_SOURCE = 200;

/**
 * The site as known before this command: registered already, or registered by this command
 * (then `registration` holds the event to record first).
 */
function site(state: SiteState, d: SiteCommandBase): { voivodeship: string; registration: SiteEvent[] } {
  if (state.status === 'registered') {
    if (d.teryt !== state.teryt) {
      throw conflict('site.teryt-mismatch', `this log belongs to the site ${state.teryt}`, 'teryt');
    }
    assertVoivodeshipAllowed(state.voivodeship, d.allowedVoivodeships);
    return { voivodeship: state.voivodeship, registration: [] };
  }
  const code = pilotSiteCode(d.teryt, 'teryt');
  assertVoivodeshipAllowed(code.voivodeship, d.allowedVoivodeships);
  assertInPartnership(code.voivodeship, d.tenantVoivodeships, 'teryt');
  return { voivodeship: code.voivodeship, registration: [{ type: 'SiteRegistered', data: code }] };
}

function factDay(d: SiteCommandBase): string {
  const day = businessDay(d.occurredAt);
  assertWithinPeriod(d.period, day);
  return day;
}

function recordCoaching(d: RecordCoachingSession['data'], state: SiteState): SiteEvent[] {
  const { registration } = site(state, d);
  const heldOn = factDay(d);
  const kind = oneOf(coachingKinds, d.kind, 'coaching.kind-unknown', 'kind');
  const sessionHours = hours(d.hours, MAX_SESSION_HOURS, 'session.hours-invalid');
  const socialWorkers =
    kind === 'individual'
      ? wholeNumber(d.socialWorkers, 1, 1, 'coaching.participants-invalid', 'socialWorkers')
      : wholeNumber(d.socialWorkers, 2, MAX_GROUP, 'coaching.participants-invalid', 'socialWorkers');
  return [...registration, { type: 'CoachingSessionHeld', data: { heldOn, kind, hours: sessionHours, socialWorkers } }];
}

function recordSupervision(d: RecordSupervisionSession['data'], state: SiteState): SiteEvent[] {
  const { registration } = site(state, d);
  const heldOn = factDay(d);
  const caseTeamId = pseudonymousId(d.caseTeamId, 'caseTeamId', 'case-team');
  const sessionHours = hours(d.hours, MAX_SESSION_HOURS, 'session.hours-invalid');
  const participants = wholeNumber(d.participants, 1, MAX_GROUP, 'session.participants-invalid', 'participants');
  return [
    ...registration,
    { type: 'SupervisionSessionHeld', data: { heldOn, caseTeamId, hours: sessionHours, participants } },
  ];
}

function recordTraining(d: RecordTraining['data'], state: SiteState): SiteEvent[] {
  const { registration } = site(state, d);
  const heldOn = factDay(d);
  const topic = oneOf(trainingTopics, d.topic, 'training.topic-unknown', 'topic');
  const trainingHours = hours(d.hours, MAX_TRAINING_HOURS, 'session.hours-invalid');
  const participants = wholeNumber(
    d.participants,
    1,
    MAX_TRAINING_PARTICIPANTS,
    'session.participants-invalid',
    'participants',
  );
  return [...registration, { type: 'TrainingHeld', data: { heldOn, topic, hours: trainingHours, participants } }];
}

function reportOutcome(d: ReportPilotOutcome['data'], state: SiteState): SiteEvent[] {
  const { registration } = site(state, d);
  const reportedOn = factDay(d);
  const periodStart = businessDay(d.periodStart, 'periodStart');
  const periodEnd = businessDay(d.periodEnd, 'periodEnd');
  if (periodEnd < periodStart) {
    throw invalid('report.period-invalid', 'the period cannot end before it starts', 'periodEnd');
  }
  assertWithinPeriod(d.period, periodStart, 'periodStart');
  assertWithinPeriod(d.period, periodEnd, 'periodEnd');
  if (reportedOn < periodEnd) {
    throw invalid(
      'report.before-period-end',
      `a period's outcome is reported once it has ended (${periodEnd})`,
      'occurredAt',
    );
  }
  const count = (value: unknown, field: string) => wholeNumber(value, 0, MAX_COUNT, 'report.count-invalid', field);
  const familiesEnrolled = count(d.familiesEnrolled, 'familiesEnrolled');
  const plansCompleted = count(d.plansCompleted, 'plansCompleted');
  const successes = count(d.successes, 'successes');
  if (successes > plansCompleted) {
    throw invalid('report.successes-exceed-completed', 'successes cannot exceed the plans completed', 'successes');
  }
  if (typeof d.source !== 'string' || d.source.trim().length === 0 || d.source.length > MAX_SOURCE) {
    throw invalid(
      'report.source-invalid',
      `name the document the figures come from (1-${MAX_SOURCE} characters)`,
      'source',
    );
  }
  const report = {
    reportedOn,
    periodStart,
    periodEnd,
    familiesEnrolled,
    plansCompleted,
    successes,
    source: d.source.trim(),
  };
  const latest = latestReportFor(state, periodStart, periodEnd);
  // The same figures from the same source, restated: already recorded, nothing to add.
  if (latest && sameFigures(latest, report)) return [];
  return [...registration, { type: 'PilotOutcomeReported', data: report }];
}

function latestReportFor(state: SiteState, periodStart: string, periodEnd: string) {
  if (state.status !== 'registered') return undefined;
  return state.outcomeReports.filter((r) => r.periodStart === periodStart && r.periodEnd === periodEnd).at(-1);
}

function sameFigures(a: PilotOutcomeReported['data'], b: PilotOutcomeReported['data']): boolean {
  return (
    a.familiesEnrolled === b.familiesEnrolled &&
    a.plansCompleted === b.plansCompleted &&
    a.successes === b.successes &&
    a.source === b.source
  );
}

function evolve(state: SiteState, event: SiteEvent): SiteState {
  if (event.type === 'SiteRegistered') {
    return { status: 'registered', ...event.data, coaching: [], supervision: [], trainings: [], outcomeReports: [] };
  }
  if (state.status !== 'registered') return state;
  switch (event.type) {
    case 'CoachingSessionHeld':
      return { ...state, coaching: [...state.coaching, event.data] };
    case 'SupervisionSessionHeld':
      return { ...state, supervision: [...state.supervision, event.data] };
    case 'TrainingHeld':
      return { ...state, trainings: [...state.trainings, event.data] };
    case 'PilotOutcomeReported':
      return { ...state, outcomeReports: [...state.outcomeReports, event.data] };
  }
}

export const siteDecider: Decider<SiteState, SiteCommand, SiteEvent> = {
  initialState: () => ({ status: 'unregistered' }),
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'RecordCoachingSession':
        return recordCoaching(command.data, state);
      case 'RecordSupervisionSession':
        return recordSupervision(command.data, state);
      case 'RecordTraining':
        return recordTraining(command.data, state);
      case 'ReportPilotOutcome':
        return reportOutcome(command.data, state);
    }
  },
};
