import fc from 'fast-check';
import { history as h, recorded, type HistoryEvent } from '../testing/history';
import { InMemoryCube } from '../testing/in-memory-cube';
import { METRIC, REPORTED } from './metrics';
import { HANDLED_EVENT_TYPES } from './sources/route';

const T = 'mr2';
const KARTUZY = '2205023';
const ZUKOWO = '2205063';
const POWIAT = '2205';

async function cubeOf(events: readonly HistoryEvent[], recordedAt?: Date | ((e: HistoryEvent, i: number) => Date)) {
  return new InMemoryCube().apply(recorded(T, events, recordedAt));
}

describe('events into the metric cube', () => {
  describe('JST', () => {
    const territory = [
      h.municipalityInvited(KARTUZY, '2018-05-01'),
      h.participationDeclared(KARTUZY, '2018-06-01'),
      h.agreementSigned(KARTUZY, '2018-09-03'),
      h.pilotSiteRecruited(KARTUZY, '2019-01-15'),
      h.municipalityInvited(ZUKOWO, '2018-05-01'),
      h.participationDeclared(ZUKOWO, '2018-06-01'),
      h.agreementSigned(ZUKOWO, '2018-10-01'),
      h.municipalityWithdrew(ZUKOWO, '2019-03-01'),
      h.powiatInvited(POWIAT, '2018-05-01'),
      h.powiatAgreementSigned(POWIAT, '2018-11-20'),
    ];

    it('counts gminas and powiats under agreement from the day of signing until a withdrawal', async () => {
      const cube = await cubeOf(territory);
      const underAgreement = (day: string) => cube.sum(METRIC.jstUnderAgreement, { occurredBy: day });
      expect(
        ['2018-09-02', '2018-09-03', '2018-10-01', '2018-11-20', '2019-02-28', '2019-03-01'].map(underAgreement),
      ).toEqual([0, 1, 2, 3, 3, 2]);
      expect(cube.sum(METRIC.jstUnderAgreement, { dimension: 'powiat' })).toBe(1);
    });

    it('counts a gmina in the pilot from its recruitment, a powiat from the first pilot work there', async () => {
      const cube = await cubeOf([
        ...territory,
        h.caseEnrolled('mr2-KAR-0001', POWIAT, '2019-05-06'),
        h.siteRegistered(POWIAT, '2019-04-02'),
        h.coaching(POWIAT, '2019-04-02', 'group', 3, 6),
      ]);
      const inPilot = (day: string) => cube.sum(METRIC.jstInPilot, { occurredBy: day });
      expect(['2019-01-14', '2019-01-15', '2019-04-01', '2019-04-02', '2019-06-01'].map(inPilot)).toEqual([
        0, 1, 1, 2, 2,
      ]);
    });

    it('measures the months from the agreement to the first case-team meeting, leaving voided meetings out', async () => {
      const cube = await cubeOf([
        ...territory,
        h.caseEnrolled('mr2-KAR-0001', KARTUZY, '2019-02-01'),
        h.planAgreed('mr2-KAR-0001', 1, '2019-02-10'),
        h.caseTeamMeeting('mr2-KAR-0001', 1, 1, '2019-03-04'),
        h.caseEnrolled('mr2-KAR-0002', KARTUZY, '2019-02-01'),
        h.planAgreed('mr2-KAR-0002', 1, '2019-02-10'),
        h.caseTeamMeeting('mr2-KAR-0002', 1, 1, '2019-04-01'),
        h.caseCorrected('mr2-KAR-0001', '2019-05-01', { fact: 'meeting-voided', meetingNo: 1 }),
      ]);
      // Signed 2018-09-03; the first meeting left is 2019-04-01: 210 days.
      expect(cube.sum(METRIC.agreementToFirstMeeting)).toBe(1);
      expect(cube.sum(METRIC.agreementToFirstMeeting, { of: 'value' })).toBe(21000);
      expect(cube.sum(METRIC.agreementToFirstMeeting, { occurredBy: '2019-03-31' })).toBe(0);
    });
  });

  describe('bodies', () => {
    it('counts bodies in operation and their members per kind, up to the last day', async () => {
      const cube = await cubeOf([
        h.groupConvened('pgr-1', 'PGR', '2018-06-01'),
        h.memberJoined('pgr-1', 'a', '2018-06-01'),
        h.memberJoined('pgr-1', 'b', '2018-06-01'),
        h.memberJoined('pgr-1', 'c', '2018-07-01'),
        h.memberLeft('pgr-1', 'b', '2018-12-31'),
        h.groupDissolved('pgr-1', '2019-06-30'),
        h.groupConvened('zzk-1', 'ZZK', '2019-02-01'),
        h.memberJoined('zzk-1', 'client', '2019-02-01', { client: true }),
        h.memberJoined('zzk-1', 'd', '2019-02-01'),
      ]);
      const at = (day: string) => [
        cube.sum(METRIC.groups, { dimension: 'PGR', occurredBy: day }),
        cube.sum(METRIC.groupMembers, { dimension: 'PGR', occurredBy: day }),
      ];
      expect(['2018-06-01', '2018-07-01', '2018-12-31', '2019-01-01', '2019-06-30', '2019-07-01'].map(at)).toEqual([
        [1, 2],
        [1, 3],
        [1, 3],
        [1, 2],
        [1, 2],
        [0, 0],
      ]);
      expect(cube.sum(METRIC.groupMembers, { dimension: 'ZZK' })).toBe(1); // the client is not a member counted
    });

    it('counts meetings with their days, where a correction moved them', async () => {
      const cube = await cubeOf([
        h.groupConvened('pgr-1', 'PGR', '2018-06-01'),
        h.meetingHeld('pgr-1', 'm1', '2018-06-10', 2),
        h.meetingHeld('pgr-1', 'm2', '2018-09-10', 2),
        h.meetingCorrected('pgr-1', 'm2', '2018-09-20', { heldOn: '2018-10-10', days: 1 }),
      ]);
      expect(cube.sum(METRIC.meetings, { occurredBy: '2018-09-30' })).toBe(1);
      expect(cube.sum(METRIC.meetings)).toBe(2);
      expect(cube.sum(METRIC.meetings, { of: 'value' })).toBe(300);
    });

    it('counts an institution once however many of its people sit in how many bodies, and by sector', async () => {
      const cube = await cubeOf([
        h.groupConvened('pgd-1', 'PGD', '2018-06-01'),
        h.groupConvened('pzk-1', 'PZK', '2019-01-01'),
        h.memberJoined('pgd-1', 'a', '2018-06-01', { institution: 'MOPS w Kartuzach', sector: 'social-assistance' }),
        h.memberJoined('pzk-1', 'b', '2019-01-01', {
          institution: '  mops W  Kartuzach. ',
          sector: 'social-assistance',
        }),
        h.memberJoined('pzk-1', 'c', '2019-01-01', { institution: 'Komenda Powiatowa Policji', sector: 'police' }),
        h.memberJoined('pzk-1', 'd', '2019-01-01', { institution: 'PUP Kartuzy', sector: 'labour-office' }),
        h.memberLeft('pgd-1', 'a', '2019-03-31'),
        h.memberLeft('pzk-1', 'd', '2019-02-28'),
      ]);
      const at = (day: string) => cube.sum(METRIC.institutions, { occurredBy: day });
      expect(['2018-06-01', '2019-01-01', '2019-03-01', '2019-04-01'].map(at)).toEqual([1, 3, 2, 2]);
      const sectors = (day: string) =>
        ['social-assistance', 'police', 'labour-office'].map((s) =>
          cube.sum(METRIC.institutionsBySector, { dimension: s, occurredBy: day }),
        );
      expect(sectors('2019-01-15')).toEqual([1, 1, 1]);
      expect(sectors('2019-04-01')).toEqual([1, 1, 0]);
    });

    it('moves an institution when a membership is corrected', async () => {
      const cube = await cubeOf([
        h.groupConvened('pzk-1', 'PZK', '2019-01-01'),
        h.memberJoined('pzk-1', 'a', '2019-01-01', { institution: 'Szkoła nr 1', sector: 'education' }),
        h.memberJoined('pzk-1', 'b', '2019-01-01', { institution: 'Szkoła nr 1', sector: 'education' }),
        h.memberCorrected('pzk-1', 'b', '2019-01-01', '2019-02-01', {
          institution: 'Poradnia Zdrowia',
          sector: 'health',
        }),
      ]);
      expect(cube.sum(METRIC.institutions)).toBe(2);
      expect(cube.sum(METRIC.institutionsBySector, { dimension: 'health' })).toBe(1);
      expect(cube.sum(METRIC.institutionsBySector, { dimension: 'education' })).toBe(1);
    });
  });

  describe('decisions', () => {
    it('counts a decision as adopted on its day, revoked or not, and moves it when its day is corrected', async () => {
      const cube = await cubeOf([
        h.groupConvened('pgd-1', 'PGD', '2018-06-01'),
        h.decisionProposed('d1', 'pgd-1', '2018-06-05'),
        h.decisionAdopted('d1', 'pgd-1', '2018-06-10'),
        h.decisionProposed('d2', 'pgd-1', '2018-06-05'),
        h.decisionAdopted('d2', 'pgd-1', '2018-06-10'),
        h.decisionRevoked('d2', 'pgd-1', '2018-12-01'),
        h.decisionDayCorrected('d1', 'pgd-1', '2019-01-10', '2018-07-01'),
      ]);
      expect(cube.sum(METRIC.decisionsAdopted, { occurredBy: '2018-06-30' })).toBe(1);
      expect(cube.sum(METRIC.decisionsAdopted)).toBe(2);
      expect(cube.sum(METRIC.decisionsRevoked)).toBe(1);
    });
  });

  describe('pilot cases and sites', () => {
    it('counts families and persons enrolled, plans by outcome and case-team meetings, corrections applied', async () => {
      const cube = await cubeOf([
        h.caseEnrolled('mr2-KAR-0001', KARTUZY, '2019-02-01', 4),
        h.planAgreed('mr2-KAR-0001', 1, '2019-02-10'),
        h.caseTeamMeeting('mr2-KAR-0001', 1, 1, '2019-03-01'),
        h.caseTeamMeeting('mr2-KAR-0001', 2, 1, '2019-04-01'),
        h.planCompleted('mr2-KAR-0001', 1, '2019-12-01', 'partial'),
        h.caseEnrolled('mr2-KAR-0002', KARTUZY, '2019-03-01', 2),
        h.planAgreed('mr2-KAR-0002', 1, '2019-03-10', 'kontrakt-socjalny'),
        h.planCompleted('mr2-KAR-0002', 1, '2019-11-01', 'success'),
        h.caseCorrected('mr2-KAR-0001', '2020-01-10', { fact: 'plan-outcome', planNo: 1, outcome: 'success' }),
        h.caseCorrected('mr2-KAR-0001', '2020-01-10', { fact: 'meeting-voided', meetingNo: 2 }),
        h.caseCorrected('mr2-KAR-0002', '2020-01-10', { fact: 'household-size', householdSize: 5 }),
        h.caseCorrected('mr2-KAR-0002', '2020-01-10', { fact: 'enrolment-date', enrolledOn: '2019-02-20' }),
      ]);
      expect(cube.sum(METRIC.casesEnrolled)).toBe(2);
      expect(cube.sum(METRIC.casesEnrolled, { of: 'value' })).toBe(900);
      expect(cube.sum(METRIC.casesEnrolled, { occurredBy: '2019-02-25' })).toBe(2);
      expect(cube.sum(METRIC.plansCompleted, { dimension: 'success' })).toBe(2);
      expect(cube.sum(METRIC.plansCompleted, { dimension: 'partial' })).toBe(0);
      expect(cube.sum(METRIC.plansAgreed, { dimension: 'kontrakt-socjalny' })).toBe(1);
      expect(cube.sum(METRIC.caseTeamMeetings)).toBe(1);
    });

    it('adds coaching and training as they happen, and counts coached workers by the largest session per site', async () => {
      const cube = await cubeOf([
        h.siteRegistered(KARTUZY, '2019-03-01'),
        h.coaching(KARTUZY, '2019-03-01', 'group', 4, 6),
        h.coaching(KARTUZY, '2019-03-08', 'individual', 1.5, 1),
        h.coaching(KARTUZY, '2019-04-01', 'group', 4, 8),
        h.coaching(ZUKOWO, '2019-04-01', 'group', 2, 5),
        h.training(KARTUZY, '2019-05-01', 'deinstitutionalisation', 6, 20),
        h.training(KARTUZY, '2019-06-01', 'case-team-work', 8, 12),
      ]);
      expect(cube.sum(METRIC.coaching)).toBe(4);
      expect(cube.sum(METRIC.coaching, { of: 'value' })).toBe(1150);
      expect(cube.sum(METRIC.coachingWorkerHours, { of: 'value' })).toBe(4 * 6 * 100 + 150 + 4 * 8 * 100 + 2 * 5 * 100);
      expect(cube.sum(METRIC.socialWorkersCoached, { of: 'value', occurredBy: '2019-03-31' })).toBe(600);
      expect(cube.sum(METRIC.socialWorkersCoached, { of: 'value' })).toBe(1300);
      expect(cube.sum(METRIC.trainings, { dimension: 'deinstitutionalisation' })).toBe(1);
      expect(cube.sum(METRIC.trainings, { of: 'value' })).toBe(3200);
    });

    it('takes the latest report of each period, on the day it was reported', async () => {
      const cube = await cubeOf([
        h.outcomeReported(KARTUZY, '2020-01-15', ['2019-01-01', '2019-12-31'], {
          families: 30,
          plans: 20,
          successes: 15,
        }),
        h.outcomeReported(KARTUZY, '2020-07-15', ['2020-01-01', '2020-06-30'], {
          families: 10,
          plans: 8,
          successes: 6,
        }),
        h.outcomeReported(KARTUZY, '2020-09-01', ['2019-01-01', '2019-12-31'], {
          families: 32,
          plans: 21,
          successes: 17,
        }),
      ]);
      const reported = (d: string, day?: string) =>
        cube.sum(METRIC.reportedOutcomes, { dimension: d, of: 'value', occurredBy: day });
      expect(reported(REPORTED.plansCompleted, '2020-07-31')).toBe(2800);
      expect(reported(REPORTED.plansCompleted)).toBe(2900);
      expect(reported(REPORTED.successes)).toBe(2300);
    });
  });

  describe('programme', () => {
    it('keeps the target in force on each business day, and the budget line by line', async () => {
      const cube = await cubeOf([
        h.partnership('2018-03-20', { total: '11 977 479,39', euShare: '10 094 619,62' }),
        h.target('jst-in-pilot', 50, '2018-05-01', 'jst'),
        h.target('jst-in-pilot', 40, '2019-06-01', 'jst'),
        h.budgetAmended('2020-06-01', { total: '31 604 368,34' }),
        h.budgetAmendedV1('2021-01-10', 31604368.5),
      ]);
      const target = (day: string) =>
        cube.sum(METRIC.target, { dimension: 'jst-in-pilot', of: 'value', occurredBy: day });
      expect(['2018-04-30', '2018-05-01', '2019-05-31', '2019-06-01'].map(target)).toEqual([0, 5000, 5000, 4000]);
      const budget = (line: string, day?: string) =>
        cube.sum(METRIC.budget, { dimension: line, of: 'value', occurredBy: day });
      expect(budget('total', '2019-12-31')).toBe(1197747939);
      expect(budget('total', '2020-12-31')).toBe(3160436834);
      expect(budget('total')).toBe(3160436850);
      expect(budget('euShare')).toBe(1009461962);
    });

    it('reads a target as corrected: replaced or voided', async () => {
      const cube = await cubeOf([
        h.partnership('2018-03-20', { total: '100' }),
        h.target('families-enrolled', 172, '2018-05-01', 'families'),
        h.target('plans-completed', 140, '2018-05-01', 'plans'),
        h.programmeCorrection(
          1,
          'IndicatorTargetSet',
          { indicator: 'families-enrolled', value: 180, unit: 'families', setOn: '2018-05-01', source: 'test' },
          '2019-01-01',
        ),
        h.programmeCorrection(2, 'IndicatorTargetSet', null, '2019-01-01'),
      ]);
      expect(cube.sum(METRIC.target, { dimension: 'families-enrolled', of: 'value' })).toBe(18000);
      expect(cube.sum(METRIC.target, { dimension: 'plans-completed', of: 'value' })).toBe(0);
    });
  });

  describe('business time and record time', () => {
    it('dates each change by the day it was recorded: history entered late shows in business time only from then', async () => {
      const events = [
        h.agreementSigned(KARTUZY, '2018-09-03'),
        h.agreementSigned(ZUKOWO, '2018-10-01'),
        h.municipalityWithdrew(ZUKOWO, '2019-03-01'),
      ];
      const recordedOn = ['2018-09-04T08:00:00Z', '2024-02-01T08:00:00Z', '2024-02-05T08:00:00Z'];
      const cube = await cubeOf(events, (_, i) => new Date(recordedOn[i]));
      const agreement = (bounds: { occurredBy?: string; recordedBy?: string }) =>
        cube.sum(METRIC.jstUnderAgreement, bounds);
      // As things were on 2018-12-31 (known today): two gminas. As the data stood on 2023-12-31: one.
      expect(agreement({ occurredBy: '2018-12-31' })).toBe(2);
      expect(agreement({ recordedBy: '2023-12-31' })).toBe(1);
      expect(agreement({ recordedBy: '2024-02-01' })).toBe(2);
      expect(agreement({ recordedBy: '2024-02-05' })).toBe(1);
      // Both at once: 2018-12-31 as the data stood on 2024-02-01.
      expect(agreement({ occurredBy: '2018-12-31', recordedBy: '2024-02-01' })).toBe(2);
    });

    it('splits one entity’s changes in one batch by their record days', async () => {
      const cube = await cubeOf(
        [
          h.caseEnrolled('c-1', KARTUZY, '2019-02-01', 3),
          h.caseCorrected('c-1', '2019-02-02', { fact: 'household-size', householdSize: 5 }),
        ],
        (_, i) => new Date(i === 0 ? '2019-02-01T09:00:00Z' : '2019-02-03T09:00:00Z'),
      );
      expect(cube.sum(METRIC.casesEnrolled, { of: 'value', recordedBy: '2019-02-02' })).toBe(300);
      expect(cube.sum(METRIC.casesEnrolled, { of: 'value', recordedBy: '2019-02-03' })).toBe(500);
    });
  });

  it('reads every programme event (older versions too) and of the rest only what changes a metric', () => {
    expect(HANDLED_EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'programme.FactCorrected.v1',
        'programme.ScheduleAmended.v1',
        'programme.BudgetAmended.v1',
        'programme.BudgetAmended.v2',
        'pilot.CaseTeamMeetingHeld.v1',
        'groups.MemberDetailsCorrected.v1',
      ]),
    );
    for (const unread of ['pilot.SupportDelivered.v1', 'pilot.PlanReviewed.v1', 'groups.MemberRoleChanged.v1']) {
      expect(HANDLED_EVENT_TYPES).not.toContain(unread);
    }
  });

  describe('replays and batches', () => {
    const scenario: HistoryEvent[] = [
      h.partnership('2018-03-20', { total: '1000' }),
      h.target('families-enrolled', 10, '2018-05-01', 'families'),
      h.agreementSigned(KARTUZY, '2018-09-03'),
      h.pilotSiteRecruited(KARTUZY, '2019-01-15'),
      h.groupConvened('pzk-1', 'PZK', '2019-01-01'),
      h.memberJoined('pzk-1', 'a', '2019-01-01', { institution: 'MOPS', sector: 'social-assistance' }),
      h.memberJoined('pzk-1', 'b', '2019-01-01', { institution: 'Szkoła', sector: 'education' }),
      h.meetingHeld('pzk-1', 'm1', '2019-01-20'),
      h.memberCorrected('pzk-1', 'b', '2019-01-01', '2019-02-01', { institution: 'MOPS', sector: 'social-assistance' }),
      h.memberLeft('pzk-1', 'a', '2019-05-31'),
      h.decisionProposed('d1', 'pzk-1', '2019-01-20'),
      h.decisionAdopted('d1', 'pzk-1', '2019-01-20'),
      h.caseEnrolled('c-1', KARTUZY, '2019-02-01'),
      h.planAgreed('c-1', 1, '2019-02-10'),
      h.caseTeamMeeting('c-1', 1, 1, '2019-03-01'),
      h.caseTeamMeeting('c-1', 2, 1, '2019-02-20'),
      h.caseCorrected('c-1', '2019-04-01', { fact: 'meeting-voided', meetingNo: 2 }),
      h.planCompleted('c-1', 1, '2019-12-01', 'success'),
      h.coaching(KARTUZY, '2019-03-01', 'group', 4, 6),
      h.groupDissolved('pzk-1', '2020-12-31'),
    ];
    const days = ['2024-01-01T10:00:00Z', '2024-01-02T10:00:00Z', '2024-01-03T10:00:00Z'];
    const events = recorded(T, scenario, (_, i) => new Date(days[i % 3]));

    it('changes nothing when the same events are applied again', async () => {
      const cube = await new InMemoryCube().apply(events);
      const before = { rows: cube.snapshot(), entities: JSON.stringify([...cube.entities]) };
      await cube.apply(events);
      await cube.apply(events.slice(5, 12));
      expect({ rows: cube.snapshot(), entities: JSON.stringify([...cube.entities]) }).toEqual(before);
    });

    it('ends with the same rows however the events are cut into batches', async () => {
      const whole = (await new InMemoryCube().apply(events)).snapshot();
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.integer({ min: 1, max: events.length - 1 }), { maxLength: 8 }),
          async (cuts) => {
            const cube = new InMemoryCube();
            const bounds = [0, ...[...cuts].sort((a, b) => a - b), events.length];
            for (let i = 1; i < bounds.length; i++) await cube.apply(events.slice(bounds[i - 1], bounds[i]));
            expect(cube.snapshot()).toEqual(whole);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('keeps no name, label or other free text in its rows or its state', async () => {
      const cube = await new InMemoryCube().apply(
        recorded(T, [
          h.groupConvened('pzk-1', 'PZK', '2019-01-01'),
          h.memberJoined('pzk-1', 'a', '2019-01-01', {
            fullName: 'Zofia Znacznikowa',
            institution: 'MOPS Znacznikowo',
          }),
          h.caseEnrolled('c-1', KARTUZY, '2019-02-01'),
          h.planAgreed('c-1', 1, '2019-02-10'),
          h.decisionProposed('d1', 'pzk-1', '2019-01-20'),
        ]),
      );
      const stored = JSON.stringify([...cube.rows.values(), ...cube.entities.values()]);
      for (const text of ['Znacznik', 'Kowalski', 'Plan pracy', 'Treść', 'PZK pzk-1'])
        expect(stored).not.toContain(text);
    });
  });
});
