import { quarterRows } from './comparison-metrics.projection';
import {
  addDays,
  daysBetween,
  isCalendarDay,
  quarterEnd,
  quarterOf,
  quarterStart,
  quartersBetween,
  recordDayOf,
} from './days';
import { delta, DeltaSink, hundredthsToDecimal, span, steps } from './deltas';

describe('deltas of the metric cube', () => {
  it('sums deltas by metric, dimension, business day and record day, leaving out what cancels', () => {
    const sink = new DeltaSink();
    sink.add([delta('groups', 'PGR', '2019-01-10', 1), delta('groups', 'PGR', '2019-01-10', 1)], '2024-01-01');
    sink.add([delta('groups', 'PGR', '2019-01-10', 1)], '2024-01-02');
    sink.replace(
      [delta('meetings', 'PGD', '2019-02-01', 1, 100)],
      [delta('meetings', 'PGD', '2019-02-01', 1, 100)],
      '2024-01-02',
    );
    sink.replace(
      [delta('meetings', 'PGD', '2019-02-01', 1, 100)],
      [delta('meetings', 'PGD', '2019-02-03', 1, 200)],
      '2024-01-03',
    );
    expect(sink.result()).toEqual([
      { metric: 'groups', dimension: 'PGR', occurredOn: '2019-01-10', recordedOn: '2024-01-01', value: 0, count: 2 },
      { metric: 'groups', dimension: 'PGR', occurredOn: '2019-01-10', recordedOn: '2024-01-02', value: 0, count: 1 },
      {
        metric: 'meetings',
        dimension: 'PGD',
        occurredOn: '2019-02-01',
        recordedOn: '2024-01-03',
        value: -100,
        count: -1,
      },
      {
        metric: 'meetings',
        dimension: 'PGD',
        occurredOn: '2019-02-03',
        recordedOn: '2024-01-03',
        value: 200,
        count: 1,
      },
    ]);
  });

  it('sums the deltas by business and record quarter for the quarterly cube', () => {
    const row = (occurredOn: string, recordedOn: string, count: number) => ({
      metric: 'groups',
      dimension: 'PGR',
      occurredOn,
      recordedOn,
      value: 0,
      count,
    });
    expect(
      quarterRows([
        row('2019-07-01', '2024-01-02', 1),
        row('2019-09-30', '2024-03-31', 2),
        row('2019-10-01', '2024-01-02', 1),
        row('2019-10-05', '2024-01-02', -1),
      ]),
    ).toEqual([row('2019-07-01', '2024-01-01', 3)]);
  });

  it('writes hundredths as exact decimals', () => {
    expect([150, 5, -5, 0, 3489569240].map(hundredthsToDecimal)).toEqual([
      '1.50',
      '0.05',
      '-0.05',
      '0.00',
      '34895692.40',
    ]);
    expect(() => hundredthsToDecimal(1.5)).toThrow(RangeError);
  });

  it('turns a state over business time into +1 on its first day and −1 on the day after its last', () => {
    expect(span('groups', 'PGR', '2019-01-10', '2019-06-01')).toEqual([
      delta('groups', 'PGR', '2019-01-10', 1),
      delta('groups', 'PGR', '2019-06-01', -1),
    ]);
    expect(span('groups', 'PGR', '2019-01-10', null)).toEqual([delta('groups', 'PGR', '2019-01-10', 1)]);
    expect(span('groups', 'PGR', '2019-01-10', '2019-01-10')).toEqual([]);
  });

  it('turns a value set again into the differences from the value before', () => {
    expect(
      steps('target', 'jst-in-pilot', [
        { on: '2018-05-01', value: 5000 },
        { on: '2019-01-01', value: 4000 },
        { on: '2019-02-01', value: 4000 },
      ]),
    ).toEqual([
      delta('target', 'jst-in-pilot', '2018-05-01', 0, 5000),
      delta('target', 'jst-in-pilot', '2019-01-01', 0, -1000),
    ]);
  });
});

describe('days and quarters', () => {
  it('counts days and quarters on the calendar', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(daysBetween('2019-03-01', '2019-04-01')).toBe(31);
    expect(['2019-01-01', '2019-03-31', '2019-04-01', '2019-12-31'].map(quarterOf)).toEqual([
      '2019-Q1',
      '2019-Q1',
      '2019-Q2',
      '2019-Q4',
    ]);
    expect(['2019-Q1', '2019-Q2', '2019-Q4', '2020-Q1'].map(quarterEnd)).toEqual([
      '2019-03-31',
      '2019-06-30',
      '2019-12-31',
      '2020-03-31',
    ]);
    expect(quartersBetween('2019-Q3', '2020-Q2')).toEqual(['2019-Q3', '2019-Q4', '2020-Q1', '2020-Q2']);
    expect(['2019-01-31', '2019-06-30', '2019-08-14', '2019-12-31'].map(quarterStart)).toEqual([
      '2019-01-01',
      '2019-04-01',
      '2019-07-01',
      '2019-10-01',
    ]);
  });

  it('accepts real calendar days only', () => {
    expect(['2020-02-29', '2019-12-31'].map(isCalendarDay)).toEqual([true, true]);
    expect(['2019-02-29', '2019-13-01', '2019-1-01', '2019-01-01T00:00:00Z', 20190101].map(isCalendarDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('dates a record by the day in Poland', () => {
    expect(recordDayOf(new Date('2024-03-31T21:30:00Z'))).toBe('2024-03-31'); // 23:30 CEST
    expect(recordDayOf(new Date('2024-03-31T22:30:00Z'))).toBe('2024-04-01'); // 00:30 CEST
    expect(recordDayOf(new Date('2024-01-15T23:30:00Z'))).toBe('2024-01-16'); // 00:30 CET
  });
});
