/**
 * The metrics of the cube: what each row of `rm_comparison_metrics` counts. A metric's
 * dimensions split it (their sum is the metric), except where noted. `count` counts things,
 * `value` measures them (unit below; written with two decimals). Definitions: docs/comparison.md.
 */
export const METRIC = {
  /** JST (gminas, powiats) under a cooperation agreement; dimension 'gmina' | 'powiat'. count. */
  jstUnderAgreement: 'jst-under-agreement',
  /** JST in the pilot: gminas recruited as pilot sites, powiats with pilot work; dimension 'gmina' | 'powiat'. count. */
  jstInPilot: 'jst-in-pilot',
  /** JST whose first case-team meeting happened: count = JST, value = days from the agreement, on the meeting day. */
  agreementToFirstMeeting: 'agreement-to-first-meeting',
  /** Bodies convened and not dissolved; dimension = body kind. count. */
  groups: 'groups',
  /** Members (not clients) of those bodies; dimension = body kind. count. */
  groupMembers: 'group-members',
  /** Meetings of bodies; dimension = body kind. count = meetings, value = meeting days. */
  meetings: 'meetings',
  /** Distinct institutions with a member in a body. count. */
  institutions: 'institutions',
  /** The same per sector; dimension = sector (an institution with members of two sectors counts in both). */
  institutionsBySector: 'institutions-by-sector',
  decisionsProposed: 'decisions-proposed',
  decisionsAdopted: 'decisions-adopted',
  decisionsRejected: 'decisions-rejected',
  decisionsRevoked: 'decisions-revoked',
  /** Cases (families) enrolled: count = families, value = persons in their households. */
  casesEnrolled: 'cases-enrolled',
  /** Individual plans agreed; dimension = plan type. count. */
  plansAgreed: 'plans-agreed',
  /** Individual plans completed; dimension = outcome (success, partial, failure). count. */
  plansCompleted: 'plans-completed',
  /** Case-team meetings of the pilot cases (voided ones left out). count. */
  caseTeamMeetings: 'case-team-meetings',
  /** Coaching sessions; dimension = kind. count = sessions, value = hours. */
  coaching: 'coaching',
  /** Coaching hours × social workers present. value. */
  coachingWorkerHours: 'coaching-worker-hours',
  /** Social workers coached, per site the most seen in one session (a lower bound). value. */
  socialWorkersCoached: 'social-workers-coached',
  /** Trainings; dimension = topic. count = trainings, value = participants. */
  trainings: 'trainings',
  /** The sites' own reported figures (latest report per site and period); dimension below. value. */
  reportedOutcomes: 'reported-outcomes',
  /** Indicator targets in force; dimension = indicator code. value. */
  target: 'target',
  /** Budget lines in force; dimension = line (total, euShare, targetedGrant). value in PLN. */
  budget: 'budget',
} as const;

export type MetricCode = (typeof METRIC)[keyof typeof METRIC];

export const REPORTED = {
  familiesEnrolled: 'families-enrolled',
  plansCompleted: 'plans-completed',
  successes: 'successes',
} as const;
