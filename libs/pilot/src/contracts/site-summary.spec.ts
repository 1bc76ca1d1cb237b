import type { SiteEvent } from '../site/site.events';
import { summariseSite } from './site-summary';

const history: SiteEvent[] = [
  { type: 'SiteRegistered', data: { teryt: '0612052', voivodeship: 'lubelskie' } },
  { type: 'CoachingSessionHeld', data: { heldOn: '2019-11-05', kind: 'group', hours: 3, socialWorkers: 8 } },
  { type: 'CoachingSessionHeld', data: { heldOn: '2019-12-03', kind: 'individual', hours: 1.5, socialWorkers: 1 } },
  { type: 'SupervisionSessionHeld', data: { heldOn: '2020-01-14', caseTeamId: 'zzk-01', hours: 2, participants: 6 } },
  { type: 'SupervisionSessionHeld', data: { heldOn: '2020-02-11', caseTeamId: 'zzk-01', hours: 2, participants: 5 } },
  { type: 'TrainingHeld', data: { heldOn: '2019-06-12', topic: 'case-team-work', hours: 16, participants: 24 } },
];
const report = (reportedOn: string, periodStart: string, successes: number): SiteEvent => ({
  type: 'PilotOutcomeReported',
  data: {
    reportedOn,
    periodStart,
    periodEnd: '2020-11-30',
    familiesEnrolled: 12,
    plansCompleted: 9,
    successes,
    source: 'Raport z pilotażu',
  },
});

describe('siteSummary', () => {
  it('is null for a site with nothing recorded', () => {
    expect(summariseSite([])).toBeNull();
  });

  it("sums the site's coaching, supervision and training", () => {
    expect(summariseSite(history)).toEqual({
      teryt: '0612052',
      voivodeship: 'lubelskie',
      coaching: { sessions: 2, individualSessions: 1, groupSessions: 1, hours: 4.5, workerHours: 25.5 },
      supervision: { sessions: 2, hours: 4, caseTeams: 1 },
      training: { sessions: 1, hours: 16, participantHours: 384 },
      outcomeReports: [],
    });
  });

  it('takes the latest report of each period and computes its success rate', () => {
    const summary = summariseSite([
      ...history,
      report('2020-12-15', '2019-10-01', 6),
      report('2020-12-20', '2020-06-01', 0),
      report('2021-02-01', '2019-10-01', 7),
    ]);
    expect(summary?.outcomeReports).toEqual([
      {
        periodStart: '2019-10-01',
        periodEnd: '2020-11-30',
        reportedOn: '2021-02-01',
        familiesEnrolled: 12,
        plansCompleted: 9,
        successes: 7,
        successRate: 0.778,
        reports: 2,
      },
      {
        periodStart: '2020-06-01',
        periodEnd: '2020-11-30',
        reportedOn: '2020-12-20',
        familiesEnrolled: 12,
        plansCompleted: 9,
        successes: 0,
        successRate: 0,
        reports: 1,
      },
    ]);
  });
});
