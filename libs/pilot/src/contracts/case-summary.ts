import { fold } from '@kooperacja/platform';
import { caseDecider, type CaseState, type PlanState } from '../case/case.decider';
import type { CaseEvent } from '../case/case.events';
import { daysBetween, monthsBetween } from '../shared/business-day';
import type { CaseCloseReason, CaseUnit, DiagnosisWaiverReason, PlanOutcome, PlanType } from './vocabulary';

export interface PlanSummary {
  readonly planNo: number;
  readonly planType: PlanType;
  readonly agreedOn: string;
  readonly goals: number;
  readonly responsibleInstitutions: number;
  /** Distinct sectors of the responsible institutions: the plan's cross-sector reach. */
  readonly sectors: number;
  readonly diagnosisWaiver: DiagnosisWaiverReason | null;
  readonly reviews: number;
  /** Goals marked achieved at the latest review. */
  readonly goalsAchieved: number;
  readonly completedOn: string | null;
  readonly outcome: PlanOutcome | null;
  /** From agreement to completion; null while the plan is active. */
  readonly durationMonths: number | null;
}

/** One case as the comparison reads it. Voided meetings and deliveries are not counted. */
export interface CaseSummary {
  readonly caseId: string;
  readonly status: 'open' | 'closed';
  readonly siteTeryt: string;
  readonly voivodeship: string;
  readonly caseUnit: CaseUnit;
  readonly householdSize: number;
  readonly enrolledOn: string;
  /** Day of the earliest diagnosis; null when none (a plan may have been agreed on a waiver). */
  readonly diagnosedOn: string | null;
  readonly plans: readonly PlanSummary[];
  /** Outcome of the latest plan; null while it is active or when there is none. */
  readonly planOutcome: PlanOutcome | null;
  readonly firstMeetingOn: string | null;
  readonly daysToFirstMeeting: number | null;
  /** Months from enrolment to the first case-team meeting (mean Gregorian month, one decimal). */
  readonly monthsToFirstMeeting: number | null;
  readonly meetings: number;
  readonly meetingsWithClient: number;
  readonly supportDeliveries: number;
  readonly supportHours: number;
  readonly closedOn: string | null;
  readonly closeReason: CaseCloseReason | null;
  readonly corrections: number;
}

/** Summarises a case's state; null when nothing is enrolled under the id. */
export function caseSummary(state: CaseState): CaseSummary | null {
  if (state.status === 'not-enrolled') return null;
  const meetings = state.meetings.filter((m) => !m.voided);
  const supports = state.supports.filter((x) => !x.voided);
  const firstMeetingOn = meetings.map((m) => m.heldOn).sort()[0] ?? null;
  const plans = state.plans.map(planSummary);
  return {
    caseId: state.caseId,
    status: state.status,
    siteTeryt: state.siteTeryt,
    voivodeship: state.voivodeship,
    caseUnit: state.caseUnit,
    householdSize: state.householdSize,
    enrolledOn: state.enrolledOn,
    diagnosedOn: state.diagnoses.map((x) => x.diagnosedOn).sort()[0] ?? null,
    plans,
    planOutcome: plans.at(-1)?.outcome ?? null,
    firstMeetingOn,
    daysToFirstMeeting: firstMeetingOn ? daysBetween(state.enrolledOn, firstMeetingOn) : null,
    monthsToFirstMeeting: firstMeetingOn ? monthsBetween(state.enrolledOn, firstMeetingOn) : null,
    meetings: meetings.length,
    meetingsWithClient: meetings.filter((m) => m.clientPresent).length,
    supportDeliveries: supports.length,
    supportHours: roundHours(supports.reduce((sum, x) => sum + x.hours, 0)),
    closedOn: state.closure?.closedOn ?? null,
    closeReason: state.closure?.reason ?? null,
    corrections: state.corrections,
  };
}

/** Folds a case's events (as the catalogue reads them) and summarises it. */
export function summariseCase(events: Iterable<CaseEvent>): CaseSummary | null {
  return caseSummary(fold(caseDecider, events));
}

function planSummary(p: PlanState): PlanSummary {
  const latestReview = p.reviews.at(-1);
  return {
    planNo: p.planNo,
    planType: p.planType,
    agreedOn: p.agreedOn,
    goals: p.goals.length,
    responsibleInstitutions: p.responsibleInstitutions.length,
    sectors: new Set(p.responsibleInstitutions.map((i) => i.sector)).size,
    diagnosisWaiver: p.diagnosisWaiver ?? null,
    reviews: p.reviews.length,
    goalsAchieved: latestReview?.progress.filter((g) => g.progress === 'achieved').length ?? 0,
    completedOn: p.completion?.completedOn ?? null,
    outcome: p.completion?.outcome ?? null,
    durationMonths: p.completion ? monthsBetween(p.agreedOn, p.completion.completedOn) : null,
  };
}

/** Sums of quarter- and half-hours stay exact to two decimals, without floating-point dust. */
export function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}
