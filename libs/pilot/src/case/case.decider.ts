import {
  assertWithinPeriod,
  conflict,
  invalid,
  notFound,
  type Command,
  type Decider,
  type ProjectPeriod,
} from '@kooperacja/platform';
import {
  caseCloseReasons,
  caseUnits,
  correctionReasons,
  diagnosisAreas,
  diagnosisWaiverReasons,
  goalProgressLevels,
  planOutcomes,
  planTypeOfCaseUnit,
  planTypes,
  sectors,
  supportKinds,
  type CaseCloseReason,
  type CaseUnit,
  type CorrectionReason,
  type DiagnosisArea,
  type DiagnosisWaiverReason,
  type GoalProgressLevel,
  type PlanOutcome,
  type PlanType,
  type Sector,
  type SupportKind,
} from '../contracts/vocabulary';
import { businessDay } from '../shared/business-day';
import { pseudonymousId } from '../shared/pseudonymous-id';
import { assertInPartnership, assertVoivodeshipAllowed, hours, oneOf, wholeNumber } from '../shared/rules';
import { pilotSiteCode } from '../shared/teryt';
import type { CaseCorrection, CaseEvent, GoalProgress, PlanGoal, ResponsibleInstitution } from './case.events';

// ---------------------------------------------------------------------------------------------
// State

export interface PlanState {
  readonly planNo: number;
  readonly planType: PlanType;
  readonly agreedOn: string;
  readonly goals: readonly PlanGoal[];
  readonly responsibleInstitutions: readonly ResponsibleInstitution[];
  readonly diagnosisWaiver?: DiagnosisWaiverReason;
  readonly reviews: readonly { readonly reviewedOn: string; readonly progress: readonly GoalProgress[] }[];
  readonly completion?: { readonly completedOn: string; readonly outcome: PlanOutcome };
}

export interface MeetingRecord {
  readonly meetingNo: number;
  readonly planNo: number;
  readonly heldOn: string;
  readonly clientPresent: boolean;
  readonly institutionsPresent: number;
  /** Voided by a correction (recorded twice, or never took place): kept, but not counted. */
  readonly voided: boolean;
}

export interface SupportRecord {
  readonly supportNo: number;
  readonly planNo: number;
  readonly deliveredOn: string;
  readonly kind: SupportKind;
  readonly hours: number;
  readonly voided: boolean;
}

export interface EnrolledCase {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly siteTeryt: string;
  readonly voivodeship: string;
  readonly caseUnit: CaseUnit;
  readonly householdSize: number;
  readonly enrolledOn: string;
  readonly diagnoses: readonly { readonly diagnosedOn: string; readonly areas: readonly DiagnosisArea[] }[];
  readonly plans: readonly PlanState[];
  readonly meetings: readonly MeetingRecord[];
  readonly supports: readonly SupportRecord[];
  readonly closure?: { readonly closedOn: string; readonly reason: CaseCloseReason };
  readonly corrections: number;
}

export type CaseState = { readonly status: 'not-enrolled' } | EnrolledCase;

// ---------------------------------------------------------------------------------------------
// Commands

/** What every case command carries besides its own data. The handler fills the looked-up facts. */
export interface CaseCommandBase {
  /** Business time of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  /** The tenant's project period after every amendment; null while none is recorded. */
  readonly period?: ProjectPeriod | null;
  /** From the verified token: the voivodeships a tenant editor may act in. Absent: no limit. */
  readonly allowedVoivodeships?: readonly string[];
}

export type EnrolCase = Command<
  'EnrolCase',
  CaseCommandBase & {
    readonly caseId: string;
    readonly siteTeryt: string;
    readonly householdSize: number;
    readonly caseUnit: CaseUnit;
    /** Voivodeships of the tenant's partnership, from the tenant directory. */
    readonly tenantVoivodeships?: readonly string[];
  }
>;

export type CompleteDiagnosis = Command<
  'CompleteDiagnosis',
  CaseCommandBase & { readonly areas: readonly DiagnosisArea[] }
>;

export interface PlanGoalInput extends PlanGoal {
  /** A short label (at most 80 characters). Free text: personal data, erasable. */
  readonly label?: string;
}

export type AgreeIndividualPlan = Command<
  'AgreeIndividualPlan',
  CaseCommandBase & {
    readonly planType: PlanType;
    readonly goals: readonly PlanGoalInput[];
    readonly responsibleInstitutions: readonly ResponsibleInstitution[];
    /** The documented exception to "diagnosis before plan". */
    readonly diagnosisWaiver?: DiagnosisWaiverReason;
  }
>;

export type RecordCaseTeamMeeting = Command<
  'RecordCaseTeamMeeting',
  CaseCommandBase & { readonly clientPresent: boolean; readonly institutionsPresent: number }
>;

export type RecordSupportDelivery = Command<
  'RecordSupportDelivery',
  CaseCommandBase & { readonly kind: SupportKind; readonly hours: number }
>;

export type ReviewPlan = Command<'ReviewPlan', CaseCommandBase & { readonly progress: readonly GoalProgress[] }>;

export type CompletePlan = Command<'CompletePlan', CaseCommandBase & { readonly outcome: PlanOutcome }>;

export type CloseCase = Command<'CloseCase', CaseCommandBase & { readonly reason: CaseCloseReason }>;

export type CorrectCaseFact = Command<
  'CorrectCaseFact',
  CaseCommandBase & { readonly reason: CorrectionReason; readonly correction: CaseCorrection }
>;

export type CaseCommand =
  | EnrolCase
  | CompleteDiagnosis
  | AgreeIndividualPlan
  | RecordCaseTeamMeeting
  | RecordSupportDelivery
  | ReviewPlan
  | CompletePlan
  | CloseCase
  | CorrectCaseFact;

// ---------------------------------------------------------------------------------------------
// Limits of plausible input

const MAX_HOUSEHOLD = 20;
const MAX_GOALS = 20;
const MAX_GOAL_LABEL = 80;
const MAX_INSTITUTIONS = 30;
const MAX_INSTITUTIONS_PRESENT = 50;
/** One delivery is one day's support. */
const MAX_SUPPORT_HOURS = 24;
const GOAL_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const INSTITUTION_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const MAX_INSTITUTION_ID = 64;

// ---------------------------------------------------------------------------------------------
// Decide

function enrol(d: EnrolCase['data'], state: CaseState): CaseEvent[] {
  if (state.status !== 'not-enrolled') {
    assertVoivodeshipAllowed(state.voivodeship, d.allowedVoivodeships);
    throw conflict('case.already-enrolled', 'this case is already enrolled');
  }
  const caseId = pseudonymousId(d.caseId, 'caseId', 'case');
  const site = pilotSiteCode(d.siteTeryt, 'siteTeryt');
  assertVoivodeshipAllowed(site.voivodeship, d.allowedVoivodeships);
  assertInPartnership(site.voivodeship, d.tenantVoivodeships, 'siteTeryt');
  const enrolledOn = businessDay(d.occurredAt);
  assertWithinPeriod(d.period, enrolledOn);
  return [
    {
      type: 'CaseEnrolled',
      data: {
        caseId,
        siteTeryt: site.teryt,
        voivodeship: site.voivodeship,
        householdSize: wholeNumber(d.householdSize, 1, MAX_HOUSEHOLD, 'case.household-size-invalid', 'householdSize'),
        caseUnit: oneOf(caseUnits, d.caseUnit, 'case.unit-unknown', 'caseUnit'),
        enrolledOn,
      },
    },
  ];
}

function completeDiagnosis(d: CompleteDiagnosis['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const diagnosedOn = factDay(s, d);
  if (!Array.isArray(d.areas) || d.areas.length === 0) {
    throw invalid('diagnosis.areas-required', 'name at least one diagnosed area', 'areas');
  }
  const areas = d.areas.map((a, i) => oneOf(diagnosisAreas, a, 'diagnosis.area-unknown', `areas[${i}]`));
  if (new Set(areas).size !== areas.length) {
    throw invalid('diagnosis.area-duplicate', 'each area may be named once', 'areas');
  }
  return [{ type: 'DiagnosisCompleted', data: { diagnosedOn, areas } }];
}

function agreePlan(d: AgreeIndividualPlan['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const agreedOn = factDay(s, d);
  const planType = oneOf(planTypes, d.planType, 'plan.type-unknown', 'planType');
  const { goals, goalLabels } = planGoals(d.goals);
  const responsibleInstitutions = institutions(d.responsibleInstitutions);
  const waiver =
    d.diagnosisWaiver === undefined || d.diagnosisWaiver === null
      ? undefined
      : oneOf(diagnosisWaiverReasons, d.diagnosisWaiver, 'plan.waiver-reason-unknown', 'diagnosisWaiver');

  const last = s.plans.at(-1);
  if (last && !last.completion) {
    throw conflict('plan.already-active', `plan ${last.planNo} is still active; complete it before agreeing another`);
  }
  if (last?.completion && agreedOn < last.completion.completedOn) {
    throw conflict(
      'date.before-previous-plan',
      `a new plan cannot be agreed before the previous one was completed (${last.completion.completedOn})`,
      'occurredAt',
    );
  }
  const modelPlanType = planTypeOfCaseUnit[s.caseUnit];
  if (planType !== modelPlanType && planType !== 'kontrakt-socjalny') {
    throw conflict(
      'plan.type-not-of-model',
      `a case of the ${s.caseUnit} model works through a ${modelPlanType} plan or a kontrakt socjalny`,
      'planType',
    );
  }
  const firstDiagnosis = [...s.diagnoses].sort((a, b) => a.diagnosedOn.localeCompare(b.diagnosedOn))[0];
  if (firstDiagnosis && waiver) {
    throw conflict(
      'plan.waiver-not-needed',
      'the case has a diagnosis; a diagnosis waiver is only for plans agreed without one',
      'diagnosisWaiver',
    );
  }
  if (!firstDiagnosis && !waiver) {
    throw conflict(
      'plan.diagnosis-missing',
      'complete the multidimensional diagnosis first, or give the documented reason for a waiver',
      'diagnosisWaiver',
    );
  }
  if (firstDiagnosis && agreedOn < firstDiagnosis.diagnosedOn) {
    throw conflict(
      'plan.before-diagnosis',
      `the plan cannot be agreed before the diagnosis (${firstDiagnosis.diagnosedOn})`,
      'occurredAt',
    );
  }
  return [
    {
      type: 'IndividualPlanAgreed',
      data: {
        planNo: s.plans.length + 1,
        planType,
        agreedOn,
        goals,
        ...(goalLabels ? { goalLabels } : {}),
        responsibleInstitutions,
        ...(waiver ? { diagnosisWaiver: waiver } : {}),
      },
    },
  ];
}

function planGoals(input: unknown): { goals: PlanGoal[]; goalLabels?: Record<string, string> } {
  if (!Array.isArray(input) || input.length === 0) {
    throw invalid('plan.goals-required', 'a plan needs at least one goal', 'goals');
  }
  if (input.length > MAX_GOALS) {
    throw invalid('plan.goals-too-many', `a plan has at most ${MAX_GOALS} goals`, 'goals');
  }
  const goals: PlanGoal[] = [];
  const labels: Record<string, string> = {};
  (input as PlanGoalInput[]).forEach((g, i) => {
    if (typeof g?.goalId !== 'string' || !GOAL_ID.test(g.goalId)) {
      throw invalid(
        'plan.goal-id-invalid',
        'a goal id is a short code of lower-case letters, digits and hyphens, e.g. g1 or income-1',
        `goals[${i}].goalId`,
      );
    }
    if (goals.some((other) => other.goalId === g.goalId)) {
      throw invalid('plan.goal-id-duplicate', `goal id ${g.goalId} is used twice`, `goals[${i}].goalId`);
    }
    const area = oneOf(diagnosisAreas, g.area, 'plan.goal-area-unknown', `goals[${i}].area`);
    if (g.label !== undefined && g.label !== null) {
      if (typeof g.label !== 'string' || g.label.trim().length === 0 || g.label.length > MAX_GOAL_LABEL) {
        throw invalid(
          'plan.goal-label-invalid',
          `a goal label is a short text of 1-${MAX_GOAL_LABEL} characters`,
          `goals[${i}].label`,
        );
      }
      labels[g.goalId] = g.label.trim();
    }
    goals.push({ goalId: g.goalId, area });
  });
  return Object.keys(labels).length ? { goals, goalLabels: labels } : { goals };
}

function institutions(input: unknown): ResponsibleInstitution[] {
  if (!Array.isArray(input) || input.length === 0) {
    throw invalid(
      'plan.institutions-required',
      'name at least one institution responsible for the plan',
      'responsibleInstitutions',
    );
  }
  if (input.length > MAX_INSTITUTIONS) {
    throw invalid(
      'plan.institutions-too-many',
      `at most ${MAX_INSTITUTIONS} responsible institutions`,
      'responsibleInstitutions',
    );
  }
  const result: ResponsibleInstitution[] = [];
  (input as ResponsibleInstitution[]).forEach((inst, i) => {
    const id = inst?.institutionId;
    if (typeof id !== 'string' || id.length > MAX_INSTITUTION_ID || !INSTITUTION_ID.test(id)) {
      throw invalid(
        'plan.institution-id-invalid',
        'an institution id is a uuid or a lower-case code such as pup-kartuzy',
        `responsibleInstitutions[${i}].institutionId`,
      );
    }
    if (result.some((other) => other.institutionId === id)) {
      throw invalid(
        'plan.institution-duplicate',
        `institution ${id} is named twice`,
        `responsibleInstitutions[${i}].institutionId`,
      );
    }
    const sector: Sector = oneOf(sectors, inst.sector, 'plan.sector-unknown', `responsibleInstitutions[${i}].sector`);
    result.push({ institutionId: id, sector });
  });
  return result;
}

function recordMeeting(d: RecordCaseTeamMeeting['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const heldOn = factDay(s, d);
  if (typeof d.clientPresent !== 'boolean') {
    throw invalid(
      'meeting.client-present-invalid',
      'say whether the client was present (true or false)',
      'clientPresent',
    );
  }
  const institutionsPresent = wholeNumber(
    d.institutionsPresent,
    0,
    MAX_INSTITUTIONS_PRESENT,
    'meeting.institutions-present-invalid',
    'institutionsPresent',
  );
  const plan = activePlanOn(s, heldOn);
  return [
    {
      type: 'CaseTeamMeetingHeld',
      data: {
        meetingNo: s.meetings.length + 1,
        planNo: plan.planNo,
        heldOn,
        clientPresent: d.clientPresent,
        institutionsPresent,
      },
    },
  ];
}

function recordSupport(d: RecordSupportDelivery['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const deliveredOn = factDay(s, d);
  const kind = oneOf(supportKinds, d.kind, 'support.kind-unknown', 'kind');
  const supportHours = hours(d.hours, MAX_SUPPORT_HOURS, 'support.hours-invalid');
  const plan = activePlanOn(s, deliveredOn);
  return [
    {
      type: 'SupportDelivered',
      data: { supportNo: s.supports.length + 1, planNo: plan.planNo, deliveredOn, kind, hours: supportHours },
    },
  ];
}

function reviewPlan(d: ReviewPlan['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const reviewedOn = factDay(s, d);
  if (!Array.isArray(d.progress) || d.progress.length === 0) {
    throw invalid('review.progress-required', 'give the progress of at least one goal', 'progress');
  }
  const plan = activePlanOn(s, reviewedOn);
  const progress: GoalProgress[] = [];
  d.progress.forEach((p, i) => {
    if (!plan.goals.some((g) => g.goalId === p?.goalId)) {
      throw invalid(
        'review.goal-unknown',
        `plan ${plan.planNo} has no goal with this id; its goals are ${plan.goals.map((g) => g.goalId).join(', ')}`,
        `progress[${i}].goalId`,
      );
    }
    if (progress.some((other) => other.goalId === p.goalId)) {
      throw invalid('review.goal-duplicate', `goal ${p.goalId} is reviewed twice`, `progress[${i}].goalId`);
    }
    const level: GoalProgressLevel = oneOf(
      goalProgressLevels,
      p.progress,
      'review.progress-unknown',
      `progress[${i}].progress`,
    );
    progress.push({ goalId: p.goalId, progress: level });
  });
  return [{ type: 'PlanReviewed', data: { planNo: plan.planNo, reviewedOn, progress } }];
}

function completePlan(d: CompletePlan['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const completedOn = factDay(s, d);
  const outcome = oneOf(planOutcomes, d.outcome, 'plan.outcome-unknown', 'outcome');
  const last = s.plans.at(-1);
  if (!last) throw conflict('plan.not-agreed', 'the case has no individual plan to complete');
  if (last.completion) {
    throw conflict(
      'plan.already-completed',
      `plan ${last.planNo} was already completed on ${last.completion.completedOn}`,
    );
  }
  if (completedOn < last.agreedOn) {
    throw conflict('date.before-plan', `the plan was agreed on ${last.agreedOn}`, 'occurredAt');
  }
  assertNotBeforeLastFact(s, completedOn);
  return [{ type: 'PlanCompleted', data: { planNo: last.planNo, completedOn, outcome } }];
}

function closeCase(d: CloseCase['data'], state: CaseState): CaseEvent[] {
  const s = openCase(state, d);
  const closedOn = factDay(s, d);
  const reason = oneOf(caseCloseReasons, d.reason, 'case.close-reason-unknown', 'reason');
  const last = s.plans.at(-1);
  if (last && !last.completion) {
    throw conflict(
      'case.plan-active',
      `plan ${last.planNo} is still active; record its completion and outcome before closing the case`,
    );
  }
  assertNotBeforeLastFact(s, closedOn);
  return [{ type: 'CaseClosed', data: { closedOn, reason } }];
}

/** Corrections fix the record of a case, so they are accepted after it was closed too. */
function correct(d: CorrectCaseFact['data'], state: CaseState): CaseEvent[] {
  const s = enrolledCase(state, d);
  const correctedOn = businessDay(d.occurredAt);
  const reason = oneOf(correctionReasons, d.reason, 'correction.reason-unknown', 'reason');
  const c = d.correction as CaseCorrection | undefined;
  const event = (correction: CaseCorrection): CaseEvent[] => [
    { type: 'CaseFactCorrected', data: { correctedOn, reason, correction } },
  ];
  switch (c?.fact) {
    case 'household-size': {
      const householdSize = wholeNumber(
        c.householdSize,
        1,
        MAX_HOUSEHOLD,
        'case.household-size-invalid',
        'correction.householdSize',
      );
      if (householdSize === s.householdSize) throw noChange();
      return event({ fact: 'household-size', householdSize });
    }
    case 'enrolment-date': {
      const enrolledOn = businessDay(c.enrolledOn, 'correction.enrolledOn');
      assertWithinPeriod(d.period, enrolledOn, 'correction.enrolledOn');
      if (enrolledOn === s.enrolledOn) throw noChange();
      const earliest = factDays(s)[0];
      if (earliest && enrolledOn > earliest) {
        throw conflict(
          'correction.enrolment-after-facts',
          `the case has facts from ${earliest}; enrolment cannot be later than that`,
          'correction.enrolledOn',
        );
      }
      return event({ fact: 'enrolment-date', enrolledOn });
    }
    case 'plan-outcome': {
      const outcome = oneOf(planOutcomes, c.outcome, 'plan.outcome-unknown', 'correction.outcome');
      const plan = s.plans.find((p) => p.planNo === c.planNo);
      if (!plan) throw invalid('correction.plan-unknown', 'the case has no plan with this number', 'correction.planNo');
      if (!plan.completion) {
        throw conflict(
          'correction.plan-not-completed',
          `plan ${plan.planNo} has no outcome yet; complete it instead`,
          'correction.planNo',
        );
      }
      if (plan.completion.outcome === outcome) throw noChange();
      return event({ fact: 'plan-outcome', planNo: plan.planNo, outcome });
    }
    case 'meeting-voided': {
      const meeting = s.meetings.find((m) => m.meetingNo === c.meetingNo);
      if (!meeting) {
        throw invalid('correction.meeting-unknown', 'the case has no meeting with this number', 'correction.meetingNo');
      }
      if (meeting.voided) {
        throw conflict(
          'correction.already-voided',
          `meeting ${meeting.meetingNo} is already voided`,
          'correction.meetingNo',
        );
      }
      return event({ fact: 'meeting-voided', meetingNo: meeting.meetingNo });
    }
    case 'support-voided': {
      const support = s.supports.find((x) => x.supportNo === c.supportNo);
      if (!support) {
        throw invalid(
          'correction.support-unknown',
          'the case has no support delivery with this number',
          'correction.supportNo',
        );
      }
      if (support.voided) {
        throw conflict(
          'correction.already-voided',
          `support delivery ${support.supportNo} is already voided`,
          'correction.supportNo',
        );
      }
      return event({ fact: 'support-voided', supportNo: support.supportNo });
    }
    default:
      throw invalid(
        'correction.fact-unknown',
        'correction.fact must be one of: household-size, enrolment-date, plan-outcome, meeting-voided, support-voided',
        'correction.fact',
      );
  }
}

const noChange = () => conflict('correction.no-change', 'the record already says this; nothing to correct');

// ---------------------------------------------------------------------------------------------
// Guards shared by the commands

function enrolledCase(state: CaseState, d: CaseCommandBase): EnrolledCase {
  if (state.status === 'not-enrolled') throw notFound('case.not-enrolled', 'no case is enrolled under this id');
  assertVoivodeshipAllowed(state.voivodeship, d.allowedVoivodeships);
  return state;
}

function openCase(state: CaseState, d: CaseCommandBase): EnrolledCase {
  const s = enrolledCase(state, d);
  if (s.status === 'closed') throw conflict('case.closed', `the case was closed on ${s.closure?.closedOn}`);
  return s;
}

/** The day of the fact: a valid date, inside the project period, not before enrolment. */
function factDay(s: EnrolledCase, d: CaseCommandBase): string {
  const day = businessDay(d.occurredAt);
  assertWithinPeriod(d.period, day);
  if (day < s.enrolledOn) {
    throw conflict('date.before-enrolment', `the case was enrolled on ${s.enrolledOn}`, 'occurredAt');
  }
  return day;
}

/** Meetings, support and reviews happen under the active plan, on or after the day it was agreed. */
function activePlanOn(s: EnrolledCase, day: string): PlanState {
  const plan = s.plans.at(-1);
  if (!plan || plan.completion) {
    throw conflict('plan.not-active', 'the case has no active individual plan; agree one first');
  }
  if (day < plan.agreedOn) {
    throw conflict('date.before-plan', `the active plan was agreed on ${plan.agreedOn}`, 'occurredAt');
  }
  return plan;
}

/** Every recorded (not voided) fact day of the case after enrolment, earliest first. */
function factDays(s: EnrolledCase): string[] {
  return [
    ...s.diagnoses.map((x) => x.diagnosedOn),
    ...s.plans.flatMap((p) => [
      p.agreedOn,
      ...p.reviews.map((r) => r.reviewedOn),
      ...(p.completion ? [p.completion.completedOn] : []),
    ]),
    ...s.meetings.filter((m) => !m.voided).map((m) => m.heldOn),
    ...s.supports.filter((x) => !x.voided).map((x) => x.deliveredOn),
  ].sort();
}

function assertNotBeforeLastFact(s: EnrolledCase, day: string): void {
  const latest = factDays(s).at(-1);
  if (latest && day < latest) {
    throw conflict('date.before-last-activity', `the case has facts recorded up to ${latest}`, 'occurredAt');
  }
}

// ---------------------------------------------------------------------------------------------
// Evolve

function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseEnrolled') {
    const { caseId, siteTeryt, voivodeship, caseUnit, householdSize, enrolledOn } = event.data;
    return {
      status: 'open',
      caseId,
      siteTeryt,
      voivodeship,
      caseUnit,
      householdSize,
      enrolledOn,
      diagnoses: [],
      plans: [],
      meetings: [],
      supports: [],
      corrections: 0,
    };
  }
  if (state.status === 'not-enrolled') return state;
  switch (event.type) {
    case 'DiagnosisCompleted':
      return { ...state, diagnoses: [...state.diagnoses, event.data] };
    case 'IndividualPlanAgreed': {
      const { planNo, planType, agreedOn, goals, responsibleInstitutions, diagnosisWaiver } = event.data;
      const plan: PlanState = {
        planNo,
        planType,
        agreedOn,
        goals,
        responsibleInstitutions,
        reviews: [],
        ...(diagnosisWaiver ? { diagnosisWaiver } : {}),
      };
      return { ...state, plans: [...state.plans, plan] };
    }
    case 'CaseTeamMeetingHeld':
      return { ...state, meetings: [...state.meetings, { ...event.data, voided: false }] };
    case 'SupportDelivered':
      return { ...state, supports: [...state.supports, { ...event.data, voided: false }] };
    case 'PlanReviewed': {
      const { planNo, reviewedOn, progress } = event.data;
      return updatePlan(state, planNo, (p) => ({ ...p, reviews: [...p.reviews, { reviewedOn, progress }] }));
    }
    case 'PlanCompleted': {
      const { planNo, completedOn, outcome } = event.data;
      return updatePlan(state, planNo, (p) => ({ ...p, completion: { completedOn, outcome } }));
    }
    case 'CaseClosed':
      return { ...state, status: 'closed', closure: event.data };
    case 'CaseFactCorrected':
      return { ...applyCorrection(state, event.data.correction), corrections: state.corrections + 1 };
  }
}

function applyCorrection(state: EnrolledCase, c: CaseCorrection): EnrolledCase {
  switch (c.fact) {
    case 'household-size':
      return { ...state, householdSize: c.householdSize };
    case 'enrolment-date':
      return { ...state, enrolledOn: c.enrolledOn };
    case 'plan-outcome':
      return updatePlan(state, c.planNo, (p) =>
        p.completion ? { ...p, completion: { ...p.completion, outcome: c.outcome } } : p,
      );
    case 'meeting-voided':
      return {
        ...state,
        meetings: state.meetings.map((m) => (m.meetingNo === c.meetingNo ? { ...m, voided: true } : m)),
      };
    case 'support-voided':
      return {
        ...state,
        supports: state.supports.map((x) => (x.supportNo === c.supportNo ? { ...x, voided: true } : x)),
      };
  }
}

function updatePlan(state: EnrolledCase, planNo: number, change: (plan: PlanState) => PlanState): EnrolledCase {
  return { ...state, plans: state.plans.map((p) => (p.planNo === planNo ? change(p) : p)) };
}

// ---------------------------------------------------------------------------------------------

export const caseDecider: Decider<CaseState, CaseCommand, CaseEvent> = {
  initialState: () => ({ status: 'not-enrolled' }),
  evolve,
  decide(command, state) {
    switch (command.type) {
      case 'EnrolCase':
        return enrol(command.data, state);
      case 'CompleteDiagnosis':
        return completeDiagnosis(command.data, state);
      case 'AgreeIndividualPlan':
        return agreePlan(command.data, state);
      case 'RecordCaseTeamMeeting':
        return recordMeeting(command.data, state);
      case 'RecordSupportDelivery':
        return recordSupport(command.data, state);
      case 'ReviewPlan':
        return reviewPlan(command.data, state);
      case 'CompletePlan':
        return completePlan(command.data, state);
      case 'CloseCase':
        return closeCase(command.data, state);
      case 'CorrectCaseFact':
        return correct(command.data, state);
    }
  },
};
