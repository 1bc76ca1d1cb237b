import { DomainError } from '@kooperacja/platform';
import { pilotSiteCode } from './teryt';

describe('pilot site TERYT codes', () => {
  it.each([
    ['2205033', 'pomorskie'],
    ['2205', 'pomorskie'],
    ['0612052', 'lubelskie'],
    ['2469011', 'śląskie'],
    ['1465018', 'mazowieckie'],
    ['3201', 'zachodniopomorskie'],
  ])('reads %s as a site in %s', (teryt, voivodeship) => {
    expect(pilotSiteCode(teryt, 'teryt')).toEqual({ teryt, voivodeship });
  });

  it.each([
    '',
    '22',
    '22050',
    '220503',
    '22050330',
    '2305033',
    '9905033',
    '2200',
    '2205003',
    '2205036',
    22050 as never,
  ])('refuses %p', (raw) => {
    let error: unknown;
    try {
      pilotSiteCode(raw, 'siteTeryt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'teryt.invalid', field: 'siteTeryt' });
  });
});
