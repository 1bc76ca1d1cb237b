import { js, type IntegrationEventDefinition, type JsonSchema } from '@kooperacja/platform/messaging';
import {
  caseCloseReasons,
  caseUnits,
  coachingKinds,
  correctionReasons,
  diagnosisAreas,
  diagnosisWaiverReasons,
  goalProgressLevels,
  planOutcomes,
  planTypes,
  sectors,
  supportKinds,
  trainingTopics,
} from '../vocabulary';

/**
 * The pilot's integration events: cases known only by a pseudonymous `caseId`, everything coded
 * (areas, plan types, outcomes), and the staff support of each pilot site. Goal labels and
 * report sources (free text) stay inside the platform. Consumers must still treat case data as
 * pseudonymised personal data: never join it with data that could identify a family.
 */
const caseId = js.string('Pseudonymous id of the case (a family or person): never a name.');
const siteTeryt = js.string('TERYT code of the pilot site (gmina 7 digits, powiat 4).', {
  pattern: '^(\\d{4}|\\d{7})$',
});
const planNo = js.integer('Counts the case’s plans from 1.', 1);
const outcome = js.enum(planOutcomes);
const areas = js.array(js.enum(diagnosisAreas));

const CASE = '5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d';

function def<D>(type: string, summary: string, schema: JsonSchema, example: D): IntegrationEventDefinition<D> {
  return { type: `pl.kooperacja.pilot.${type}.v1`, summary, schema, example };
}

export const caseEnrolledV1 = def(
  'case-enrolled',
  'A family (or person) entered the pilot under a pseudonymous case id.',
  js.object({
    caseId,
    siteTeryt,
    voivodeship: js.string(),
    householdSize: js.integer(undefined, 1),
    caseUnit: js.enum(caseUnits, 'ipw (macroregion I), ggk (II), zzk (III).'),
    enrolledOn: js.date(),
  }),
  {
    caseId: CASE,
    siteTeryt: '2205023',
    voivodeship: 'pomorskie',
    householdSize: 4,
    caseUnit: 'ggk',
    enrolledOn: '2019-06-03',
  },
);

export const diagnosisCompletedV1 = def(
  'diagnosis-completed',
  'The multidimensional diagnosis: the areas of the family’s life that need support.',
  js.object({ caseId, diagnosedOn: js.date(), areas }),
  { caseId: CASE, diagnosedOn: '2019-06-20', areas: ['employment', 'housing'] },
);

export const individualPlanAgreedV1 = def(
  'individual-plan-agreed',
  'An individual plan (IPW / GGK goals / ZZK plan / kontrakt socjalny) was agreed.',
  js.object(
    {
      caseId,
      planNo,
      planType: js.enum(planTypes),
      agreedOn: js.date(),
      goals: js.array(js.object({ goalId: js.string('Local to the plan, e.g. g1.'), area: js.enum(diagnosisAreas) })),
      responsibleInstitutions: js.array(
        js.object({ institutionId: js.string('Registry code or uuid of the institution.'), sector: js.enum(sectors) }),
      ),
      diagnosisWaiver: js.enum(diagnosisWaiverReasons, 'Only when agreed without a diagnosis: why.'),
    },
    ['diagnosisWaiver'],
  ),
  {
    caseId: CASE,
    planNo: 1,
    planType: 'ggk-goals',
    agreedOn: '2019-07-01',
    goals: [{ goalId: 'g1', area: 'employment' }],
    responsibleInstitutions: [{ institutionId: '000000001', sector: 'labour-office' }],
  },
);

export const caseTeamMeetingHeldV1 = def(
  'case-team-meeting-held',
  'A meeting of the case team about the plan.',
  js.object({
    caseId,
    meetingNo: js.integer('Counts the case’s meetings from 1.', 1),
    planNo,
    heldOn: js.date(),
    clientPresent: js.boolean(),
    institutionsPresent: js.integer(undefined, 0),
  }),
  { caseId: CASE, meetingNo: 1, planNo: 1, heldOn: '2019-07-15', clientPresent: true, institutionsPresent: 3 },
);

export const supportDeliveredV1 = def(
  'support-delivered',
  'Support was delivered under the plan.',
  js.object({
    caseId,
    supportNo: js.integer('Counts the case’s support from 1.', 1),
    planNo,
    deliveredOn: js.date(),
    kind: js.enum(supportKinds),
    hours: js.number(undefined, 0),
  }),
  { caseId: CASE, supportNo: 1, planNo: 1, deliveredOn: '2019-08-01', kind: 'vocational-activation', hours: 6 },
);

export const planReviewedV1 = def(
  'plan-reviewed',
  'The plan was reviewed: progress per goal.',
  js.object({
    caseId,
    planNo,
    reviewedOn: js.date(),
    progress: js.array(js.object({ goalId: js.string(), progress: js.enum(goalProgressLevels) })),
  }),
  { caseId: CASE, planNo: 1, reviewedOn: '2019-10-01', progress: [{ goalId: 'g1', progress: 'in-progress' }] },
);

export const planCompletedV1 = def(
  'plan-completed',
  'A plan was completed with an outcome (success / partial / failure).',
  js.object({ caseId, planNo, completedOn: js.date(), outcome }),
  { caseId: CASE, planNo: 1, completedOn: '2020-05-29', outcome: 'success' },
);

export const caseClosedV1 = def(
  'case-closed',
  'The case was closed.',
  js.object({ caseId, closedOn: js.date(), reason: js.enum(caseCloseReasons) }),
  { caseId: CASE, closedOn: '2020-06-30', reason: 'support-completed' },
);

export const caseFactCorrectedV1 = def(
  'case-fact-corrected',
  'A recorded fact of the case was wrong; a voided meeting or support drops out of every count.',
  js.object({
    caseId,
    correctedOn: js.date(),
    reason: js.enum(correctionReasons),
    correction: {
      oneOf: [
        js.object({ fact: js.enum(['household-size']), householdSize: js.integer(undefined, 1) }),
        js.object({ fact: js.enum(['enrolment-date']), enrolledOn: js.date() }),
        js.object({ fact: js.enum(['plan-outcome']), planNo, outcome }),
        js.object({ fact: js.enum(['meeting-voided']), meetingNo: js.integer(undefined, 1) }),
        js.object({ fact: js.enum(['support-voided']), supportNo: js.integer(undefined, 1) }),
      ],
    },
  }),
  {
    caseId: CASE,
    correctedOn: '2020-07-02',
    reason: 'data-entry-error',
    correction: { fact: 'plan-outcome', planNo: 1, outcome: 'partial' },
  },
);

export const siteRegisteredV1 = def(
  'site-registered',
  'A pilot site started recording staff support.',
  js.object({ siteTeryt, voivodeship: js.string() }),
  { siteTeryt: '2205023', voivodeship: 'pomorskie' },
);

export const coachingSessionHeldV1 = def(
  'coaching-session-held',
  'Coaching of social workers at a pilot site.',
  js.object({
    siteTeryt,
    heldOn: js.date(),
    kind: js.enum(coachingKinds),
    hours: js.number(undefined, 0),
    socialWorkers: js.integer('How many took part (1 for individual coaching).', 1),
  }),
  { siteTeryt: '2205023', heldOn: '2019-09-10', kind: 'group', hours: 4, socialWorkers: 6 },
);

export const supervisionSessionHeldV1 = def(
  'supervision-session-held',
  'Supervision of a case team at a pilot site.',
  js.object({
    siteTeryt,
    heldOn: js.date(),
    caseTeamId: js.string('The GGK/ZZK body (groups context) or a site code.'),
    hours: js.number(undefined, 0),
    participants: js.integer(undefined, 1),
  }),
  {
    siteTeryt: '2205023',
    heldOn: '2019-10-08',
    caseTeamId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    hours: 3,
    participants: 5,
  },
);

export const trainingHeldV1 = def(
  'training-held',
  'A training for staff at a pilot site.',
  js.object({
    siteTeryt,
    heldOn: js.date(),
    topic: js.enum(trainingTopics),
    hours: js.number(undefined, 0),
    participants: js.integer(undefined, 1),
  }),
  { siteTeryt: '2205023', heldOn: '2019-05-14', topic: 'individual-planning', hours: 8, participants: 14 },
);

export const pilotOutcomeReportedV1 = def(
  'pilot-outcome-reported',
  'A site’s count of pilot outcomes for a period; a later report for the same period restates it.',
  js.object({
    siteTeryt,
    reportedOn: js.date(),
    periodStart: js.date(),
    periodEnd: js.date(),
    familiesEnrolled: js.integer(undefined, 0),
    plansCompleted: js.integer(undefined, 0),
    successes: js.integer(undefined, 0),
  }),
  {
    siteTeryt: '2205023',
    reportedOn: '2021-01-15',
    periodStart: '2019-04-01',
    periodEnd: '2020-12-31',
    familiesEnrolled: 172,
    plansCompleted: 150,
    successes: 140,
  },
);
