import { METRIC } from '../comparison-metrics/metrics';
import { evaluate, round, type QuarterSum } from './comparison.maths';
import { INDICATOR_DEFINITIONS, metricsRead } from './indicators';

const row = (
  tenantId: string,
  quarter: string,
  metric: string,
  dimension: string,
  count: number,
  value = 0,
): QuarterSum => ({
  tenantId,
  metric,
  dimension,
  quarter,
  count,
  value,
});

const only = (...codes: string[]) => INDICATOR_DEFINITIONS.filter((d) => codes.includes(d.code));
const cell = (result: ReturnType<typeof evaluate>, code: string, tenantId: string) =>
  result.cells.get(code)!.find((c) => c.tenantId === tenantId)!;

describe('the comparison’s maths', () => {
  const sums: QuarterSum[] = [
    row('mr1', '2018-Q2', METRIC.target, 'plans-completed', 0, 172),
    row('mr1', '2018-Q2', METRIC.target, 'jst-in-pilot', 0, 50),
    row('mr1', '2019-Q1', METRIC.jstInPilot, 'gmina', 20),
    row('mr1', '2019-Q3', METRIC.jstInPilot, 'gmina', 10),
    row('mr1', '2019-Q4', METRIC.plansCompleted, 'success', 100),
    row('mr1', '2019-Q4', METRIC.plansCompleted, 'failure', 20),
    row('mr1', '2020-Q1', METRIC.plansCompleted, 'success', 40),
    row('mr1', '2020-Q1', METRIC.plansCompleted, 'partial', 12),
    row('mr2', '2019-Q2', METRIC.jstInPilot, 'gmina', 25),
    row('mr2', '2019-Q2', METRIC.jstInPilot, 'powiat', 15),
    row('mr2', '2019-Q4', METRIC.jstInPilot, 'gmina', -1),
  ];

  it('sets each actual against its target, in percent to one decimal', () => {
    const result = evaluate(only('jst-in-pilot', 'plans-completed', 'plan-success-rate'), sums, ['mr1', 'mr2'], null);
    expect(cell(result, 'jst-in-pilot', 'mr1')).toEqual({ tenantId: 'mr1', target: 50, actual: 30, percent: 60 });
    expect(cell(result, 'jst-in-pilot', 'mr2')).toEqual({ tenantId: 'mr2', target: null, actual: 39, percent: null });
    expect(cell(result, 'plans-completed', 'mr1')).toEqual({ tenantId: 'mr1', target: 172, actual: 172, percent: 100 });
    // 140 of 172 plans completed with success (macroregion I's own report).
    expect(cell(result, 'plan-success-rate', 'mr1')).toEqual({
      tenantId: 'mr1',
      target: null,
      actual: 81.4,
      percent: null,
    });
    expect(cell(result, 'plan-success-rate', 'mr2').actual).toBeNull();
  });

  it('gives each quarter the indicator as it stood at the quarter’s end', () => {
    const result = evaluate(only('jst-in-pilot', 'plan-success-rate'), sums, ['mr1', 'mr2'], {
      from: '2019-Q1',
      to: '2020-Q1',
    });
    const series = (code: string, tenantId: string) =>
      result.series
        .filter((p) => p.code === code && p.tenantId === tenantId)
        .map((p) => [p.quarter, p.value, p.target]);
    expect(series('jst-in-pilot', 'mr1')).toEqual([
      ['2019-Q1', 20, 50],
      ['2019-Q2', 20, 50],
      ['2019-Q3', 30, 50],
      ['2019-Q4', 30, 50],
      ['2020-Q1', 30, 50],
    ]);
    expect(series('jst-in-pilot', 'mr2')).toEqual([
      ['2019-Q1', 0, null],
      ['2019-Q2', 40, null],
      ['2019-Q3', 40, null],
      ['2019-Q4', 39, null],
      ['2020-Q1', 39, null],
    ]);
    // No plan completed before 2019-Q4: no rate, so no point.
    expect(series('plan-success-rate', 'mr1')).toEqual([
      ['2019-Q4', 83.3, null],
      ['2020-Q1', 81.4, null],
    ]);
  });

  it('computes ratios from summed numerators and denominators', () => {
    const result = evaluate(
      only(
        'case-team-meetings-per-family',
        'coaching-hours-per-social-worker',
        'months-agreement-to-first-case-team-meeting',
        'money-per-jst',
        'money-per-family',
        'group-size-PGR',
        'group-size-PZK',
      ),
      [
        row('mr3', '2019-Q1', METRIC.casesEnrolled, '', 40, 130),
        row('mr3', '2019-Q2', METRIC.caseTeamMeetings, '', 150),
        row('mr3', '2019-Q1', METRIC.coachingWorkerHours, '', 0, 960),
        row('mr3', '2019-Q1', METRIC.socialWorkersCoached, '', 0, 48),
        row('mr3', '2019-Q2', METRIC.agreementToFirstMeeting, '', 3, 610),
        row('mr3', '2018-Q2', METRIC.budget, 'euShare', 0, 20761034.04),
        row('mr3', '2019-Q1', METRIC.jstInPilot, 'gmina', 30),
        row('mr3', '2019-Q1', METRIC.jstInPilot, 'powiat', 20),
        row('mr3', '2018-Q3', METRIC.groups, 'PGR', 4),
        row('mr3', '2018-Q3', METRIC.groupMembers, 'PGR', 30),
      ],
      ['mr3'],
      null,
    );
    expect(cell(result, 'case-team-meetings-per-family', 'mr3').actual).toBe(3.75);
    expect(cell(result, 'coaching-hours-per-social-worker', 'mr3').actual).toBe(20);
    // 610 days over 3 JST, in mean Gregorian months.
    expect(cell(result, 'months-agreement-to-first-case-team-meeting', 'mr3').actual).toBe(6.7);
    // Macroregion III states the EU share only: money is compared on it, and says so.
    expect(cell(result, 'money-per-jst', 'mr3')).toEqual({
      tenantId: 'mr3',
      target: null,
      actual: 415220.68,
      percent: null,
      basis: 'euShare',
    });
    expect(cell(result, 'money-per-family', 'mr3').actual).toBe(519025.85);
    // PGR norm "ok. 7" (seed 003): 7.5 members on average is 107.1 %.
    expect(cell(result, 'group-size-PGR', 'mr3')).toEqual({ tenantId: 'mr3', target: 7, actual: 7.5, percent: 107.1 });
    expect(cell(result, 'group-size-PZK', 'mr3')).toEqual({
      tenantId: 'mr3',
      target: null,
      actual: null,
      percent: null,
    });
  });

  it('reads only the metrics the asked indicators need', () => {
    expect(metricsRead(only('plan-success-rate'))).toEqual([METRIC.plansCompleted]);
    expect(metricsRead(only('money-per-family'))).toEqual([METRIC.budget, METRIC.casesEnrolled]);
    expect(metricsRead(only('jst-in-pilot'))).toEqual([METRIC.jstInPilot, METRIC.target]);
  });

  it('rounds half away from zero at the places asked', () => {
    expect([round(1.005, 2), round(81.3953, 1), round(-2.5, 0), round(0.049, 1)]).toEqual([1.01, 81.4, -3, 0]);
  });
});
