import type { CaseEvent } from '../case/case.events';
import { summariseCase } from './case-summary';

const enrolled: CaseEvent = {
  type: 'CaseEnrolled',
  data: {
    caseId: 'mr3-KAT-0007',
    siteTeryt: '2469011',
    voivodeship: 'śląskie',
    householdSize: 3,
    caseUnit: 'zzk',
    enrolledOn: '2019-09-02',
  },
};
const diagnosed: CaseEvent = { type: 'DiagnosisCompleted', data: { diagnosedOn: '2019-09-10', areas: ['housing'] } };
const plan = (
  planNo: number,
  agreedOn: string,
  planType: 'zzk-plan' | 'kontrakt-socjalny' = 'zzk-plan',
): CaseEvent => ({
  type: 'IndividualPlanAgreed',
  data: {
    planNo,
    planType,
    agreedOn,
    goals: [
      { goalId: 'g1', area: 'housing' },
      { goalId: 'g2', area: 'employment' },
      { goalId: 'g3', area: 'health' },
    ],
    goalLabels: { g1: 'Mieszkanie socjalne' },
    responsibleInstitutions: [
      { institutionId: 'mops-katowice', sector: 'social-assistance' },
      { institutionId: 'pup-katowice', sector: 'labour-office' },
      { institutionId: 'fundacja-1', sector: 'ngo' },
      { institutionId: 'fundacja-2', sector: 'ngo' },
    ],
  },
});
const meeting = (meetingNo: number, heldOn: string, clientPresent = true): CaseEvent => ({
  type: 'CaseTeamMeetingHeld',
  data: { meetingNo, planNo: 1, heldOn, clientPresent, institutionsPresent: 3 },
});
const support = (supportNo: number, hours: number): CaseEvent => ({
  type: 'SupportDelivered',
  data: { supportNo, planNo: 1, deliveredOn: '2019-11-04', kind: 'housing-support', hours },
});
const corrected = (correction: object): CaseEvent =>
  ({
    type: 'CaseFactCorrected',
    data: { correctedOn: '2021-01-10', reason: 'duplicate-entry', correction },
  }) as CaseEvent;

const history: CaseEvent[] = [
  enrolled,
  diagnosed,
  plan(1, '2019-10-01'),
  meeting(1, '2019-10-15'),
  meeting(2, '2019-11-12', false),
  meeting(3, '2019-11-12', false),
  support(1, 0.1),
  support(2, 0.2),
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
  {
    type: 'PlanReviewed',
    data: {
      planNo: 1,
      reviewedOn: '2020-06-01',
      progress: [
        { goalId: 'g1', progress: 'achieved' },
        { goalId: 'g2', progress: 'achieved' },
        { goalId: 'g3', progress: 'abandoned' },
      ],
    },
  },
  { type: 'PlanCompleted', data: { planNo: 1, completedOn: '2020-09-30', outcome: 'success' } },
];

describe('caseSummary', () => {
  it('is null for a case id with nothing enrolled', () => {
    expect(summariseCase([])).toBeNull();
  });

  it('reports the case as the comparison reads it', () => {
    expect(summariseCase(history)).toEqual({
      caseId: 'mr3-KAT-0007',
      status: 'open',
      siteTeryt: '2469011',
      voivodeship: 'śląskie',
      caseUnit: 'zzk',
      householdSize: 3,
      enrolledOn: '2019-09-02',
      diagnosedOn: '2019-09-10',
      plans: [
        {
          planNo: 1,
          planType: 'zzk-plan',
          agreedOn: '2019-10-01',
          goals: 3,
          responsibleInstitutions: 4,
          sectors: 3,
          diagnosisWaiver: null,
          reviews: 2,
          goalsAchieved: 2,
          completedOn: '2020-09-30',
          outcome: 'success',
          durationMonths: 12,
        },
      ],
      planOutcome: 'success',
      firstMeetingOn: '2019-10-15',
      daysToFirstMeeting: 43,
      monthsToFirstMeeting: 1.4,
      meetings: 3,
      meetingsWithClient: 1,
      supportDeliveries: 2,
      supportHours: 0.3,
      closedOn: null,
      closeReason: null,
      corrections: 0,
    });
  });

  it('leaves voided meetings and deliveries out of every count', () => {
    const summary = summariseCase([
      ...history,
      corrected({ fact: 'meeting-voided', meetingNo: 1 }),
      corrected({ fact: 'support-voided', supportNo: 2 }),
    ]);
    expect(summary).toMatchObject({
      firstMeetingOn: '2019-11-12',
      daysToFirstMeeting: 71,
      meetings: 2,
      meetingsWithClient: 0,
      supportDeliveries: 1,
      supportHours: 0.1,
      corrections: 2,
    });
  });

  it('uses the corrected outcome, household size and enrolment date', () => {
    const summary = summariseCase([
      ...history,
      corrected({ fact: 'plan-outcome', planNo: 1, outcome: 'partial' }),
      corrected({ fact: 'household-size', householdSize: 5 }),
      corrected({ fact: 'enrolment-date', enrolledOn: '2019-08-15' }),
    ]);
    expect(summary).toMatchObject({
      planOutcome: 'partial',
      householdSize: 5,
      enrolledOn: '2019-08-15',
      daysToFirstMeeting: 61,
      monthsToFirstMeeting: 2,
    });
  });

  it("gives the latest plan's outcome and keeps each plan", () => {
    const summary = summariseCase([...history, plan(2, '2020-10-01', 'kontrakt-socjalny')]);
    expect(summary?.planOutcome).toBeNull();
    expect(summary?.plans.map((p) => [p.planNo, p.planType, p.outcome, p.durationMonths])).toEqual([
      [1, 'zzk-plan', 'success', 12],
      [2, 'kontrakt-socjalny', null, null],
    ]);
  });

  it('reports a closed case with its reason', () => {
    const summary = summariseCase([
      ...history,
      { type: 'CaseClosed', data: { closedOn: '2020-10-15', reason: 'support-completed' } },
    ]);
    expect(summary).toMatchObject({ status: 'closed', closedOn: '2020-10-15', closeReason: 'support-completed' });
  });

  it('has no meeting figures before the first meeting', () => {
    expect(summariseCase([enrolled, diagnosed, plan(1, '2019-10-01')])).toMatchObject({
      firstMeetingOn: null,
      daysToFirstMeeting: null,
      monthsToFirstMeeting: null,
      meetings: 0,
      planOutcome: null,
    });
  });

  it('never exposes the personal goal labels', () => {
    expect(JSON.stringify(summariseCase(history))).not.toContain('Mieszkanie');
  });
});
