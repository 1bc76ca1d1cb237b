import type { DomainEvent } from '@kooperacja/platform';
import type {
  CaseCloseReason,
  CaseUnit,
  CorrectionReason,
  DiagnosisArea,
  DiagnosisWaiverReason,
  GoalProgressLevel,
  PlanOutcome,
  PlanType,
  Sector,
  SupportKind,
} from '../contracts/vocabulary';

/** A family (or person) enters the pilot. Known only by its pseudonymous case id. */
export type CaseEnrolled = DomainEvent<
  'CaseEnrolled',
  {
    caseId: string;
    /** TERYT code of the pilot site (gmina, 7 digits, or powiat, 4 digits). */
    siteTeryt: string;
    /** Derived from siteTeryt; what a tenant editor's voivodeship limit is checked against. */
    voivodeship: string;
    householdSize: number;
    caseUnit: CaseUnit;
    enrolledOn: string;
  }
>;

/** The multidimensional diagnosis: which areas of the family's life need support. */
export type DiagnosisCompleted = DomainEvent<
  'DiagnosisCompleted',
  { diagnosedOn: string; areas: readonly DiagnosisArea[] }
>;

/** A goal of the plan, coded by area; `goalId` is local to the plan (e.g. 'g1'), never a name. */
export interface PlanGoal {
  readonly goalId: string;
  readonly area: DiagnosisArea;
}

/** An institution responsible for part of the plan: its registry code or uuid and its sector. */
export interface ResponsibleInstitution {
  readonly institutionId: string;
  readonly sector: Sector;
}

/**
 * The individual plan, normalised across the models (IPW / GGK goals / ZZK plan / kontrakt
 * socjalny). `planNo` counts the case's plans from 1. Goal labels are free text about a family
 * and so personal data: they sit in their own field, keyed by goalId, to be erasable as a whole.
 */
export type IndividualPlanAgreed = DomainEvent<
  'IndividualPlanAgreed',
  {
    planNo: number;
    planType: PlanType;
    agreedOn: string;
    goals: readonly PlanGoal[];
    goalLabels?: Readonly<Record<string, string>>;
    responsibleInstitutions: readonly ResponsibleInstitution[];
    /** Set only when the plan was agreed without a diagnosis: the documented exception. */
    diagnosisWaiver?: DiagnosisWaiverReason;
  }
>;

/** `meetingNo` counts the case's meetings from 1, so a correction can point at one. */
export type CaseTeamMeetingHeld = DomainEvent<
  'CaseTeamMeetingHeld',
  { meetingNo: number; planNo: number; heldOn: string; clientPresent: boolean; institutionsPresent: number }
>;

export type SupportDelivered = DomainEvent<
  'SupportDelivered',
  { supportNo: number; planNo: number; deliveredOn: string; kind: SupportKind; hours: number }
>;

export interface GoalProgress {
  readonly goalId: string;
  readonly progress: GoalProgressLevel;
}

export type PlanReviewed = DomainEvent<
  'PlanReviewed',
  { planNo: number; reviewedOn: string; progress: readonly GoalProgress[] }
>;

export type PlanCompleted = DomainEvent<'PlanCompleted', { planNo: number; completedOn: string; outcome: PlanOutcome }>;

export type CaseClosed = DomainEvent<'CaseClosed', { closedOn: string; reason: CaseCloseReason }>;

/** What a correction changes. Voiding keeps the original event and drops it from every count. */
export type CaseCorrection =
  | { readonly fact: 'household-size'; readonly householdSize: number }
  | { readonly fact: 'enrolment-date'; readonly enrolledOn: string }
  | { readonly fact: 'plan-outcome'; readonly planNo: number; readonly outcome: PlanOutcome }
  | { readonly fact: 'meeting-voided'; readonly meetingNo: number }
  | { readonly fact: 'support-voided'; readonly supportNo: number };

export type CaseFactCorrected = DomainEvent<
  'CaseFactCorrected',
  { correctedOn: string; reason: CorrectionReason; correction: CaseCorrection }
>;

export type CaseEvent =
  | CaseEnrolled
  | DiagnosisCompleted
  | IndividualPlanAgreed
  | CaseTeamMeetingHeld
  | SupportDelivered
  | PlanReviewed
  | PlanCompleted
  | CaseClosed
  | CaseFactCorrected;
