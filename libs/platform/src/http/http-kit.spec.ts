import { ValidationFailedException } from '@kooperacja/platform';
import { expectedRevisionOf, isBusinessDay } from './http-kit';

describe('business dates at the API', () => {
  it('accepts real calendar days, and date-times only with a zone where allowed', () => {
    expect(
      ['2019-03-14', '2020-02-29', '2019-03-14T10:30:00+01:00', '2019-03-14T09:30Z'].map((v) => isBusinessDay(v)),
    ).toEqual([true, true, true, true]);
    expect(isBusinessDay('2019-03-14T10:30:00+01:00', true)).toBe(false);
  });

  it('refuses days that do not exist and other spellings', () => {
    expect(
      ['2019-02-29', '2019-13-01', '2019-04-31', '14.03.2019', '2019-3-14', '2019-03-14T10:30', 20190314].map((v) =>
        isBusinessDay(v),
      ),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('the revision a write expects', () => {
  it('reads it from the body or from If-Match, strong or weak', () => {
    expect(expectedRevisionOf({ expectedRevision: 3 }, undefined)).toBe(3);
    expect(expectedRevisionOf({}, '"7"')).toBe(7);
    expect(expectedRevisionOf({}, 'W/"7"')).toBe(7);
    expect(expectedRevisionOf({}, '-1')).toBe(-1);
    expect(expectedRevisionOf({}, undefined)).toBeUndefined();
  });

  it('refuses a malformed If-Match, and one that disagrees with the body, naming the field', () => {
    const fieldOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationFailedException);
        return (error as ValidationFailedException).errors.map((e) => e.field);
      }
      return [];
    };
    expect(fieldOf(() => expectedRevisionOf({}, '*'))).toEqual(['If-Match']);
    expect(fieldOf(() => expectedRevisionOf({ expectedRevision: 2 }, '"3"'))).toEqual(['expectedRevision']);
  });
});
