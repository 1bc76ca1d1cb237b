/**
 * Code lists of the pilot context. Every value a user picks from a list is a code from here;
 * free text is kept to the one field the catalogue marks personal (a plan goal's short label).
 */

/** Areas of the multidimensional diagnosis. A plan's goals are coded with the same areas. */
export const diagnosisAreas = [
  'income',
  'housing',
  'health',
  'disability',
  'addiction',
  'violence',
  'education',
  'employment',
  'parenting',
  'other',
] as const;
export type DiagnosisArea = (typeof diagnosisAreas)[number];

/** The unit a macroregion's model works with a family through (I: IPW, II: GGK goals, III: ZZK plan). */
export const caseUnits = ['ipw', 'ggk', 'zzk'] as const;
export type CaseUnit = (typeof caseUnits)[number];

/** The normalised individual plan: which document the plan of a case is. */
export const planTypes = ['ipw', 'ggk-goals', 'zzk-plan', 'kontrakt-socjalny'] as const;
export type PlanType = (typeof planTypes)[number];

/**
 * The plan type of each model. The statutory kontrakt socjalny is the social worker's own
 * agreement with a client and may be a case's plan in every model.
 */
export const planTypeOfCaseUnit: Readonly<Record<CaseUnit, PlanType>> = {
  ipw: 'ipw',
  ggk: 'ggk-goals',
  zzk: 'zzk-plan',
};

/** Why a plan was agreed without a prior multidimensional diagnosis (the documented exception). */
export const diagnosisWaiverReasons = [
  'crisis-intervention',
  'diagnosis-by-other-institution',
  'continued-from-earlier-support',
] as const;
export type DiagnosisWaiverReason = (typeof diagnosisWaiverReasons)[number];

/** Same codes as the groups context's sectors, so partnerships and plans compare. */
export const sectors = [
  'social-assistance',
  'education',
  'health',
  'police',
  'courts-probation',
  'labour-office',
  'culture',
  'sport',
  'ngo',
  'housing',
  'social-insurance-zus',
  'local-government',
  'academia',
  'other',
] as const;
export type Sector = (typeof sectors)[number];

export const supportKinds = [
  'social-work',
  'financial-aid',
  'in-kind-aid',
  'psychological-counselling',
  'legal-counselling',
  'family-assistant',
  'addiction-therapy',
  'vocational-activation',
  'training-course',
  'health-care',
  'housing-support',
  'education-support',
  'care-services',
  'mentoring',
  'other',
] as const;
export type SupportKind = (typeof supportKinds)[number];

export const goalProgressLevels = ['not-started', 'in-progress', 'achieved', 'abandoned'] as const;
export type GoalProgressLevel = (typeof goalProgressLevels)[number];

export const planOutcomes = ['success', 'partial', 'failure'] as const;
export type PlanOutcome = (typeof planOutcomes)[number];

export const caseCloseReasons = [
  'support-completed',
  'client-withdrew',
  'client-moved-away',
  'transferred-to-other-service',
  'no-contact',
  'pilot-ended',
  'other',
] as const;
export type CaseCloseReason = (typeof caseCloseReasons)[number];

export const correctionReasons = [
  'data-entry-error',
  'duplicate-entry',
  'late-information',
  'source-document-corrected',
] as const;
export type CorrectionReason = (typeof correctionReasons)[number];

export const coachingKinds = ['individual', 'group'] as const;
export type CoachingKind = (typeof coachingKinds)[number];

export const trainingTopics = [
  'cooperation-model',
  'case-team-work',
  'multidimensional-diagnosis',
  'individual-planning',
  'social-contract',
  'domestic-violence',
  'addiction',
  'mental-health',
  'disability',
  'deinstitutionalisation',
  'covid-19',
  'other',
] as const;
export type TrainingTopic = (typeof trainingTopics)[number];

/** The 16 voivodeships by TERYT code; names are lower-case Polish, as in TenantInfo. */
export const voivodeshipsByTerytCode: Readonly<Record<string, string>> = {
  '02': 'dolnośląskie',
  '04': 'kujawsko-pomorskie',
  '06': 'lubelskie',
  '08': 'lubuskie',
  '10': 'łódzkie',
  '12': 'małopolskie',
  '14': 'mazowieckie',
  '16': 'opolskie',
  '18': 'podkarpackie',
  '20': 'podlaskie',
  '22': 'pomorskie',
  '24': 'śląskie',
  '26': 'świętokrzyskie',
  '28': 'warmińsko-mazurskie',
  '30': 'wielkopolskie',
  '32': 'zachodniopomorskie',
};
