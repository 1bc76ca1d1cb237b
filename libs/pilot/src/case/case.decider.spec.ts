import { given } from '@kooperacja/platform/testing';
import { caseDecider, type CaseCommand } from './case.decider';
import type { CaseEvent, IndividualPlanAgreed } from './case.events';

const period = { start: '2018-04-01', end: '2023-10-31' };
const caseId = 'mr1-KAR-0042';

// Macroregion I: a rural gmina in lubelskie (TERYT 06 = lubelskie), the IPW model.
const enrolled: CaseEvent = {
  type: 'CaseEnrolled',
  data: {
    caseId,
    siteTeryt: '0612052',
    voivodeship: 'lubelskie',
    householdSize: 4,
    caseUnit: 'ipw',
    enrolledOn: '2019-09-02',
  },
};
const diagnosed: CaseEvent = {
  type: 'DiagnosisCompleted',
  data: { diagnosedOn: '2019-09-16', areas: ['income', 'employment', 'parenting'] },
};
const planData: IndividualPlanAgreed['data'] = {
  planNo: 1,
  planType: 'ipw',
  agreedOn: '2019-10-01',
  goals: [
    { goalId: 'g1', area: 'employment' },
    { goalId: 'g2', area: 'parenting' },
  ],
  responsibleInstitutions: [
    { institutionId: 'gops-0612052', sector: 'social-assistance' },
    { institutionId: 'pup-krasnik', sector: 'labour-office' },
  ],
};
const planAgreed: CaseEvent = { type: 'IndividualPlanAgreed', data: planData };
const firstMeeting: CaseEvent = {
  type: 'CaseTeamMeetingHeld',
  data: { meetingNo: 1, planNo: 1, heldOn: '2019-10-15', clientPresent: true, institutionsPresent: 3 },
};
const support: CaseEvent = {
  type: 'SupportDelivered',
  data: { supportNo: 1, planNo: 1, deliveredOn: '2019-11-04', kind: 'vocational-activation', hours: 2.5 },
};
const planCompleted: CaseEvent = {
  type: 'PlanCompleted',
  data: { planNo: 1, completedOn: '2020-09-30', outcome: 'success' },
};
const caseClosed: CaseEvent = { type: 'CaseClosed', data: { closedOn: '2020-10-15', reason: 'support-completed' } };

const open = [enrolled];
const withDiagnosis = [enrolled, diagnosed];
const withPlan = [enrolled, diagnosed, planAgreed];
const withMeeting = [...withPlan, firstMeeting];
const withCompletedPlan = [...withMeeting, planCompleted];
const closed = [...withCompletedPlan, caseClosed];

/** Common data of a command: the business day and the project period the handler looked up. */
const on = (occurredAt: string, extra: object = {}) => ({ occurredAt, period, ...extra });

describe('EnrolCase', () => {
  const enrol = (over: object = {}): CaseCommand => ({
    type: 'EnrolCase',
    data: { ...on('2019-09-02'), caseId, siteTeryt: '0612052', householdSize: 4, caseUnit: 'ipw', ...over },
  });

  it('enrols a case, taking its voivodeship from the TERYT code', () => {
    given(caseDecider).when(enrol()).then([enrolled]);
  });

  it('keeps only the day of a date-time', () => {
    given(caseDecider)
      .when(enrol({ occurredAt: '2019-09-02T10:30:00+02:00' }))
      .then([enrolled]);
  });

  it('lets a tenant editor enrol a case in a voivodeship of theirs', () => {
    given(caseDecider)
      .when(enrol({ allowedVoivodeships: ['lubelskie', 'podlaskie'] }))
      .then([enrolled]);
  });

  it('refuses a tenant editor a case outside their voivodeships', () => {
    given(caseDecider)
      .when(enrol({ allowedVoivodeships: ['podkarpackie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses an editor with no voivodeship at all', () => {
    given(caseDecider)
      .when(enrol({ allowedVoivodeships: [] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses to enrol the same case twice', () => {
    given(caseDecider, open).when(enrol()).thenThrows('case.already-enrolled');
  });

  it('tells an editor of another voivodeship only that it is forbidden, not that the case exists', () => {
    given(caseDecider, open)
      .when(enrol({ allowedVoivodeships: ['mazowieckie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses a PESEL as case id', () => {
    given(caseDecider)
      .when(enrol({ caseId: '85010112345' }))
      .thenThrows('case.id-looks-like-pesel', 'caseId');
  });

  it('refuses a personal name as case id', () => {
    given(caseDecider)
      .when(enrol({ caseId: 'Jan Kowalski' }))
      .thenThrows('case.id-looks-like-name', 'caseId');
  });

  it('refuses a case id that is neither a uuid nor a code', () => {
    given(caseDecider)
      .when(enrol({ caseId: 'mr1_KAR_0042' }))
      .thenThrows('case.id-invalid', 'caseId');
  });

  it('refuses a TERYT code that is not a gmina or powiat', () => {
    given(caseDecider)
      .when(enrol({ siteTeryt: '9912052' }))
      .thenThrows('teryt.invalid', 'siteTeryt');
  });

  it("refuses a site outside the tenant's partnership", () => {
    given(caseDecider)
      .when(enrol({ tenantVoivodeships: ['śląskie', 'łódzkie', 'małopolskie', 'opolskie'] }))
      .thenThrows('teryt.outside-partnership', 'siteTeryt');
  });

  it('refuses a date that is not a calendar day', () => {
    given(caseDecider)
      .when(enrol({ occurredAt: '2019-02-30' }))
      .thenThrows('date.invalid', 'occurredAt');
  });

  it('refuses an enrolment outside the project period', () => {
    given(caseDecider)
      .when(enrol({ occurredAt: '2018-03-31' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('accepts any date while no project period is recorded', () => {
    given(caseDecider)
      .when(enrol({ period: null, occurredAt: '2017-12-01' }))
      .then([{ type: 'CaseEnrolled', data: { ...enrolled.data, enrolledOn: '2017-12-01' } }]);
  });

  it.each([0, 21, 2.5, '4'])('refuses a household size of %p', (householdSize) => {
    given(caseDecider).when(enrol({ householdSize })).thenThrows('case.household-size-invalid', 'householdSize');
  });

  it('refuses a case unit no model has', () => {
    given(caseDecider)
      .when(enrol({ caseUnit: 'pzk' }))
      .thenThrows('case.unit-unknown', 'caseUnit');
  });
});

describe('CompleteDiagnosis', () => {
  const diagnose = (over: object = {}): CaseCommand => ({
    type: 'CompleteDiagnosis',
    data: { ...on('2019-09-16'), areas: ['income', 'employment', 'parenting'], ...over },
  });

  it('records the diagnosed areas', () => {
    given(caseDecider, open).when(diagnose()).then([diagnosed]);
  });

  it('records a later re-diagnosis, also while a plan is active', () => {
    given(caseDecider, withPlan)
      .when(diagnose({ occurredAt: '2020-03-02', areas: ['housing'] }))
      .then([{ type: 'DiagnosisCompleted', data: { diagnosedOn: '2020-03-02', areas: ['housing'] } }]);
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(diagnose()).thenThrows('case.not-enrolled');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, open)
      .when(diagnose({ allowedVoivodeships: ['podlaskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(diagnose({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a diagnosis dated before enrolment', () => {
    given(caseDecider, open)
      .when(diagnose({ occurredAt: '2019-08-30' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a diagnosis after the project period', () => {
    given(caseDecider, open)
      .when(diagnose({ occurredAt: '2023-11-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a diagnosis without areas', () => {
    given(caseDecider, open)
      .when(diagnose({ areas: [] }))
      .thenThrows('diagnosis.areas-required', 'areas');
  });

  it('refuses an area outside the catalogue', () => {
    given(caseDecider, open)
      .when(diagnose({ areas: ['income', 'loneliness'] }))
      .thenThrows('diagnosis.area-unknown', 'areas[1]');
  });

  it('refuses an area named twice', () => {
    given(caseDecider, open)
      .when(diagnose({ areas: ['income', 'income'] }))
      .thenThrows('diagnosis.area-duplicate', 'areas');
  });
});

describe('AgreeIndividualPlan', () => {
  const agree = (over: object = {}): CaseCommand => ({
    type: 'AgreeIndividualPlan',
    data: {
      ...on('2019-10-01'),
      planType: 'ipw',
      goals: planData.goals,
      responsibleInstitutions: planData.responsibleInstitutions,
      ...over,
    },
  });

  it('records the plan after the diagnosis', () => {
    given(caseDecider, withDiagnosis).when(agree()).then([planAgreed]);
  });

  it('keeps goal labels apart from the goals, keyed by goal id, so they can be erased', () => {
    given(caseDecider, withDiagnosis)
      .when(
        agree({
          goals: [
            { goalId: 'g1', area: 'employment', label: ' Find a job near home ' },
            { goalId: 'g2', area: 'parenting' },
          ],
        }),
      )
      .then([{ type: 'IndividualPlanAgreed', data: { ...planData, goalLabels: { g1: 'Find a job near home' } } }]);
  });

  it('reads JSON nulls for the waiver and a label as absent', () => {
    given(caseDecider, withDiagnosis)
      .when(
        agree({
          diagnosisWaiver: null,
          goals: [
            { goalId: 'g1', area: 'employment', label: null },
            { goalId: 'g2', area: 'parenting' },
          ],
        }),
      )
      .then([planAgreed]);
  });

  it('records a plan without a diagnosis when the documented waiver is given', () => {
    given(caseDecider, open)
      .when(agree({ diagnosisWaiver: 'crisis-intervention' }))
      .then([{ type: 'IndividualPlanAgreed', data: { ...planData, diagnosisWaiver: 'crisis-intervention' } }]);
  });

  it('accepts a kontrakt socjalny as the plan in any model', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ planType: 'kontrakt-socjalny' }))
      .then([{ type: 'IndividualPlanAgreed', data: { ...planData, planType: 'kontrakt-socjalny' } }]);
  });

  it('numbers a new plan after the previous one was completed', () => {
    given(caseDecider, withCompletedPlan)
      .when(agree({ occurredAt: '2020-10-01' }))
      .then([{ type: 'IndividualPlanAgreed', data: { ...planData, planNo: 2, agreedOn: '2020-10-01' } }]);
  });

  it('refuses a plan before enrolment', () => {
    given(caseDecider).when(agree()).thenThrows('case.not-enrolled');
  });

  it('refuses a plan dated before the enrolment day', () => {
    given(caseDecider, open)
      .when(agree({ occurredAt: '2019-08-01', diagnosisWaiver: 'crisis-intervention' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a plan outside the project period', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ occurredAt: '2024-01-10' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ allowedVoivodeships: ['podkarpackie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(agree({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a plan before the diagnosis without a waiver', () => {
    given(caseDecider, open).when(agree()).thenThrows('plan.diagnosis-missing', 'diagnosisWaiver');
  });

  it('refuses a waiver for a case that has a diagnosis', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ diagnosisWaiver: 'crisis-intervention' }))
      .thenThrows('plan.waiver-not-needed', 'diagnosisWaiver');
  });

  it('refuses a waiver reason outside the catalogue', () => {
    given(caseDecider, open)
      .when(agree({ diagnosisWaiver: 'no time' }))
      .thenThrows('plan.waiver-reason-unknown', 'diagnosisWaiver');
  });

  it('refuses a plan dated before the diagnosis', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ occurredAt: '2019-09-10' }))
      .thenThrows('plan.before-diagnosis', 'occurredAt');
  });

  it('refuses a second plan while the first is active', () => {
    given(caseDecider, withPlan)
      .when(agree({ occurredAt: '2019-12-01' }))
      .thenThrows('plan.already-active');
  });

  it('refuses a new plan dated before the previous one was completed', () => {
    given(caseDecider, withCompletedPlan)
      .when(agree({ occurredAt: '2020-09-01' }))
      .thenThrows('date.before-previous-plan', 'occurredAt');
  });

  it('refuses a plan type outside the catalogue', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ planType: 'pzk-plan' }))
      .thenThrows('plan.type-unknown', 'planType');
  });

  it("refuses another model's plan type", () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ planType: 'zzk-plan' }))
      .thenThrows('plan.type-not-of-model', 'planType');
  });

  it('refuses a plan without goals', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ goals: [] }))
      .thenThrows('plan.goals-required', 'goals');
  });

  it('refuses more than 20 goals', () => {
    const goals = Array.from({ length: 21 }, (_, i) => ({ goalId: `g${i + 1}`, area: 'other' }));
    given(caseDecider, withDiagnosis).when(agree({ goals })).thenThrows('plan.goals-too-many', 'goals');
  });

  it('refuses a goal id that is free text', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ goals: [{ goalId: 'Praca dla Pana Nowaka', area: 'employment' }] }))
      .thenThrows('plan.goal-id-invalid', 'goals[0].goalId');
  });

  it('refuses a goal id used twice', () => {
    given(caseDecider, withDiagnosis)
      .when(
        agree({
          goals: [
            { goalId: 'g1', area: 'employment' },
            { goalId: 'g1', area: 'housing' },
          ],
        }),
      )
      .thenThrows('plan.goal-id-duplicate', 'goals[1].goalId');
  });

  it('refuses a goal area outside the catalogue', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ goals: [{ goalId: 'g1', area: 'leisure' }] }))
      .thenThrows('plan.goal-area-unknown', 'goals[0].area');
  });

  it.each(['', '   ', 'x'.repeat(81)])('refuses a goal label of %p', (label) => {
    given(caseDecider, withDiagnosis)
      .when(agree({ goals: [{ goalId: 'g1', area: 'employment', label }] }))
      .thenThrows('plan.goal-label-invalid', 'goals[0].label');
  });

  it('refuses a plan without a responsible institution', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ responsibleInstitutions: [] }))
      .thenThrows('plan.institutions-required', 'responsibleInstitutions');
  });

  it('refuses more than 30 responsible institutions', () => {
    const responsibleInstitutions = Array.from({ length: 31 }, (_, i) => ({
      institutionId: `ngo-${i}`,
      sector: 'ngo',
    }));
    given(caseDecider, withDiagnosis)
      .when(agree({ responsibleInstitutions }))
      .thenThrows('plan.institutions-too-many', 'responsibleInstitutions');
  });

  it('refuses an institution id that is not a code', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ responsibleInstitutions: [{ institutionId: 'PUP Kraśnik', sector: 'labour-office' }] }))
      .thenThrows('plan.institution-id-invalid', 'responsibleInstitutions[0].institutionId');
  });

  it('refuses an institution named twice', () => {
    given(caseDecider, withDiagnosis)
      .when(
        agree({
          responsibleInstitutions: [
            { institutionId: 'pup-krasnik', sector: 'labour-office' },
            { institutionId: 'pup-krasnik', sector: 'labour-office' },
          ],
        }),
      )
      .thenThrows('plan.institution-duplicate', 'responsibleInstitutions[1].institutionId');
  });

  it('refuses a sector outside the catalogue', () => {
    given(caseDecider, withDiagnosis)
      .when(agree({ responsibleInstitutions: [{ institutionId: 'parafia-1', sector: 'church' }] }))
      .thenThrows('plan.sector-unknown', 'responsibleInstitutions[0].sector');
  });
});

describe('RecordCaseTeamMeeting', () => {
  const meet = (over: object = {}): CaseCommand => ({
    type: 'RecordCaseTeamMeeting',
    data: { ...on('2019-10-15'), clientPresent: true, institutionsPresent: 3, ...over },
  });

  it('records a meeting under the active plan', () => {
    given(caseDecider, withPlan).when(meet()).then([firstMeeting]);
  });

  it('numbers meetings in the order they are recorded', () => {
    given(caseDecider, withMeeting)
      .when(meet({ occurredAt: '2019-11-12', clientPresent: false, institutionsPresent: 0 }))
      .then([
        {
          type: 'CaseTeamMeetingHeld',
          data: { meetingNo: 2, planNo: 1, heldOn: '2019-11-12', clientPresent: false, institutionsPresent: 0 },
        },
      ]);
  });

  it('refuses a meeting before any plan is agreed', () => {
    given(caseDecider, withDiagnosis).when(meet()).thenThrows('plan.not-active');
  });

  it('refuses a meeting after the plan was completed', () => {
    given(caseDecider, withCompletedPlan)
      .when(meet({ occurredAt: '2020-10-05' }))
      .thenThrows('plan.not-active');
  });

  it('refuses a meeting dated before the plan was agreed', () => {
    given(caseDecider, withPlan)
      .when(meet({ occurredAt: '2019-09-20' }))
      .thenThrows('date.before-plan', 'occurredAt');
  });

  it('refuses a meeting without saying whether the client was there', () => {
    given(caseDecider, withPlan)
      .when(meet({ clientPresent: 'yes' }))
      .thenThrows('meeting.client-present-invalid', 'clientPresent');
  });

  it.each([-1, 51, 1.5])('refuses %p institutions present', (institutionsPresent) => {
    given(caseDecider, withPlan)
      .when(meet({ institutionsPresent }))
      .thenThrows('meeting.institutions-present-invalid', 'institutionsPresent');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(meet()).thenThrows('case.not-enrolled');
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(meet({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a meeting dated before enrolment', () => {
    given(caseDecider, withPlan)
      .when(meet({ occurredAt: '2019-08-15' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a meeting outside the project period', () => {
    given(caseDecider, withPlan)
      .when(meet({ period: { start: '2018-04-01', end: '2019-09-30' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withPlan)
      .when(meet({ allowedVoivodeships: ['mazowieckie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('RecordSupportDelivery', () => {
  const deliver = (over: object = {}): CaseCommand => ({
    type: 'RecordSupportDelivery',
    data: { ...on('2019-11-04'), kind: 'vocational-activation', hours: 2.5, ...over },
  });

  it('records support under the active plan', () => {
    given(caseDecider, withMeeting).when(deliver()).then([support]);
  });

  it('refuses support before any plan is agreed', () => {
    given(caseDecider, withDiagnosis).when(deliver()).thenThrows('plan.not-active');
  });

  it('refuses support after the plan was completed', () => {
    given(caseDecider, withCompletedPlan)
      .when(deliver({ occurredAt: '2020-10-05' }))
      .thenThrows('plan.not-active');
  });

  it('refuses support dated before the plan was agreed', () => {
    given(caseDecider, withPlan)
      .when(deliver({ occurredAt: '2019-09-25' }))
      .thenThrows('date.before-plan', 'occurredAt');
  });

  it('refuses a kind of support outside the catalogue', () => {
    given(caseDecider, withPlan)
      .when(deliver({ kind: 'cash' }))
      .thenThrows('support.kind-unknown', 'kind');
  });

  it.each([0, -1, 24.5, 1.333])('refuses %p hours', (hours) => {
    given(caseDecider, withPlan).when(deliver({ hours })).thenThrows('support.hours-invalid', 'hours');
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(deliver({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(deliver()).thenThrows('case.not-enrolled');
  });

  it('refuses support dated before enrolment', () => {
    given(caseDecider, withPlan)
      .when(deliver({ occurredAt: '2019-01-04' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses support outside the project period', () => {
    given(caseDecider, withPlan)
      .when(deliver({ period: { start: '2018-04-01', end: '2019-10-31' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withPlan)
      .when(deliver({ allowedVoivodeships: ['śląskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('ReviewPlan', () => {
  const review = (over: object = {}): CaseCommand => ({
    type: 'ReviewPlan',
    data: {
      ...on('2020-03-02'),
      progress: [
        { goalId: 'g1', progress: 'achieved' },
        { goalId: 'g2', progress: 'in-progress' },
      ],
      ...over,
    },
  });

  it("records the progress of the active plan's goals", () => {
    given(caseDecider, withMeeting)
      .when(review())
      .then([
        {
          type: 'PlanReviewed',
          data: {
            planNo: 1,
            reviewedOn: '2020-03-02',
            progress: [
              { goalId: 'g1', progress: 'achieved' },
              { goalId: 'g2', progress: 'in-progress' },
            ],
          },
        },
      ]);
  });

  it('refuses a review without progress', () => {
    given(caseDecider, withPlan)
      .when(review({ progress: [] }))
      .thenThrows('review.progress-required', 'progress');
  });

  it('refuses progress of a goal the plan does not have', () => {
    given(caseDecider, withPlan)
      .when(review({ progress: [{ goalId: 'g3', progress: 'achieved' }] }))
      .thenThrows('review.goal-unknown', 'progress[0].goalId');
  });

  it('refuses a goal reviewed twice', () => {
    given(caseDecider, withPlan)
      .when(
        review({
          progress: [
            { goalId: 'g1', progress: 'achieved' },
            { goalId: 'g1', progress: 'abandoned' },
          ],
        }),
      )
      .thenThrows('review.goal-duplicate', 'progress[1].goalId');
  });

  it('refuses a progress level outside the catalogue', () => {
    given(caseDecider, withPlan)
      .when(review({ progress: [{ goalId: 'g1', progress: '50%' }] }))
      .thenThrows('review.progress-unknown', 'progress[0].progress');
  });

  it('refuses a review when no plan is active', () => {
    given(caseDecider, withCompletedPlan)
      .when(review({ occurredAt: '2020-10-05' }))
      .thenThrows('plan.not-active');
  });

  it('refuses a review dated before the plan was agreed', () => {
    given(caseDecider, withPlan)
      .when(review({ occurredAt: '2019-09-20' }))
      .thenThrows('date.before-plan', 'occurredAt');
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(review({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(review()).thenThrows('case.not-enrolled');
  });

  it('refuses a review dated before enrolment', () => {
    given(caseDecider, withPlan)
      .when(review({ occurredAt: '2019-05-04' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a review outside the project period', () => {
    given(caseDecider, withPlan)
      .when(review({ period: { start: '2018-04-01', end: '2019-12-31' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withPlan)
      .when(review({ allowedVoivodeships: ['opolskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('CompletePlan', () => {
  const complete = (over: object = {}): CaseCommand => ({
    type: 'CompletePlan',
    data: { ...on('2020-09-30'), outcome: 'success', ...over },
  });

  it('records the outcome of the active plan', () => {
    given(caseDecider, withMeeting).when(complete()).then([planCompleted]);
  });

  it('refuses to complete a plan that was never agreed', () => {
    given(caseDecider, withDiagnosis).when(complete()).thenThrows('plan.not-agreed');
  });

  it('refuses to complete a plan twice', () => {
    given(caseDecider, withCompletedPlan)
      .when(complete({ occurredAt: '2020-10-01', outcome: 'partial' }))
      .thenThrows('plan.already-completed');
  });

  it('refuses an outcome outside the catalogue', () => {
    given(caseDecider, withMeeting)
      .when(complete({ outcome: 'mixed' }))
      .thenThrows('plan.outcome-unknown', 'outcome');
  });

  it('refuses a completion dated before the plan was agreed', () => {
    given(caseDecider, withPlan)
      .when(complete({ occurredAt: '2019-09-20' }))
      .thenThrows('date.before-plan', 'occurredAt');
  });

  it('refuses a completion dated before a recorded meeting', () => {
    given(caseDecider, withMeeting)
      .when(complete({ occurredAt: '2019-10-10' }))
      .thenThrows('date.before-last-activity', 'occurredAt');
  });

  it('counts a voided meeting out of the latest activity', () => {
    const voided: CaseEvent = {
      type: 'CaseFactCorrected',
      data: {
        correctedOn: '2019-10-20',
        reason: 'duplicate-entry',
        correction: { fact: 'meeting-voided', meetingNo: 1 },
      },
    };
    given(caseDecider, [...withMeeting, voided])
      .when(complete({ occurredAt: '2019-10-10', outcome: 'failure' }))
      .then([{ type: 'PlanCompleted', data: { planNo: 1, completedOn: '2019-10-10', outcome: 'failure' } }]);
  });

  it('refuses a closed case', () => {
    given(caseDecider, closed)
      .when(complete({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(complete()).thenThrows('case.not-enrolled');
  });

  it('refuses a completion dated before enrolment', () => {
    given(caseDecider, withPlan)
      .when(complete({ occurredAt: '2019-06-30' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a completion outside the project period', () => {
    given(caseDecider, withMeeting)
      .when(complete({ occurredAt: '2023-11-30' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withMeeting)
      .when(complete({ allowedVoivodeships: ['lubuskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('CloseCase', () => {
  const close = (over: object = {}): CaseCommand => ({
    type: 'CloseCase',
    data: { ...on('2020-10-15'), reason: 'support-completed', ...over },
  });

  it('closes a case whose plan is completed', () => {
    given(caseDecider, withCompletedPlan).when(close()).then([caseClosed]);
  });

  it('closes a case that never got a plan', () => {
    given(caseDecider, withDiagnosis)
      .when(close({ occurredAt: '2019-10-01', reason: 'client-withdrew' }))
      .then([{ type: 'CaseClosed', data: { closedOn: '2019-10-01', reason: 'client-withdrew' } }]);
  });

  it('refuses to close a case while its plan is active', () => {
    given(caseDecider, withMeeting).when(close()).thenThrows('case.plan-active');
  });

  it('refuses a reason outside the catalogue', () => {
    given(caseDecider, withCompletedPlan)
      .when(close({ reason: 'bored' }))
      .thenThrows('case.close-reason-unknown', 'reason');
  });

  it('refuses a closing dated before the last recorded fact', () => {
    given(caseDecider, withCompletedPlan)
      .when(close({ occurredAt: '2020-09-29' }))
      .thenThrows('date.before-last-activity', 'occurredAt');
  });

  it('refuses to close a case twice', () => {
    given(caseDecider, closed)
      .when(close({ occurredAt: '2020-11-02' }))
      .thenThrows('case.closed');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider).when(close()).thenThrows('case.not-enrolled');
  });

  it('refuses a closing dated before enrolment', () => {
    given(caseDecider, open)
      .when(close({ occurredAt: '2019-09-01' }))
      .thenThrows('date.before-enrolment', 'occurredAt');
  });

  it('refuses a closing outside the project period', () => {
    given(caseDecider, withCompletedPlan)
      .when(close({ occurredAt: '2024-02-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, withCompletedPlan)
      .when(close({ allowedVoivodeships: ['pomorskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('CorrectCaseFact', () => {
  const correct = (correction: object, over: object = {}): CaseCommand => ({
    type: 'CorrectCaseFact',
    data: { ...on('2021-02-01'), reason: 'data-entry-error', correction, ...over } as never,
  });
  const corrected = (correction: object, reason = 'data-entry-error'): CaseEvent =>
    ({ type: 'CaseFactCorrected', data: { correctedOn: '2021-02-01', reason, correction } }) as CaseEvent;

  it('corrects the household size, also after the case was closed', () => {
    given(caseDecider, closed)
      .when(correct({ fact: 'household-size', householdSize: 5 }))
      .then([corrected({ fact: 'household-size', householdSize: 5 })]);
  });

  it('refuses a household size that is already recorded', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'household-size', householdSize: 4 }))
      .thenThrows('correction.no-change');
  });

  it('refuses an impossible household size', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'household-size', householdSize: 0 }))
      .thenThrows('case.household-size-invalid', 'correction.householdSize');
  });

  it('corrects the enrolment date to an earlier day', () => {
    given(caseDecider, withMeeting)
      .when(correct({ fact: 'enrolment-date', enrolledOn: '2019-08-26' }))
      .then([corrected({ fact: 'enrolment-date', enrolledOn: '2019-08-26' })]);
  });

  it('refuses an enrolment date after facts already recorded', () => {
    given(caseDecider, withMeeting)
      .when(correct({ fact: 'enrolment-date', enrolledOn: '2019-09-20' }))
      .thenThrows('correction.enrolment-after-facts', 'correction.enrolledOn');
  });

  it('refuses an enrolment date outside the project period', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'enrolment-date', enrolledOn: '2018-01-15' }))
      .thenThrows('fact.outside-project-period', 'correction.enrolledOn');
  });

  it('refuses an enrolment date that is not a date', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'enrolment-date', enrolledOn: '02.09.2019' }))
      .thenThrows('date.invalid', 'correction.enrolledOn');
  });

  it('refuses the enrolment date already recorded', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'enrolment-date', enrolledOn: '2019-09-02' }))
      .thenThrows('correction.no-change');
  });

  it("corrects a completed plan's outcome", () => {
    given(caseDecider, closed)
      .when(correct({ fact: 'plan-outcome', planNo: 1, outcome: 'partial' }, { reason: 'source-document-corrected' }))
      .then([corrected({ fact: 'plan-outcome', planNo: 1, outcome: 'partial' }, 'source-document-corrected')]);
  });

  it('refuses an outcome for a plan the case does not have', () => {
    given(caseDecider, withCompletedPlan)
      .when(correct({ fact: 'plan-outcome', planNo: 2, outcome: 'partial' }))
      .thenThrows('correction.plan-unknown', 'correction.planNo');
  });

  it('refuses an outcome for a plan still active', () => {
    given(caseDecider, withPlan)
      .when(correct({ fact: 'plan-outcome', planNo: 1, outcome: 'partial' }))
      .thenThrows('correction.plan-not-completed', 'correction.planNo');
  });

  it('refuses the outcome already recorded', () => {
    given(caseDecider, withCompletedPlan)
      .when(correct({ fact: 'plan-outcome', planNo: 1, outcome: 'success' }))
      .thenThrows('correction.no-change');
  });

  it('refuses an outcome outside the catalogue', () => {
    given(caseDecider, withCompletedPlan)
      .when(correct({ fact: 'plan-outcome', planNo: 1, outcome: 'great' }))
      .thenThrows('plan.outcome-unknown', 'correction.outcome');
  });

  it('voids a meeting recorded twice', () => {
    given(caseDecider, withMeeting)
      .when(correct({ fact: 'meeting-voided', meetingNo: 1 }, { reason: 'duplicate-entry' }))
      .then([corrected({ fact: 'meeting-voided', meetingNo: 1 }, 'duplicate-entry')]);
  });

  it('refuses to void a meeting the case does not have', () => {
    given(caseDecider, withMeeting)
      .when(correct({ fact: 'meeting-voided', meetingNo: 7 }))
      .thenThrows('correction.meeting-unknown', 'correction.meetingNo');
  });

  it('refuses to void a meeting twice', () => {
    given(caseDecider, [...withMeeting, corrected({ fact: 'meeting-voided', meetingNo: 1 })])
      .when(correct({ fact: 'meeting-voided', meetingNo: 1 }))
      .thenThrows('correction.already-voided', 'correction.meetingNo');
  });

  it('voids a support delivery', () => {
    given(caseDecider, [...withMeeting, support])
      .when(correct({ fact: 'support-voided', supportNo: 1 }))
      .then([corrected({ fact: 'support-voided', supportNo: 1 })]);
  });

  it('refuses to void a support delivery the case does not have', () => {
    given(caseDecider, withMeeting)
      .when(correct({ fact: 'support-voided', supportNo: 1 }))
      .thenThrows('correction.support-unknown', 'correction.supportNo');
  });

  it('refuses to void a support delivery twice', () => {
    given(caseDecider, [...withMeeting, support, corrected({ fact: 'support-voided', supportNo: 1 })])
      .when(correct({ fact: 'support-voided', supportNo: 1 }))
      .thenThrows('correction.already-voided', 'correction.supportNo');
  });

  it('refuses a fact that cannot be corrected', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'case-id', caseId: 'mr1-KAR-0043' }))
      .thenThrows('correction.fact-unknown', 'correction.fact');
  });

  it('refuses a reason outside the catalogue', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'household-size', householdSize: 5 }, { reason: 'because' }))
      .thenThrows('correction.reason-unknown', 'reason');
  });

  it('refuses a correction date that is not a date', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'household-size', householdSize: 5 }, { occurredAt: 'yesterday' }))
      .thenThrows('date.invalid', 'occurredAt');
  });

  it('refuses a case that is not enrolled', () => {
    given(caseDecider)
      .when(correct({ fact: 'household-size', householdSize: 5 }))
      .thenThrows('case.not-enrolled');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(caseDecider, open)
      .when(correct({ fact: 'household-size', householdSize: 5 }, { allowedVoivodeships: ['podlaskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});
