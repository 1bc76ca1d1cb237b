import { compareMoney, formatPln, pln, plnFromNumber } from './money';

describe('money in grosze', () => {
  it('reads amounts as Polish documents write them and plainly', () => {
    expect(pln('34 895 692,40')).toEqual({ grosze: '3489569240', currency: 'PLN' });
    expect(pln('34895692.4')).toEqual({ grosze: '3489569240', currency: 'PLN' });
    expect(pln('5')).toEqual({ grosze: '500', currency: 'PLN' });
    expect(pln('0,07')).toEqual({ grosze: '7', currency: 'PLN' });
  });

  it('refuses what is not an amount of złoty and grosze', () => {
    expect(() => pln('1.234')).toThrow(RangeError);
    expect(() => pln('-5')).toThrow(RangeError);
    expect(() => pln('1,234,567.00')).toThrow(RangeError);
    expect(() => plnFromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('writes grosze back as złoty with two decimals', () => {
    expect(formatPln(pln('11 977 479,39'))).toBe('11977479.39');
    expect(formatPln(pln('0,07'))).toBe('0.07');
  });

  it('compares amounts larger than a double holds exactly', () => {
    const big = { grosze: '900719925474099300', currency: 'PLN' } as const;
    const bigger = { grosze: '900719925474099301', currency: 'PLN' } as const;
    expect(compareMoney(big, bigger)).toBe(-1);
    expect(compareMoney(bigger, big)).toBe(1);
  });
});
