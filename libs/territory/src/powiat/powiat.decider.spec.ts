import { given } from '@kooperacja/platform/testing';
import { powiatDecider, type PowiatCommand } from './powiat.decider';
import type { PowiatEvent } from './powiat.events';

const period = { start: '2018-04-01', end: '2023-11-30' };
const tenant = { voivodeships: ['pomorskie', 'zachodniopomorskie'] };

const invite = (over: object = {}): PowiatCommand => ({
  type: 'InvitePowiat',
  data: {
    teryt: '2205',
    name: 'kartuski',
    voivodeship: 'pomorskie',
    occurredAt: '2018-10-01',
    period,
    tenant,
    ...over,
  },
});
const sign = (over: object = {}): PowiatCommand => ({
  type: 'SignPowiatAgreement',
  data: { teryt: '2205', agreementRef: 'PCPR/1/2018', occurredAt: '2018-11-05', period, ...over },
});

const invited: PowiatEvent = {
  type: 'PowiatInvited',
  data: { teryt: '2205', name: 'kartuski', voivodeship: 'pomorskie', invitedOn: '2018-10-01' },
};
const signed: PowiatEvent = {
  type: 'PowiatAgreementSigned',
  data: { teryt: '2205', signedOn: '2018-11-05', agreementRef: 'PCPR/1/2018' },
};

describe('inviting a powiat', () => {
  it('records the invitation', () => {
    given(powiatDecider).when(invite()).then([invited]);
  });

  it.each([
    ['3 digits', '220'],
    ['an unknown voivodeship code', '0105'],
    ['powiat 00', '2200'],
    ['a gmina code', '2205023'],
  ])('refuses a TERYT code that is %s', (_, teryt) => {
    given(powiatDecider).when(invite({ teryt })).thenThrows('powiat.teryt-invalid', 'teryt');
  });

  it('refuses a missing name', () => {
    given(powiatDecider)
      .when(invite({ name: '' }))
      .thenThrows('powiat.name-required', 'name');
  });

  it('refuses an unknown voivodeship and one the TERYT code contradicts', () => {
    given(powiatDecider)
      .when(invite({ voivodeship: 'pomerania' }))
      .thenThrows('voivodeship.unknown', 'voivodeship');
    given(powiatDecider)
      .when(invite({ voivodeship: 'zachodniopomorskie' }))
      .thenThrows('powiat.teryt-voivodeship-mismatch', 'voivodeship');
  });

  it('refuses a powiat outside the macroregion', () => {
    given(powiatDecider)
      .when(invite({ teryt: '2404', name: 'cieszyński', voivodeship: 'śląskie' }))
      .thenThrows('powiat.outside-macroregion', 'voivodeship');
  });

  it('refuses an editor whose token does not cover the voivodeship', () => {
    given(powiatDecider)
      .when(invite({ allowedVoivodeships: ['zachodniopomorskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });

  it('refuses to invite twice', () => {
    given(powiatDecider, [invited]).when(invite()).thenThrows('powiat.already-invited', 'teryt');
  });

  it('refuses an invitation outside the project period', () => {
    given(powiatDecider)
      .when(invite({ occurredAt: '2017-12-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });
});

describe('signing a powiat agreement', () => {
  it('records the agreement', () => {
    given(powiatDecider, [invited]).when(sign()).then([signed]);
  });

  it('shows the powiat under agreement', () => {
    expect([invited, signed].reduce(powiatDecider.evolve, powiatDecider.initialState())).toEqual({
      teryt: '2205',
      name: 'kartuski',
      voivodeship: 'pomorskie',
      invitedOn: '2018-10-01',
      agreement: { signedOn: '2018-11-05', reference: 'PCPR/1/2018' },
    });
  });

  it('refuses a powiat that was never invited', () => {
    given(powiatDecider).when(sign()).thenThrows('powiat.not-invited');
  });

  it('refuses to sign twice', () => {
    given(powiatDecider, [invited, signed]).when(sign()).thenThrows('powiat.already-signed');
  });

  it('refuses an agreement without a reference', () => {
    given(powiatDecider, [invited])
      .when(sign({ agreementRef: ' ' }))
      .thenThrows('agreement.reference-required', 'agreementRef');
  });

  it('refuses an agreement dated before the invitation', () => {
    given(powiatDecider, [invited])
      .when(sign({ occurredAt: '2018-09-30' }))
      .thenThrows('fact.date-before-previous-step', 'occurredAt');
  });

  it('refuses an agreement outside the project period', () => {
    given(powiatDecider, [invited])
      .when(sign({ period: { start: '2018-04-01', end: '2018-10-31' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses an editor of another voivodeship', () => {
    given(powiatDecider, [invited])
      .when(sign({ allowedVoivodeships: ['zachodniopomorskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });
});
