import { fold } from '@kooperacja/platform';
import { given } from '@kooperacja/platform/testing';
import { pln } from '../contracts/money';
import { currentIndicatorTargets, currentPartners, type Partner } from '../contracts/project.view';
import { projectDecider, type ProjectCommand } from './project.decider';
import type { ProjectEvent } from './project.events';

const torun: Partner = {
  partnerId: 'rops-torun',
  name: 'Regionalny Ośrodek Polityki Społecznej w Toruniu',
  kind: 'ROPS',
  voivodeships: ['kujawsko-pomorskie'],
};
const gdansk: Partner = {
  partnerId: 'rops-gdansk',
  name: 'Regionalny Ośrodek Polityki Społecznej w Gdańsku',
  kind: 'ROPS',
  voivodeships: ['pomorskie'],
};
const umk: Partner = {
  partnerId: 'umk',
  name: 'Uniwersytet Mikołaja Kopernika w Toruniu',
  kind: 'university',
  voivodeships: ['kujawsko-pomorskie'],
};
const szczecin: Partner = {
  partnerId: 'rops-szczecin',
  name: 'Regionalny Ośrodek Polityki Społecznej w Szczecinie',
  kind: 'ROPS',
  voivodeships: ['zachodniopomorskie'],
};

const seed002Budget = { total: pln('11 977 479,39'), euShare: pln('10 094 619,62') };

const established: ProjectEvent = {
  type: 'PartnershipEstablished',
  data: {
    projectTitle: 'Kooperacja – efektywna i skuteczna',
    leadPartnerId: 'rops-torun',
    partners: [torun, gdansk, umk],
    plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
    budget: seed002Budget,
    establishedOn: '2018-03-20',
    source: 'seed 002',
  },
};

type Data<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>['data'];

const establish = (over: Partial<Data<'EstablishPartnership'>> = {}): ProjectCommand => ({
  type: 'EstablishPartnership',
  data: {
    projectTitle: 'Kooperacja – efektywna i skuteczna',
    leadPartnerId: 'rops-torun',
    partners: [torun, gdansk, umk],
    plannedPeriod: { start: '2018-04-01', end: '2021-03-31' },
    budget: seed002Budget,
    source: 'seed 002',
    occurredAt: '2018-03-20',
    ...over,
  },
});
const join = (over: Partial<Data<'JoinPartnership'>> = {}): ProjectCommand => ({
  type: 'JoinPartnership',
  data: { partner: szczecin, occurredAt: '2018-06-01', ...over },
});
const leave = (over: Partial<Data<'LeavePartnership'>> = {}): ProjectCommand => ({
  type: 'LeavePartnership',
  data: { partnerId: 'rops-gdansk', reason: 'uchwała Zarządu Województwa', occurredAt: '2019-01-15', ...over },
});
const amendBudget = (over: Partial<Data<'AmendBudget'>> = {}): ProjectCommand => ({
  type: 'AmendBudget',
  data: {
    budget: { total: pln('31 604 368,34'), targetedGrant: pln('4 868 206,71') },
    source: 'seed 000',
    occurredAt: '2020-09-30',
    ...over,
  },
});
const amendSchedule = (over: Partial<Data<'AmendSchedule'>> = {}): ProjectCommand => ({
  type: 'AmendSchedule',
  data: { period: { start: '2018-04-01', end: '2022-12-31' }, source: 'aneks nr 5', occurredAt: '2021-02-15', ...over },
});
const setTarget = (over: Partial<Data<'SetIndicatorTarget'>> = {}): ProjectCommand => ({
  type: 'SetIndicatorTarget',
  data: { indicator: 'jst-in-pilot', value: 50, unit: 'jst', source: 'seed 000', occurredAt: '2018-04-01', ...over },
});
const completeMilestone = (over: Partial<Data<'CompleteMilestone'>> = {}): ProjectCommand => ({
  type: 'CompleteMilestone',
  data: { milestone: 1, source: 'protokół odbioru KM I', occurredAt: '2019-03-29', ...over },
});
const approveModel = (over: Partial<Data<'ApproveModelVersion'>> = {}): ProjectCommand => ({
  type: 'ApproveModelVersion',
  data: {
    version: '1.0',
    approvedBy: 'Komitet Sterujący',
    ministryOpinion: 'with-remarks',
    occurredAt: '2019-03-15',
    ...over,
  },
});

const szczecinJoined: ProjectEvent = {
  type: 'PartnerJoined',
  data: { partner: szczecin, joinedOn: '2018-06-01', source: null },
};
const gdanskLeft: ProjectEvent = {
  type: 'PartnerLeft',
  data: { partnerId: 'rops-gdansk', leftOn: '2019-01-15', reason: 'uchwała Zarządu Województwa', source: null },
};
const extended: ProjectEvent = {
  type: 'ScheduleAmended',
  data: { period: { start: '2018-04-01', end: '2022-12-31' }, amendedOn: '2021-02-15', source: 'aneks nr 5' },
};
const milestoneI: ProjectEvent = {
  type: 'MilestoneCompleted',
  data: { milestone: 1, completedOn: '2019-03-29', source: 'protokół odbioru KM I' },
};

const project = (events: ProjectEvent[]) => fold(projectDecider, events).project!;

describe('establishing the partnership', () => {
  it('records the partnership with its partners, planned period and budget', () => {
    given(projectDecider).when(establish()).then([established]);
  });

  it('shows the lead and partners, the plan as planned and as current', () => {
    const p = project([established]);
    expect(currentPartners(p).map((x) => x.partnerId)).toEqual(['rops-torun', 'rops-gdansk', 'umk']);
    expect(p.schedule).toEqual({
      planned: { start: '2018-04-01', end: '2021-03-31' },
      current: { start: '2018-04-01', end: '2021-03-31' },
      amendments: [],
    });
    expect(p.budget.current.total).toEqual({ grosze: '1197747939', currency: 'PLN' });
  });

  it('refuses a second partnership', () => {
    given(projectDecider, [established]).when(establish()).thenThrows('project.already-established');
  });

  it('refuses a missing title', () => {
    given(projectDecider)
      .when(establish({ projectTitle: ' ' }))
      .thenThrows('project.title-required', 'projectTitle');
  });

  it('refuses a partnership without partners', () => {
    given(projectDecider)
      .when(establish({ partners: [] }))
      .thenThrows('partner.list-empty', 'partners');
  });

  it.each([
    ['id', { partnerId: 'ROPS Gdańsk' }, 'partner.id-invalid', 'partners[1].partnerId'],
    ['name', { name: '' }, 'partner.name-required', 'partners[1].name'],
    ['kind', { kind: 'OPS' }, 'partner.kind-invalid', 'partners[1].kind'],
    ['voivodeships (none)', { voivodeships: [] }, 'partner.voivodeships-invalid', 'partners[1].voivodeships'],
    [
      'voivodeships (unknown)',
      { voivodeships: ['Pomorskie'] },
      'partner.voivodeships-invalid',
      'partners[1].voivodeships',
    ],
  ])('refuses a partner with a bad %s', (_, bad, code, field) => {
    given(projectDecider)
      .when(establish({ partners: [torun, { ...gdansk, ...bad } as Partner] }))
      .thenThrows(code, field);
  });

  it('refuses a partner listed twice', () => {
    given(projectDecider)
      .when(establish({ partners: [torun, gdansk, gdansk] }))
      .thenThrows('partner.duplicate', 'partners[2].partnerId');
  });

  it('refuses a lead that is not among the partners', () => {
    given(projectDecider)
      .when(establish({ leadPartnerId: 'rops-szczecin' }))
      .thenThrows('project.lead-not-partner', 'leadPartnerId');
  });

  it('refuses a planned period that ends before it starts', () => {
    given(projectDecider)
      .when(establish({ plannedPeriod: { start: '2021-03-31', end: '2018-04-01' } }))
      .thenThrows('schedule.start-after-end', 'plannedPeriod.end');
  });

  it('refuses a planned period with a date that is not a date', () => {
    given(projectDecider)
      .when(establish({ plannedPeriod: { start: '01.04.2018', end: '2021-03-31' } }))
      .thenThrows('fact.date-invalid', 'plannedPeriod.start');
  });

  it('refuses an amount that is not integer grosze in a string', () => {
    given(projectDecider)
      .when(establish({ budget: { total: { grosze: 11977479.39, currency: 'PLN' } as never } }))
      .thenThrows('money.amount-invalid', 'budget.total');
  });

  it('refuses an empty budget', () => {
    given(projectDecider)
      .when(establish({ budget: {} }))
      .thenThrows('budget.empty', 'budget');
  });

  it('refuses an EU share larger than the total', () => {
    given(projectDecider)
      .when(establish({ budget: { total: pln('100'), euShare: pln('100,01') } }))
      .thenThrows('budget.eu-share-exceeds-total', 'budget.euShare');
  });

  it('refuses a business time that is not a date', () => {
    given(projectDecider)
      .when(establish({ occurredAt: '2018-13-01' }))
      .thenThrows('fact.date-invalid', 'occurredAt');
  });
});

describe('a partner joining', () => {
  it('records the partner', () => {
    given(projectDecider, [established]).when(join()).then([szczecinJoined]);
  });

  it('lets a partner that left join again, keeping both stays', () => {
    const rejoined: ProjectEvent = {
      type: 'PartnerJoined',
      data: { partner: gdansk, joinedOn: '2019-06-01', source: null },
    };
    given(projectDecider, [established, gdanskLeft])
      .when(join({ partner: gdansk, occurredAt: '2019-06-01' }))
      .then([rejoined]);
    expect(
      project([established, gdanskLeft, rejoined]).memberships.filter((m) => m.partner.partnerId === 'rops-gdansk'),
    ).toEqual([
      { partner: gdansk, joinedOn: '2018-03-20', leftOn: '2019-01-15', leftReason: 'uchwała Zarządu Województwa' },
      { partner: gdansk, joinedOn: '2019-06-01', leftOn: null, leftReason: null },
    ]);
  });

  it('refuses a partner already in', () => {
    given(projectDecider, [established])
      .when(join({ partner: gdansk }))
      .thenThrows('partner.already-in', 'partner.partnerId');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(join()).thenThrows('project.not-established');
  });

  it('refuses a joining dated outside the project period', () => {
    given(projectDecider, [established])
      .when(join({ occurredAt: '2021-04-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a malformed partner', () => {
    given(projectDecider, [established])
      .when(join({ partner: { ...szczecin, kind: 'NGO' as never } }))
      .thenThrows('partner.kind-invalid', 'partner.kind');
  });
});

describe('a partner leaving', () => {
  it('records the departure and its reason', () => {
    given(projectDecider, [established]).when(leave()).then([gdanskLeft]);
    expect(currentPartners(project([established, gdanskLeft])).map((p) => p.partnerId)).toEqual(['rops-torun', 'umk']);
  });

  it('refuses the lead partner', () => {
    given(projectDecider, [established])
      .when(leave({ partnerId: 'rops-torun' }))
      .thenThrows('partner.lead-cannot-leave', 'partnerId');
  });

  it('refuses a partner that is not in', () => {
    given(projectDecider, [established])
      .when(leave({ partnerId: 'rops-szczecin' }))
      .thenThrows('partner.not-in', 'partnerId');
    given(projectDecider, [established, gdanskLeft]).when(leave()).thenThrows('partner.not-in', 'partnerId');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(leave()).thenThrows('project.not-established');
  });

  it('refuses a departure dated outside the project period', () => {
    given(projectDecider, [established])
      .when(leave({ occurredAt: '2018-03-31' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('amending the budget', () => {
  it('records the amendment with its source', () => {
    given(projectDecider, [established])
      .when(amendBudget())
      .then([
        {
          type: 'BudgetAmended',
          data: {
            budget: { total: pln('31 604 368,34'), targetedGrant: pln('4 868 206,71') },
            amendedOn: '2020-09-30',
            source: 'seed 000',
          },
        },
      ]);
  });

  it('changes only the lines amended and keeps the plan and every amendment', () => {
    const events = [established, ...given(projectDecider, [established]).when(amendBudget()).events()];
    const p = project(events);
    expect(p.budget.planned).toEqual(seed002Budget);
    expect(p.budget.current).toEqual({
      total: pln('31 604 368,34'),
      euShare: pln('10 094 619,62'),
      targetedGrant: pln('4 868 206,71'),
    });
    expect(p.budget.amendments).toEqual([
      {
        budget: { total: pln('31 604 368,34'), targetedGrant: pln('4 868 206,71') },
        amendedOn: '2020-09-30',
        source: 'seed 000',
      },
    ]);
  });

  it('refuses an amendment without a source', () => {
    given(projectDecider, [established])
      .when(amendBudget({ source: '' }))
      .thenThrows('source.required', 'source');
  });

  it('refuses a total below the EU share in force', () => {
    const error = (() => {
      try {
        given(projectDecider, [established])
          .when(amendBudget({ budget: { total: pln('10 000 000') } }))
          .events();
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ kind: 'conflict', code: 'budget.eu-share-exceeds-total', field: 'budget.euShare' });
  });

  it('refuses an amendment that changes nothing', () => {
    given(projectDecider, [established])
      .when(amendBudget({ budget: {} }))
      .thenThrows('budget.empty', 'budget');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(amendBudget()).thenThrows('project.not-established');
  });

  it('refuses an amendment dated outside the project period', () => {
    given(projectDecider, [established])
      .when(amendBudget({ occurredAt: '2021-06-30' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('amending the schedule', () => {
  it('records the new period with its source', () => {
    given(projectDecider, [established]).when(amendSchedule()).then([extended]);
  });

  it('keeps the planned period and every amendment, and moves the current one', () => {
    const later: ProjectEvent = {
      type: 'ScheduleAmended',
      data: { period: { start: '2018-04-01', end: '2023-11-30' }, amendedOn: '2022-11-30', source: 'aneks nr 9' },
    };
    const p = project([established, extended, later]);
    expect(p.schedule).toEqual({
      planned: { start: '2018-04-01', end: '2021-03-31' },
      current: { start: '2018-04-01', end: '2023-11-30' },
      amendments: [extended.data, later.data],
    });
  });

  it('accepts facts in the extension once the schedule is amended', () => {
    given(projectDecider, [established])
      .when(completeMilestone({ milestone: 4, occurredAt: '2022-06-30' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
    given(projectDecider, [established, extended])
      .when(completeMilestone({ milestone: 4, occurredAt: '2022-06-30' }))
      .then([
        {
          type: 'MilestoneCompleted',
          data: { milestone: 4, completedOn: '2022-06-30', source: 'protokół odbioru KM I' },
        },
      ]);
  });

  it('refuses a period that ends before it starts', () => {
    given(projectDecider, [established])
      .when(amendSchedule({ period: { start: '2018-04-01', end: '2018-03-31' } }))
      .thenThrows('schedule.start-after-end', 'period.end');
  });

  it('refuses an amendment without a source', () => {
    given(projectDecider, [established])
      .when(amendSchedule({ source: undefined as never }))
      .thenThrows('source.required', 'source');
  });

  it('refuses an amendment dated outside the current period', () => {
    given(projectDecider, [established])
      .when(amendSchedule({ occurredAt: '2021-05-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(amendSchedule()).thenThrows('project.not-established');
  });
});

describe('setting an indicator target', () => {
  it('records the target in the unit of the catalogue', () => {
    given(projectDecider, [established])
      .when(setTarget())
      .then([
        {
          type: 'IndicatorTargetSet',
          data: { indicator: 'jst-in-pilot', value: 50, unit: 'jst', setOn: '2018-04-01', source: 'seed 000' },
        },
      ]);
  });

  it('puts the latest target in force and keeps the earlier ones', () => {
    const first: ProjectEvent = {
      type: 'IndicatorTargetSet',
      data: {
        indicator: 'covid-support-entities',
        value: 600,
        unit: 'entities',
        setOn: '2020-06-01',
        source: 'aneks nr 3',
      },
    };
    const second: ProjectEvent = {
      type: 'IndicatorTargetSet',
      data: {
        indicator: 'covid-support-entities',
        value: 830,
        unit: 'entities',
        setOn: '2020-10-01',
        source: 'seed 000',
      },
    };
    const p = project([established, first, second]);
    expect(currentIndicatorTargets(p)['covid-support-entities']?.value).toBe(830);
    expect(p.indicatorTargets.map((t) => t.value)).toEqual([600, 830]);
  });

  it('refuses an indicator outside the catalogue', () => {
    given(projectDecider, [established])
      .when(setTarget({ indicator: 'happy-families' as never }))
      .thenThrows('indicator.unknown', 'indicator');
  });

  it('refuses a unit the indicator is not counted in', () => {
    given(projectDecider, [established])
      .when(setTarget({ unit: 'entities' }))
      .thenThrows('indicator.unit-mismatch', 'unit');
  });

  it.each([-1, 2.5, '50'])('refuses the value %p', (value) => {
    given(projectDecider, [established])
      .when(setTarget({ value: value as number }))
      .thenThrows('indicator.value-invalid', 'value');
  });

  it('refuses a target without a source', () => {
    given(projectDecider, [established])
      .when(setTarget({ source: ' ' }))
      .thenThrows('source.required', 'source');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(setTarget()).thenThrows('project.not-established');
  });

  it('refuses a target dated outside the project period', () => {
    given(projectDecider, [established])
      .when(setTarget({ occurredAt: '2017-12-31' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('completing a milestone', () => {
  it('records the milestone and its date', () => {
    given(projectDecider, [established]).when(completeMilestone()).then([milestoneI]);
  });

  it.each([0, 2.5, 'III'])('refuses the milestone %p (milestones are numbered 1, 2, 3…)', (milestone) => {
    given(projectDecider, [established])
      .when(completeMilestone({ milestone: milestone as number }))
      .thenThrows('milestone.invalid', 'milestone');
  });

  it('refuses a milestone completed already', () => {
    given(projectDecider, [established, milestoneI])
      .when(completeMilestone({ occurredAt: '2019-04-30' }))
      .thenThrows('milestone.already-completed', 'milestone');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(completeMilestone()).thenThrows('project.not-established');
  });

  it('refuses a milestone dated outside the project period', () => {
    given(projectDecider, [established])
      .when(completeMilestone({ milestone: 3, occurredAt: '2021-06-30' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('approving a model version', () => {
  it('records who approved it and the ministry opinion', () => {
    given(projectDecider, [established])
      .when(approveModel())
      .then([
        {
          type: 'ModelVersionApproved',
          data: {
            version: '1.0',
            approvedBy: 'Komitet Sterujący',
            ministryOpinion: 'with-remarks',
            approvedOn: '2019-03-15',
            source: null,
          },
        },
      ]);
  });

  it('refuses a missing version or approving body', () => {
    given(projectDecider, [established])
      .when(approveModel({ version: '' }))
      .thenThrows('model-version.required', 'version');
    given(projectDecider, [established])
      .when(approveModel({ approvedBy: '' }))
      .thenThrows('model-version.approver-required', 'approvedBy');
  });

  it('refuses an opinion other than positive, negative or with-remarks', () => {
    given(projectDecider, [established])
      .when(approveModel({ ministryOpinion: 'pozytywna' as never }))
      .thenThrows('model-version.opinion-invalid', 'ministryOpinion');
  });

  it('refuses a version approved already', () => {
    const approved = given(projectDecider, [established]).when(approveModel()).events();
    given(projectDecider, [established, ...approved])
      .when(approveModel({ occurredAt: '2019-05-01' }))
      .thenThrows('model-version.already-approved', 'version');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(approveModel()).thenThrows('project.not-established');
  });

  it('refuses an approval dated outside the project period', () => {
    given(projectDecider, [established])
      .when(approveModel({ occurredAt: '2024-01-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('correcting a fact', () => {
  const eventId = '8a4c1d5e-0f4b-5a8e-9d7a-0c1b2a3d4e5f';
  const correct = (revision: number, type: string, over: Partial<Data<'CorrectFact'>> = {}): ProjectCommand => ({
    type: 'CorrectFact',
    data: {
      correctedEventId: eventId,
      reason: 'zła data w protokole',
      occurredAt: '2025-01-10',
      target: { revision, type },
      ...over,
    },
  });

  it('replaces the data of a wrong fact and keeps both in the stream', () => {
    const replacement = { milestone: 1, completedOn: '2019-03-31', source: 'protokół odbioru KM I' };
    const correction: ProjectEvent = {
      type: 'FactCorrected',
      data: {
        correctedEventId: eventId,
        correctedRevision: 1,
        correctedType: 'MilestoneCompleted',
        reason: 'zła data w protokole',
        replacement,
        correctedOn: '2025-01-10',
      },
    };
    given(projectDecider, [established, milestoneI])
      .when(correct(1, 'MilestoneCompleted', { replacement }))
      .then([correction]);

    const state = fold(projectDecider, [established, milestoneI, correction]);
    expect(state.log).toHaveLength(3);
    expect(state.project!.milestones).toEqual([replacement]);
    expect(state.project!.corrections).toEqual([
      {
        correctedEventId: eventId,
        correctedType: 'MilestoneCompleted',
        voided: false,
        reason: 'zła data w protokole',
        correctedOn: '2025-01-10',
      },
    ]);
  });

  it('voids a fact that did not happen', () => {
    const [voided] = given(projectDecider, [established, szczecinJoined])
      .when(correct(1, 'PartnerJoined', { reason: 'wpis w złym projekcie' }))
      .events();
    expect(voided.data).toMatchObject({ replacement: null, correctedType: 'PartnerJoined' });
    expect(currentPartners(project([established, szczecinJoined, voided])).map((p) => p.partnerId)).not.toContain(
      'rops-szczecin',
    );
  });

  it('lets a later correction of the same fact supersede an earlier one', () => {
    const first = given(projectDecider, [established, milestoneI])
      .when(
        correct(1, 'MilestoneCompleted', { replacement: { milestone: 1, completedOn: '2019-03-30', source: null } }),
      )
      .events();
    const second = given(projectDecider, [established, milestoneI, ...first])
      .when(
        correct(1, 'MilestoneCompleted', { replacement: { milestone: 1, completedOn: '2019-03-31', source: null } }),
      )
      .events();
    expect(project([established, milestoneI, ...first, ...second]).milestones).toEqual([
      { milestone: 1, completedOn: '2019-03-31', source: null },
    ]);
  });

  it('moves the current period when a schedule amendment is corrected', () => {
    const [fixed] = given(projectDecider, [established, extended])
      .when(
        correct(1, 'ScheduleAmended', {
          replacement: { ...extended.data, period: { start: '2018-04-01', end: '2023-11-30' } },
        }),
      )
      .events();
    expect(project([established, extended, fixed]).schedule.current).toEqual({
      start: '2018-04-01',
      end: '2023-11-30',
    });
  });

  it('refuses a correction without a reason', () => {
    given(projectDecider, [established, milestoneI])
      .when(correct(1, 'MilestoneCompleted', { reason: '' }))
      .thenThrows('correction.reason-required', 'reason');
  });

  it('refuses an event that is not in the stream', () => {
    given(projectDecider, [established])
      .when(correct(5, 'MilestoneCompleted'))
      .thenThrows('correction.event-not-found');
    given(projectDecider, [established, milestoneI])
      .when(correct(1, 'PartnerJoined'))
      .thenThrows('correction.event-not-found');
  });

  it('refuses to correct a correction', () => {
    const voided = given(projectDecider, [established, szczecinJoined]).when(correct(1, 'PartnerJoined')).events();
    given(projectDecider, [established, szczecinJoined, ...voided])
      .when(correct(2, 'FactCorrected'))
      .thenThrows('correction.not-correctable', 'correctedEventId');
  });

  it('refuses to void the partnership itself', () => {
    given(projectDecider, [established])
      .when(correct(0, 'PartnershipEstablished'))
      .thenThrows('correction.cannot-void-establishment', 'replacement');
  });

  it('refuses a malformed replacement, naming its field', () => {
    given(projectDecider, [established, milestoneI])
      .when(
        correct(1, 'MilestoneCompleted', {
          replacement: { milestone: 'I', completedOn: '2019-03-31', source: null } as never,
        }),
      )
      .thenThrows('milestone.invalid', 'replacement.milestone');
  });

  it('refuses a replacement dated outside the project period', () => {
    given(projectDecider, [established, milestoneI])
      .when(
        correct(1, 'MilestoneCompleted', { replacement: { milestone: 1, completedOn: '2021-04-01', source: null } }),
      )
      .thenThrows('fact.outside-project-period', 'replacement.completedOn');
  });

  it('refuses a replacement that breaks a rule of its own', () => {
    given(projectDecider, [established, gdanskLeft])
      .when(correct(1, 'PartnerLeft', { replacement: { ...gdanskLeft.data, partnerId: 'rops-torun' } }))
      .thenThrows('partner.lead-cannot-leave', 'replacement.partnerId');
  });

  it('refuses a correction that would make a later fact wrong', () => {
    const szczecinLeft: ProjectEvent = {
      type: 'PartnerLeft',
      data: { partnerId: 'rops-szczecin', leftOn: '2019-02-01', reason: null, source: null },
    };
    given(projectDecider, [established, szczecinJoined, szczecinLeft])
      .when(correct(1, 'PartnerJoined'))
      .thenThrows('correction.contradicts-later-fact', 'correctedEventId');

    const milestoneIV: ProjectEvent = {
      type: 'MilestoneCompleted',
      data: { milestone: 4, completedOn: '2022-06-30', source: null },
    };
    given(projectDecider, [established, extended, milestoneIV])
      .when(correct(1, 'ScheduleAmended'))
      .thenThrows('correction.contradicts-later-fact', 'correctedEventId');
  });

  it('refuses before the partnership is established', () => {
    given(projectDecider).when(correct(0, 'PartnershipEstablished')).thenThrows('project.not-established');
  });
});

describe("a tenant-editor's voivodeships", () => {
  // Macroregion II's editor for pomorskie: `allowedVoivodeships` comes from its token.
  const pomorskie = { allowedVoivodeships: ['pomorskie'] };

  it('lets it record a partner of its voivodeships joining, whatever the case of the names', () => {
    const gdanskAgain = { ...gdansk, partnerId: 'rops-gdansk-2' };
    given(projectDecider, [established])
      .when(join({ partner: gdanskAgain, allowedVoivodeships: ['Pomorskie'] }))
      .then([{ type: 'PartnerJoined', data: { partner: gdanskAgain, joinedOn: '2018-06-01', source: null } }]);
  });

  it('refuses a partner joining from a voivodeship outside its token', () => {
    given(projectDecider, [established])
      .when(join(pomorskie))
      .thenThrows('voivodeship.forbidden', 'partner.voivodeships');
  });

  it('refuses a partner leaving when the partner works outside its token', () => {
    given(projectDecider, [established])
      .when(leave({ partnerId: 'umk', ...pomorskie }))
      .thenThrows('voivodeship.forbidden', 'partnerId');
    given(projectDecider, [established]).when(leave(pomorskie)).then([gdanskLeft]);
  });

  it('refuses a partnership with a partner outside its token, naming the partner', () => {
    given(projectDecider)
      .when(establish({ allowedVoivodeships: ['kujawsko-pomorskie'] }))
      .thenThrows('voivodeship.forbidden', 'partners[1].voivodeships');
  });

  it('leaves facts of the whole project, which name no voivodeship, to any editor', () => {
    given(projectDecider, [established])
      .when(completeMilestone({ allowedVoivodeships: [] }))
      .then([milestoneI]);
  });

  it('answers an unknown partner with the state rule, not the scope', () => {
    given(projectDecider, [established])
      .when(leave({ partnerId: 'rops-poznan', ...pomorskie }))
      .thenThrows('partner.not-in', 'partnerId');
  });
});
