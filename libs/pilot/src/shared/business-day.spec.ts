import { businessDay, daysBetween, monthsBetween } from './business-day';

describe('business days', () => {
  it.each([
    ['2020-02-29', '2020-02-29'],
    ['2020-03-01T23:30:00+01:00', '2020-03-01'],
    ['2020-03-01T08:00Z', '2020-03-01'],
    ['2020-03-01T08:00:00.123Z', '2020-03-01'],
  ])('reads %s as the day %s, as written', (value, day) => {
    expect(businessDay(value)).toBe(day);
  });

  it.each(['2019-02-29', '2020-13-01', '2020-04-31', '2020-00-10', '01.03.2020', '2020-03-01T25:00', '', 20200301])(
    'refuses %p',
    (value) => {
      expect(() => businessDay(value, 'heldOn')).toThrow(
        expect.objectContaining({ code: 'date.invalid', field: 'heldOn' }),
      );
    },
  );

  it('counts days across a leap February', () => {
    expect(daysBetween('2020-02-01', '2020-03-01')).toBe(29);
    expect(daysBetween('2020-03-01', '2020-02-01')).toBe(-29);
  });

  it('counts months as mean months, to one decimal', () => {
    expect(monthsBetween('2019-09-02', '2019-10-15')).toBe(1.4);
    expect(monthsBetween('2019-01-01', '2020-01-01')).toBe(12);
    expect(monthsBetween('2019-10-01', '2019-10-01')).toBe(0);
  });
});
