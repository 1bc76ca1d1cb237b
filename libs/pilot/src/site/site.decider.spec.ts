import { given } from '@kooperacja/platform/testing';
import { siteDecider, type SiteCommand } from './site.decider';
import type { SiteEvent } from './site.events';

const period = { start: '2018-04-01', end: '2022-12-31' };
// Macroregion II: an urban-rural gmina (kind 3) in pomorskie (TERYT 22).
const teryt = '2205033';
const macroregionII = ['kujawsko-pomorskie', 'lubuskie', 'pomorskie', 'warmińsko-mazurskie', 'wielkopolskie'];

const registered: SiteEvent = { type: 'SiteRegistered', data: { teryt, voivodeship: 'pomorskie' } };
const coaching: SiteEvent = {
  type: 'CoachingSessionHeld',
  data: { heldOn: '2019-11-05', kind: 'group', hours: 3, socialWorkers: 8 },
};
const report: SiteEvent = {
  type: 'PilotOutcomeReported',
  data: {
    reportedOn: '2020-12-15',
    periodStart: '2019-10-01',
    periodEnd: '2020-11-30',
    familiesEnrolled: 12,
    plansCompleted: 10,
    successes: 8,
    source: 'Raport z pilotażu, tab. 3',
  },
};
const site = [registered, coaching];

const on = (occurredAt: string, extra: object = {}) => ({
  teryt,
  occurredAt,
  period,
  tenantVoivodeships: macroregionII,
  ...extra,
});

describe('RecordCoachingSession', () => {
  const coach = (over: object = {}): SiteCommand => ({
    type: 'RecordCoachingSession',
    data: { ...on('2019-11-05'), kind: 'group', hours: 3, socialWorkers: 8, ...over },
  });

  it("registers the site with its voivodeship together with the site's first fact", () => {
    given(siteDecider).when(coach()).then([registered, coaching]);
  });

  it('records later sessions alone', () => {
    given(siteDecider, site)
      .when(coach({ occurredAt: '2019-12-03', kind: 'individual', hours: 1.5, socialWorkers: 1 }))
      .then([
        {
          type: 'CoachingSessionHeld',
          data: { heldOn: '2019-12-03', kind: 'individual', hours: 1.5, socialWorkers: 1 },
        },
      ]);
  });

  it('refuses a TERYT code of no gmina or powiat', () => {
    given(siteDecider)
      .when(coach({ teryt: '22050' }))
      .thenThrows('teryt.invalid', 'teryt');
  });

  it("refuses a site outside the tenant's partnership", () => {
    given(siteDecider)
      .when(coach({ teryt: '2404011' }))
      .thenThrows('teryt.outside-partnership', 'teryt');
  });

  it('refuses a tenant editor a new site outside their voivodeships', () => {
    given(siteDecider)
      .when(coach({ allowedVoivodeships: ['kujawsko-pomorskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses a tenant editor a registered site outside their voivodeships', () => {
    given(siteDecider, site)
      .when(coach({ allowedVoivodeships: ['lubuskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it("refuses a command for another site than the log's", () => {
    given(siteDecider, site)
      .when(coach({ teryt: '2205011' }))
      .thenThrows('site.teryt-mismatch', 'teryt');
  });

  it('refuses a date that is not a date', () => {
    given(siteDecider)
      .when(coach({ occurredAt: '5.11.2019' }))
      .thenThrows('date.invalid', 'occurredAt');
  });

  it('refuses a session outside the project period', () => {
    given(siteDecider)
      .when(coach({ occurredAt: '2023-01-10' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a kind of coaching outside the catalogue', () => {
    given(siteDecider)
      .when(coach({ kind: 'mentoring' }))
      .thenThrows('coaching.kind-unknown', 'kind');
  });

  it('refuses individual coaching of more than one social worker', () => {
    given(siteDecider)
      .when(coach({ kind: 'individual', socialWorkers: 2 }))
      .thenThrows('coaching.participants-invalid', 'socialWorkers');
  });

  it('refuses group coaching of a single social worker', () => {
    given(siteDecider)
      .when(coach({ socialWorkers: 1 }))
      .thenThrows('coaching.participants-invalid', 'socialWorkers');
  });

  it.each([0, 25, 0.333])('refuses %p hours', (hours) => {
    given(siteDecider).when(coach({ hours })).thenThrows('session.hours-invalid', 'hours');
  });
});

describe('RecordSupervisionSession', () => {
  const caseTeamId = '3f0c8f6e-2a47-4d4c-9f53-5f1b2f7d9a10';
  const supervise = (over: object = {}): SiteCommand => ({
    type: 'RecordSupervisionSession',
    data: { ...on('2020-01-14'), caseTeamId, hours: 2, participants: 6, ...over },
  });

  it('records the supervision of a case team', () => {
    given(siteDecider, site)
      .when(supervise())
      .then([
        { type: 'SupervisionSessionHeld', data: { heldOn: '2020-01-14', caseTeamId, hours: 2, participants: 6 } },
      ]);
  });

  it('accepts a case-team code and lower-cases a uuid', () => {
    given(siteDecider, site)
      .when(supervise({ caseTeamId: caseTeamId.toUpperCase() }))
      .then([
        { type: 'SupervisionSessionHeld', data: { heldOn: '2020-01-14', caseTeamId, hours: 2, participants: 6 } },
      ]);
  });

  it('refuses a case team named after a person', () => {
    given(siteDecider, site)
      .when(supervise({ caseTeamId: 'Zespół Kowalskich' }))
      .thenThrows('case-team.id-looks-like-name', 'caseTeamId');
  });

  it.each([0, 51])('refuses %p participants', (participants) => {
    given(siteDecider, site)
      .when(supervise({ participants }))
      .thenThrows('session.participants-invalid', 'participants');
  });

  it('refuses more than a day of hours', () => {
    given(siteDecider, site)
      .when(supervise({ hours: 30 }))
      .thenThrows('session.hours-invalid', 'hours');
  });

  it('refuses a session outside the project period', () => {
    given(siteDecider, site)
      .when(supervise({ occurredAt: '2018-03-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(siteDecider, site)
      .when(supervise({ allowedVoivodeships: ['wielkopolskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('RecordTraining', () => {
  const train = (over: object = {}): SiteCommand => ({
    type: 'RecordTraining',
    data: { ...on('2019-06-12'), topic: 'case-team-work', hours: 16, participants: 24, ...over },
  });

  it('records a two-day training', () => {
    given(siteDecider, site)
      .when(train())
      .then([
        { type: 'TrainingHeld', data: { heldOn: '2019-06-12', topic: 'case-team-work', hours: 16, participants: 24 } },
      ]);
  });

  it('refuses a topic outside the catalogue', () => {
    given(siteDecider, site)
      .when(train({ topic: 'team building' }))
      .thenThrows('training.topic-unknown', 'topic');
  });

  it('refuses more than 200 hours', () => {
    given(siteDecider, site)
      .when(train({ hours: 240 }))
      .thenThrows('session.hours-invalid', 'hours');
  });

  it.each([0, 201, 2.5])('refuses %p participants', (participants) => {
    given(siteDecider, site).when(train({ participants })).thenThrows('session.participants-invalid', 'participants');
  });

  it('refuses a training outside the project period', () => {
    given(siteDecider, site)
      .when(train({ occurredAt: '2023-06-12' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(siteDecider, site)
      .when(train({ allowedVoivodeships: [] }))
      .thenThrows('voivodeship.forbidden');
  });
});

describe('ReportPilotOutcome', () => {
  const reportOutcome = (over: object = {}): SiteCommand => ({
    type: 'ReportPilotOutcome',
    data: {
      ...on('2020-12-15'),
      periodStart: '2019-10-01',
      periodEnd: '2020-11-30',
      familiesEnrolled: 12,
      plansCompleted: 10,
      successes: 8,
      source: '  Raport z pilotażu, tab. 3 ',
      ...over,
    },
  });

  it("records the period's figures and their source", () => {
    given(siteDecider, site).when(reportOutcome()).then([report]);
  });

  it('registers the site when the report is its first fact', () => {
    given(siteDecider).when(reportOutcome()).then([registered, report]);
  });

  it('records a restatement with other figures', () => {
    given(siteDecider, [...site, report])
      .when(reportOutcome({ occurredAt: '2021-02-01', successes: 9 }))
      .then([{ type: 'PilotOutcomeReported', data: { ...report.data, reportedOn: '2021-02-01', successes: 9 } }]);
  });

  it('records nothing when the same figures from the same source are reported again', () => {
    given(siteDecider, [...site, report])
      .when(reportOutcome({ occurredAt: '2021-02-01' }))
      .then([]);
  });

  it('refuses a period that ends before it starts', () => {
    given(siteDecider, site)
      .when(reportOutcome({ periodStart: '2020-12-01' }))
      .thenThrows('report.period-invalid', 'periodEnd');
  });

  it('refuses a period start that is not a date', () => {
    given(siteDecider, site)
      .when(reportOutcome({ periodStart: '2019-10' }))
      .thenThrows('date.invalid', 'periodStart');
  });

  it('refuses a period reaching outside the project period', () => {
    given(siteDecider, site)
      .when(reportOutcome({ periodStart: '2018-01-01' }))
      .thenThrows('fact.outside-project-period', 'periodStart');
  });

  it('refuses a report dated before the period ends', () => {
    given(siteDecider, site)
      .when(reportOutcome({ occurredAt: '2020-11-29' }))
      .thenThrows('report.before-period-end', 'occurredAt');
  });

  it('refuses a report dated after the project period', () => {
    given(siteDecider, site)
      .when(reportOutcome({ occurredAt: '2023-03-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it.each([
    ['familiesEnrolled', -1],
    ['plansCompleted', 2.5],
    ['successes', '8'],
  ])('refuses %s of %p', (field, value) => {
    given(siteDecider, site)
      .when(reportOutcome({ [field]: value }))
      .thenThrows('report.count-invalid', field);
  });

  it('refuses more successes than plans completed', () => {
    given(siteDecider, site)
      .when(reportOutcome({ successes: 11 }))
      .thenThrows('report.successes-exceed-completed', 'successes');
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses a source of %p', (source) => {
    given(siteDecider, site).when(reportOutcome({ source })).thenThrows('report.source-invalid', 'source');
  });

  it('refuses a tenant editor of another voivodeship', () => {
    given(siteDecider, site)
      .when(reportOutcome({ allowedVoivodeships: ['warmińsko-mazurskie'] }))
      .thenThrows('voivodeship.forbidden');
  });
});
