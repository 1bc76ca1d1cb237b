import { given } from '@kooperacja/platform/testing';
import type { MunicipalityCommand } from './municipality.decider';
import { municipalityDecider } from './municipality.decider';
import type { MunicipalityEvent } from './municipality.events';

const period = { start: '2018-04-01', end: '2023-11-30' };
const macroregionII = {
  municipalityType: 'urban-rural' as const,
  voivodeships: [
    'kujawsko-pomorskie',
    'lubuskie',
    'pomorskie',
    'warmińsko-mazurskie',
    'wielkopolskie',
    'zachodniopomorskie',
  ],
};

const kartuzy = {
  teryt: '2205023',
  name: 'Kartuzy',
  type: 'urban-rural' as const,
  powiat: 'kartuski',
  voivodeship: 'pomorskie',
};

function invite(
  over: Partial<Extract<MunicipalityCommand, { type: 'InviteMunicipality' }>['data']> = {},
): MunicipalityCommand {
  return {
    type: 'InviteMunicipality',
    data: { ...kartuzy, occurredAt: '2019-03-04', period, tenant: macroregionII, ...over },
  };
}

const invited: MunicipalityEvent = {
  type: 'MunicipalityInvited',
  data: { ...kartuzy, typeException: null, invitedOn: '2019-03-04' },
};
const declared: MunicipalityEvent = {
  type: 'ParticipationDeclared',
  data: { teryt: '2205023', declaredOn: '2019-04-10', declarationRef: null },
};
const signed: MunicipalityEvent = {
  type: 'CooperationAgreementSigned',
  data: { teryt: '2205023', signedOn: '2019-06-03', agreementRef: 'POR/7/2019' },
};
const recruited: MunicipalityEvent = {
  type: 'PilotSiteRecruited',
  data: { teryt: '2205023', recruitedOn: '2019-09-02' },
};
const withdrew: MunicipalityEvent = {
  type: 'MunicipalityWithdrew',
  data: { teryt: '2205023', withdrawnOn: '2019-05-06', reason: 'Rada Gminy nie przyjęła uchwały' },
};

const declare = (over: object = {}): MunicipalityCommand => ({
  type: 'DeclareParticipation',
  data: { teryt: '2205023', occurredAt: '2019-04-10', period, ...over },
});
const sign = (over: object = {}): MunicipalityCommand => ({
  type: 'SignCooperationAgreement',
  data: { teryt: '2205023', agreementRef: 'POR/7/2019', occurredAt: '2019-06-03', period, ...over },
});
const recruit = (over: object = {}): MunicipalityCommand => ({
  type: 'RecruitPilotSite',
  data: { teryt: '2205023', occurredAt: '2019-09-02', period, ...over },
});
const withdraw = (over: object = {}): MunicipalityCommand => ({
  type: 'WithdrawMunicipality',
  data: { teryt: '2205023', reason: 'Rada Gminy nie przyjęła uchwały', occurredAt: '2019-05-06', period, ...over },
});

describe('inviting a gmina', () => {
  it('records the invitation with the day it happened', () => {
    given(municipalityDecider)
      .when(invite({ occurredAt: '2019-03-04T10:30:00+01:00' }))
      .then([invited]);
  });

  it('invites a gmina of another type than the model when an exception is given with its reason', () => {
    const bialogard = {
      teryt: '3201022',
      name: 'Białogard',
      type: 'rural' as const,
      powiat: 'białogardzki',
      voivodeship: 'zachodniopomorskie',
    };
    given(municipalityDecider)
      .when(invite({ ...bialogard, typeException: { reason: 'partner gminy miejskiej Białogard w PZK' } }))
      .then([
        {
          type: 'MunicipalityInvited',
          data: {
            ...bialogard,
            typeException: { reason: 'partner gminy miejskiej Białogard w PZK' },
            invitedOn: '2019-03-04',
          },
        },
      ]);
  });

  it('refuses a gmina whose type does not match the model of the macroregion', () => {
    given(municipalityDecider)
      .when(invite({ teryt: '3201022', name: 'Białogard', type: 'rural', voivodeship: 'zachodniopomorskie' }))
      .thenThrows('municipality.type-mismatch', 'type');
  });

  it('refuses a type exception for a gmina of the model type', () => {
    given(municipalityDecider)
      .when(invite({ typeException: { reason: 'just in case' } }))
      .thenThrows('municipality.type-exception-unneeded', 'typeException');
  });

  it('refuses a type exception without a reason', () => {
    given(municipalityDecider)
      .when(
        invite({ teryt: '3201022', type: 'rural', voivodeship: 'zachodniopomorskie', typeException: { reason: ' ' } }),
      )
      .thenThrows('municipality.type-exception-reason-required', 'typeException.reason');
  });

  it.each([
    ['not 7 digits', '220502'],
    ['letters', '22O5023'],
    ['an unknown voivodeship code', '0105023'],
    ['the town part of an urban-rural gmina (kind 4)', '2205024'],
    ['powiat 00', '2200023'],
  ])('refuses a TERYT code that is %s', (_, teryt) => {
    given(municipalityDecider).when(invite({ teryt })).thenThrows('municipality.teryt-invalid', 'teryt');
  });

  it('refuses a type the TERYT code contradicts', () => {
    given(municipalityDecider)
      .when(invite({ type: 'urban' }))
      .thenThrows('municipality.teryt-type-mismatch', 'type');
  });

  it('refuses an unknown type', () => {
    given(municipalityDecider)
      .when(invite({ type: 'metropolitan' as never }))
      .thenThrows('municipality.type-invalid', 'type');
  });

  it('refuses an unknown voivodeship', () => {
    given(municipalityDecider)
      .when(invite({ voivodeship: 'Pomorskie' }))
      .thenThrows('voivodeship.unknown', 'voivodeship');
  });

  it('refuses a voivodeship the TERYT code contradicts', () => {
    given(municipalityDecider)
      .when(invite({ voivodeship: 'kujawsko-pomorskie' }))
      .thenThrows('municipality.teryt-voivodeship-mismatch', 'voivodeship');
  });

  it('refuses a gmina outside the voivodeships of the macroregion', () => {
    given(municipalityDecider)
      .when(invite({ tenant: { ...macroregionII, voivodeships: ['kujawsko-pomorskie'] } }))
      .thenThrows('municipality.outside-macroregion', 'voivodeship');
  });

  it('refuses an editor whose token does not cover the voivodeship', () => {
    given(municipalityDecider)
      .when(invite({ allowedVoivodeships: ['kujawsko-pomorskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });

  it('lets an editor whose token covers the voivodeship invite', () => {
    given(municipalityDecider)
      .when(invite({ allowedVoivodeships: ['pomorskie'] }))
      .then([invited]);
  });

  it('compares the token’s voivodeships regardless of case and Unicode form', () => {
    given(municipalityDecider)
      .when(invite({ allowedVoivodeships: ['Pomorskie'] }))
      .then([invited]);
  });

  it('refuses a missing name and a missing powiat', () => {
    given(municipalityDecider)
      .when(invite({ name: '' }))
      .thenThrows('municipality.name-required', 'name');
    given(municipalityDecider)
      .when(invite({ powiat: '  ' }))
      .thenThrows('municipality.powiat-required', 'powiat');
  });

  it('refuses an invitation dated outside the project period', () => {
    given(municipalityDecider)
      .when(invite({ occurredAt: '2024-01-15' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses a date that is not a calendar date', () => {
    given(municipalityDecider)
      .when(invite({ occurredAt: '2019-02-29' }))
      .thenThrows('fact.date-invalid', 'occurredAt');
    given(municipalityDecider)
      .when(invite({ occurredAt: '4 marca 2019' }))
      .thenThrows('fact.date-invalid', 'occurredAt');
  });

  it('refuses to invite the same gmina twice', () => {
    given(municipalityDecider, [invited]).when(invite()).thenThrows('municipality.already-invited', 'teryt');
  });
});

describe('declaring participation', () => {
  it('records the declaration', () => {
    given(municipalityDecider, [invited]).when(declare()).then([declared]);
  });

  it('keeps the reference of the declaration when given', () => {
    given(municipalityDecider, [invited])
      .when(declare({ declarationRef: 'DEK/3/2019' }))
      .then([{ type: 'ParticipationDeclared', data: { ...declared.data, declarationRef: 'DEK/3/2019' } }]);
  });

  it('refuses a gmina that was never invited', () => {
    given(municipalityDecider).when(declare()).thenThrows('municipality.not-invited');
  });

  it('refuses to declare twice', () => {
    given(municipalityDecider, [invited, declared]).when(declare()).thenThrows('municipality.already-declared');
  });

  it('refuses after the gmina withdrew', () => {
    given(municipalityDecider, [invited, withdrew]).when(declare()).thenThrows('municipality.withdrawn');
  });

  it('refuses a declaration dated before the invitation', () => {
    given(municipalityDecider, [invited])
      .when(declare({ occurredAt: '2019-03-01' }))
      .thenThrows('fact.date-before-previous-step', 'occurredAt');
  });

  it('refuses a declaration outside the project period', () => {
    given(municipalityDecider, [invited])
      .when(declare({ period: { start: '2018-04-01', end: '2019-03-31' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses an editor of another voivodeship', () => {
    given(municipalityDecider, [invited])
      .when(declare({ allowedVoivodeships: ['lubuskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });

  it('records a blank declaration reference as none, and refuses one too long to be a reference', () => {
    given(municipalityDecider, [invited])
      .when(declare({ declarationRef: ' ' }))
      .then([declared]);
    given(municipalityDecider, [invited])
      .when(declare({ declarationRef: 'x'.repeat(301) }))
      .thenThrows('declaration.reference-invalid', 'declarationRef');
  });
});

describe('signing the cooperation agreement', () => {
  it('records the agreement with its date and reference', () => {
    given(municipalityDecider, [invited, declared]).when(sign()).then([signed]);
  });

  it('refuses to sign before the gmina declared participation', () => {
    given(municipalityDecider, [invited]).when(sign()).thenThrows('municipality.not-declared');
  });

  it('refuses to sign twice', () => {
    given(municipalityDecider, [invited, declared, signed]).when(sign()).thenThrows('municipality.already-signed');
  });

  it('refuses an agreement without its number or reference', () => {
    given(municipalityDecider, [invited, declared])
      .when(sign({ agreementRef: '' }))
      .thenThrows('agreement.reference-required', 'agreementRef');
  });

  it('refuses a gmina that was never invited', () => {
    given(municipalityDecider).when(sign()).thenThrows('municipality.not-invited');
  });

  it('refuses after the gmina withdrew', () => {
    given(municipalityDecider, [invited, declared, withdrew]).when(sign()).thenThrows('municipality.withdrawn');
  });

  it('refuses an agreement dated before the declaration', () => {
    given(municipalityDecider, [invited, declared])
      .when(sign({ occurredAt: '2019-04-01' }))
      .thenThrows('fact.date-before-previous-step', 'occurredAt');
  });

  it('refuses an agreement outside the project period', () => {
    given(municipalityDecider, [invited, declared])
      .when(sign({ occurredAt: '2018-03-31' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses an editor of another voivodeship', () => {
    given(municipalityDecider, [invited, declared])
      .when(sign({ allowedVoivodeships: [] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });
});

describe('recruiting a pilot site', () => {
  it('records the recruitment of a gmina under agreement', () => {
    given(municipalityDecider, [invited, declared, signed]).when(recruit()).then([recruited]);
  });

  it('refuses a gmina without a signed agreement', () => {
    given(municipalityDecider, [invited, declared]).when(recruit()).thenThrows('municipality.agreement-not-signed');
    given(municipalityDecider, [invited]).when(recruit()).thenThrows('municipality.agreement-not-signed');
  });

  it('refuses to recruit twice', () => {
    given(municipalityDecider, [invited, declared, signed, recruited])
      .when(recruit())
      .thenThrows('municipality.already-pilot-site');
  });

  it('refuses a gmina that was never invited', () => {
    given(municipalityDecider).when(recruit()).thenThrows('municipality.not-invited');
  });

  it('refuses after the gmina withdrew', () => {
    given(municipalityDecider, [invited, declared, signed, withdrew])
      .when(recruit())
      .thenThrows('municipality.withdrawn');
  });

  it('refuses a recruitment dated before the agreement', () => {
    given(municipalityDecider, [invited, declared, signed])
      .when(recruit({ occurredAt: '2019-06-02' }))
      .thenThrows('fact.date-before-previous-step', 'occurredAt');
  });

  it('refuses a recruitment outside the project period', () => {
    given(municipalityDecider, [invited, declared, signed])
      .when(recruit({ period: { start: '2018-04-01', end: '2019-08-31' } }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses an editor of another voivodeship', () => {
    given(municipalityDecider, [invited, declared, signed])
      .when(recruit({ allowedVoivodeships: ['śląskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });
});

describe('withdrawing', () => {
  it('records the withdrawal and its reason', () => {
    given(municipalityDecider, [invited, declared]).when(withdraw()).then([withdrew]);
  });

  it('lets a pilot site withdraw after its recruitment', () => {
    given(municipalityDecider, [invited, declared, signed, recruited])
      .when(withdraw({ occurredAt: '2020-03-16', reason: 'COVID-19' }))
      .then([
        { type: 'MunicipalityWithdrew', data: { teryt: '2205023', withdrawnOn: '2020-03-16', reason: 'COVID-19' } },
      ]);
  });

  it('refuses a withdrawal without a reason', () => {
    given(municipalityDecider, [invited])
      .when(withdraw({ reason: '' }))
      .thenThrows('withdrawal.reason-required', 'reason');
  });

  it('refuses to withdraw twice', () => {
    given(municipalityDecider, [invited, withdrew]).when(withdraw()).thenThrows('municipality.withdrawn');
  });

  it('refuses a gmina that was never invited', () => {
    given(municipalityDecider).when(withdraw()).thenThrows('municipality.not-invited');
  });

  it('refuses a withdrawal dated before the last step', () => {
    given(municipalityDecider, [invited, declared, signed])
      .when(withdraw({ occurredAt: '2019-05-31' }))
      .thenThrows('fact.date-before-previous-step', 'occurredAt');
  });

  it('refuses a withdrawal outside the project period', () => {
    given(municipalityDecider, [invited])
      .when(withdraw({ occurredAt: '2024-02-01' }))
      .thenThrows('fact.outside-project-period', 'occurredAt');
  });

  it('refuses an editor of another voivodeship', () => {
    given(municipalityDecider, [invited])
      .when(withdraw({ allowedVoivodeships: ['lubuskie'] }))
      .thenThrows('voivodeship.forbidden', 'voivodeship');
  });
});

describe('the gmina as its stream tells it', () => {
  it('keeps every step and the stage it reached before withdrawing', () => {
    const state = [
      invited,
      declared,
      signed,
      recruited,
      { ...withdrew, data: { ...withdrew.data, withdrawnOn: '2020-03-16' } },
    ].reduce(municipalityDecider.evolve, municipalityDecider.initialState());
    expect(state).toEqual({
      ...kartuzy,
      powiatTeryt: '2205',
      typeException: null,
      stage: 'pilot-site',
      invitedOn: '2019-03-04',
      declaredOn: '2019-04-10',
      declarationRef: null,
      agreement: { signedOn: '2019-06-03', reference: 'POR/7/2019' },
      recruitedOn: '2019-09-02',
      withdrawal: { withdrawnOn: '2020-03-16', reason: 'Rada Gminy nie przyjęła uchwały' },
    });
  });
});
