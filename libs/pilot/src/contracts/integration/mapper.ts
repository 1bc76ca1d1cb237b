import { mapping, mappersFor, type IntegrationEventMapper } from '@kooperacja/platform/messaging';
import { caseEventCatalogue } from '../../case/case.catalogue';
import type {
  CaseClosed,
  CaseEnrolled,
  CaseFactCorrected,
  CaseTeamMeetingHeld,
  DiagnosisCompleted,
  IndividualPlanAgreed,
  PlanCompleted,
  PlanReviewed,
  SupportDelivered,
} from '../../case/case.events';
import { siteEventCatalogue } from '../../site/site.catalogue';
import type {
  CoachingSessionHeld,
  PilotOutcomeReported,
  SiteRegistered,
  SupervisionSessionHeld,
  TrainingHeld,
} from '../../site/site.events';
import { caseStreamId, siteStreamId } from '../streams';
import {
  caseClosedV1,
  caseEnrolledV1,
  caseFactCorrectedV1,
  caseTeamMeetingHeldV1,
  coachingSessionHeldV1,
  diagnosisCompletedV1,
  individualPlanAgreedV1,
  pilotOutcomeReportedV1,
  planCompletedV1,
  planReviewedV1,
  siteRegisteredV1,
  supervisionSessionHeldV1,
  supportDeliveredV1,
  trainingHeldV1,
} from './events';

const CASE = '5a7c9e1b-3d5f-4a6b-8c0d-2e4f6a8b0c1d';
const CASE_STREAM = caseStreamId(CASE);
const SITE_STREAM = siteStreamId('2205023');

/** The case id is the case stream's: `pilot.case-<caseId>`. */
function caseIdOf(streamId: string): string {
  const prefix = caseStreamId('');
  if (!streamId.startsWith(prefix)) throw new Error(`${streamId} is not a pilot case stream`);
  return streamId.slice(prefix.length);
}

/** The site's TERYT code is the site stream's: `pilot.site-<teryt>`. */
function siteOf(streamId: string): string {
  const prefix = siteStreamId('');
  if (!streamId.startsWith(prefix)) throw new Error(`${streamId} is not a pilot site stream`);
  return streamId.slice(prefix.length);
}

/** Stored pilot events → integration events. Goal labels and report sources never leave. */
export function pilotIntegrationMappers(): IntegrationEventMapper[] {
  return [
    ...mappersFor(caseEventCatalogue, {
      CaseEnrolled: mapping<CaseEnrolled['data']>()({
        fields: ['caseId', 'siteTeryt', 'voivodeship', 'householdSize', 'caseUnit', 'enrolledOn'],
        produces: [caseEnrolledV1],
        map: ({ data }) => [
          {
            type: caseEnrolledV1.type,
            data: {
              caseId: data.caseId,
              siteTeryt: data.siteTeryt,
              voivodeship: data.voivodeship,
              householdSize: data.householdSize,
              caseUnit: data.caseUnit,
              enrolledOn: data.enrolledOn,
            },
          },
        ],
        sample: {
          caseId: CASE,
          siteTeryt: '2205023',
          voivodeship: 'pomorskie',
          householdSize: 4,
          caseUnit: 'ggk',
          enrolledOn: '2019-06-03',
        },
        sampleStreamId: CASE_STREAM,
      }),
      DiagnosisCompleted: mapping<DiagnosisCompleted['data']>()({
        fields: ['diagnosedOn', 'areas'],
        produces: [diagnosisCompletedV1],
        map: ({ streamId, data }) => [
          {
            type: diagnosisCompletedV1.type,
            data: { caseId: caseIdOf(streamId), diagnosedOn: data.diagnosedOn, areas: [...data.areas] },
          },
        ],
        sample: { diagnosedOn: '2019-06-20', areas: ['employment', 'housing'] },
        sampleStreamId: CASE_STREAM,
      }),
      IndividualPlanAgreed: mapping<IndividualPlanAgreed['data']>()({
        fields: ['planNo', 'planType', 'agreedOn', 'goals', 'responsibleInstitutions', 'diagnosisWaiver'],
        produces: [individualPlanAgreedV1],
        map: ({ streamId, data }) => [
          {
            type: individualPlanAgreedV1.type,
            data: {
              caseId: caseIdOf(streamId),
              planNo: data.planNo,
              planType: data.planType,
              agreedOn: data.agreedOn,
              goals: data.goals.map((g) => ({ goalId: g.goalId, area: g.area })),
              responsibleInstitutions: data.responsibleInstitutions.map((i) => ({
                institutionId: i.institutionId,
                sector: i.sector,
              })),
              ...(data.diagnosisWaiver ? { diagnosisWaiver: data.diagnosisWaiver } : {}),
            },
          },
        ],
        sample: {
          planNo: 1,
          planType: 'ggk-goals',
          agreedOn: '2019-07-01',
          goals: [
            { goalId: 'g1', area: 'employment' },
            { goalId: 'g2', area: 'housing' },
          ],
          goalLabels: { g1: 'p. Kowalski podejmie pracę', g2: 'remont mieszkania' },
          responsibleInstitutions: [{ institutionId: '000000001', sector: 'labour-office' }],
        },
        sampleStreamId: CASE_STREAM,
      }),
      CaseTeamMeetingHeld: mapping<CaseTeamMeetingHeld['data']>()({
        fields: ['meetingNo', 'planNo', 'heldOn', 'clientPresent', 'institutionsPresent'],
        produces: [caseTeamMeetingHeldV1],
        map: ({ streamId, data }) => [
          {
            type: caseTeamMeetingHeldV1.type,
            data: {
              caseId: caseIdOf(streamId),
              meetingNo: data.meetingNo,
              planNo: data.planNo,
              heldOn: data.heldOn,
              clientPresent: data.clientPresent,
              institutionsPresent: data.institutionsPresent,
            },
          },
        ],
        sample: { meetingNo: 1, planNo: 1, heldOn: '2019-07-15', clientPresent: true, institutionsPresent: 3 },
        sampleStreamId: CASE_STREAM,
      }),
      SupportDelivered: mapping<SupportDelivered['data']>()({
        fields: ['supportNo', 'planNo', 'deliveredOn', 'kind', 'hours'],
        produces: [supportDeliveredV1],
        map: ({ streamId, data }) => [
          {
            type: supportDeliveredV1.type,
            data: {
              caseId: caseIdOf(streamId),
              supportNo: data.supportNo,
              planNo: data.planNo,
              deliveredOn: data.deliveredOn,
              kind: data.kind,
              hours: data.hours,
            },
          },
        ],
        sample: { supportNo: 1, planNo: 1, deliveredOn: '2019-08-01', kind: 'vocational-activation', hours: 6 },
        sampleStreamId: CASE_STREAM,
      }),
      PlanReviewed: mapping<PlanReviewed['data']>()({
        fields: ['planNo', 'reviewedOn', 'progress'],
        produces: [planReviewedV1],
        map: ({ streamId, data }) => [
          {
            type: planReviewedV1.type,
            data: {
              caseId: caseIdOf(streamId),
              planNo: data.planNo,
              reviewedOn: data.reviewedOn,
              progress: data.progress.map((p) => ({ goalId: p.goalId, progress: p.progress })),
            },
          },
        ],
        sample: { planNo: 1, reviewedOn: '2019-10-01', progress: [{ goalId: 'g1', progress: 'in-progress' }] },
        sampleStreamId: CASE_STREAM,
      }),
      PlanCompleted: mapping<PlanCompleted['data']>()({
        fields: ['planNo', 'completedOn', 'outcome'],
        produces: [planCompletedV1],
        map: ({ streamId, data }) => [
          {
            type: planCompletedV1.type,
            data: {
              caseId: caseIdOf(streamId),
              planNo: data.planNo,
              completedOn: data.completedOn,
              outcome: data.outcome,
            },
          },
        ],
        sample: { planNo: 1, completedOn: '2020-05-29', outcome: 'success' },
        sampleStreamId: CASE_STREAM,
      }),
      CaseClosed: mapping<CaseClosed['data']>()({
        fields: ['closedOn', 'reason'],
        produces: [caseClosedV1],
        map: ({ streamId, data }) => [
          {
            type: caseClosedV1.type,
            data: { caseId: caseIdOf(streamId), closedOn: data.closedOn, reason: data.reason },
          },
        ],
        sample: { closedOn: '2020-06-30', reason: 'support-completed' },
        sampleStreamId: CASE_STREAM,
      }),
      CaseFactCorrected: mapping<CaseFactCorrected['data']>()({
        fields: ['correctedOn', 'reason', 'correction'],
        produces: [caseFactCorrectedV1],
        map: ({ streamId, data }) => [
          {
            type: caseFactCorrectedV1.type,
            data: {
              caseId: caseIdOf(streamId),
              correctedOn: data.correctedOn,
              reason: data.reason,
              correction: { ...data.correction },
            },
          },
        ],
        sample: {
          correctedOn: '2020-07-02',
          reason: 'data-entry-error',
          correction: { fact: 'meeting-voided', meetingNo: 2 },
        },
        sampleStreamId: CASE_STREAM,
      }),
    }),
    ...mappersFor(siteEventCatalogue, {
      SiteRegistered: mapping<SiteRegistered['data']>()({
        fields: ['teryt', 'voivodeship'],
        produces: [siteRegisteredV1],
        map: ({ data }) => [
          { type: siteRegisteredV1.type, data: { siteTeryt: data.teryt, voivodeship: data.voivodeship } },
        ],
        sample: { teryt: '2205023', voivodeship: 'pomorskie' },
        sampleStreamId: SITE_STREAM,
      }),
      CoachingSessionHeld: mapping<CoachingSessionHeld['data']>()({
        fields: ['heldOn', 'kind', 'hours', 'socialWorkers'],
        produces: [coachingSessionHeldV1],
        map: ({ streamId, data }) => [
          {
            type: coachingSessionHeldV1.type,
            data: {
              siteTeryt: siteOf(streamId),
              heldOn: data.heldOn,
              kind: data.kind,
              hours: data.hours,
              socialWorkers: data.socialWorkers,
            },
          },
        ],
        sample: { heldOn: '2019-09-10', kind: 'group', hours: 4, socialWorkers: 6 },
        sampleStreamId: SITE_STREAM,
      }),
      SupervisionSessionHeld: mapping<SupervisionSessionHeld['data']>()({
        fields: ['heldOn', 'caseTeamId', 'hours', 'participants'],
        produces: [supervisionSessionHeldV1],
        map: ({ streamId, data }) => [
          {
            type: supervisionSessionHeldV1.type,
            data: {
              siteTeryt: siteOf(streamId),
              heldOn: data.heldOn,
              caseTeamId: data.caseTeamId,
              hours: data.hours,
              participants: data.participants,
            },
          },
        ],
        sample: { heldOn: '2019-10-08', caseTeamId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90', hours: 3, participants: 5 },
        sampleStreamId: SITE_STREAM,
      }),
      TrainingHeld: mapping<TrainingHeld['data']>()({
        fields: ['heldOn', 'topic', 'hours', 'participants'],
        produces: [trainingHeldV1],
        map: ({ streamId, data }) => [
          {
            type: trainingHeldV1.type,
            data: {
              siteTeryt: siteOf(streamId),
              heldOn: data.heldOn,
              topic: data.topic,
              hours: data.hours,
              participants: data.participants,
            },
          },
        ],
        sample: { heldOn: '2019-05-14', topic: 'individual-planning', hours: 8, participants: 14 },
        sampleStreamId: SITE_STREAM,
      }),
      PilotOutcomeReported: mapping<PilotOutcomeReported['data']>()({
        fields: ['reportedOn', 'periodStart', 'periodEnd', 'familiesEnrolled', 'plansCompleted', 'successes'],
        produces: [pilotOutcomeReportedV1],
        map: ({ streamId, data }) => [
          {
            type: pilotOutcomeReportedV1.type,
            data: {
              siteTeryt: siteOf(streamId),
              reportedOn: data.reportedOn,
              periodStart: data.periodStart,
              periodEnd: data.periodEnd,
              familiesEnrolled: data.familiesEnrolled,
              plansCompleted: data.plansCompleted,
              successes: data.successes,
            },
          },
        ],
        sample: {
          reportedOn: '2021-01-15',
          periodStart: '2019-04-01',
          periodEnd: '2020-12-31',
          familiesEnrolled: 172,
          plansCompleted: 150,
          successes: 140,
          source: 'sprawozdanie przygotowane przez Jana Kowalskiego',
        },
        sampleStreamId: SITE_STREAM,
      }),
    }),
  ];
}
