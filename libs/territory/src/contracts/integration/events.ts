import { js, type IntegrationEventDefinition } from '@kooperacja/platform/messaging';

/**
 * The territory's integration events: gminas and powiats joining the model. References and
 * reasons (free text) stay inside the platform.
 */
const gminaTeryt = js.string('TERYT code of the gmina (7 digits, the last one its kind).', { pattern: '^\\d{7}$' });
const powiatTeryt = js.string('TERYT code of the powiat (4 digits).', { pattern: '^\\d{4}$' });

export interface MunicipalityInvitedV1 {
  teryt: string;
  name: string;
  type: 'rural' | 'urban-rural' | 'urban';
  powiat: string;
  voivodeship: string;
  /** True when the gmina's type differs from the model's (the reason stays inside). */
  typeException: boolean;
  invitedOn: string;
}
export const municipalityInvitedV1: IntegrationEventDefinition<MunicipalityInvitedV1> = {
  type: 'pl.kooperacja.territory.municipality-invited.v1',
  summary: 'A gmina was invited to the model.',
  schema: js.object({
    teryt: gminaTeryt,
    name: js.string(),
    type: js.enum(['rural', 'urban-rural', 'urban']),
    powiat: js.string('Name of the powiat.'),
    voivodeship: js.string('Lower-case Polish name.'),
    typeException: js.boolean('Invited although its type is not the one the macroregion’s model is for.'),
    invitedOn: js.date(),
  }),
  example: {
    teryt: '2205023',
    name: 'Kartuzy',
    type: 'urban-rural',
    powiat: 'kartuski',
    voivodeship: 'pomorskie',
    typeException: false,
    invitedOn: '2018-06-12',
  },
};

export interface ParticipationDeclaredV1 {
  teryt: string;
  declaredOn: string;
}
export const participationDeclaredV1: IntegrationEventDefinition<ParticipationDeclaredV1> = {
  type: 'pl.kooperacja.territory.participation-declared.v1',
  summary: 'A gmina declared its participation (declaration of cooperation).',
  schema: js.object({ teryt: gminaTeryt, declaredOn: js.date() }),
  example: { teryt: '2205023', declaredOn: '2018-07-02' },
};

export interface CooperationAgreementSignedV1 {
  teryt: string;
  signedOn: string;
}
export const cooperationAgreementSignedV1: IntegrationEventDefinition<CooperationAgreementSignedV1> = {
  type: 'pl.kooperacja.territory.cooperation-agreement-signed.v1',
  summary: 'A gmina signed the cooperation agreement: it is under agreement from `signedOn`.',
  schema: js.object({ teryt: gminaTeryt, signedOn: js.date() }),
  example: { teryt: '2205023', signedOn: '2018-09-14' },
};

export interface MunicipalityWithdrewV1 {
  teryt: string;
  withdrawnOn: string;
}
export const municipalityWithdrewV1: IntegrationEventDefinition<MunicipalityWithdrewV1> = {
  type: 'pl.kooperacja.territory.municipality-withdrew.v1',
  summary: 'A gmina withdrew; nothing more is recorded for it.',
  schema: js.object({ teryt: gminaTeryt, withdrawnOn: js.date() }),
  example: { teryt: '2205023', withdrawnOn: '2020-03-31' },
};

export interface PilotSiteRecruitedV1 {
  teryt: string;
  recruitedOn: string;
}
export const pilotSiteRecruitedV1: IntegrationEventDefinition<PilotSiteRecruitedV1> = {
  type: 'pl.kooperacja.territory.pilot-site-recruited.v1',
  summary: 'A gmina under agreement became a pilot site.',
  schema: js.object({ teryt: gminaTeryt, recruitedOn: js.date() }),
  example: { teryt: '2205023', recruitedOn: '2019-04-01' },
};

export interface PowiatInvitedV1 {
  teryt: string;
  name: string;
  voivodeship: string;
  invitedOn: string;
}
export const powiatInvitedV1: IntegrationEventDefinition<PowiatInvitedV1> = {
  type: 'pl.kooperacja.territory.powiat-invited.v1',
  summary: 'A powiat was invited to the model.',
  schema: js.object({ teryt: powiatTeryt, name: js.string(), voivodeship: js.string(), invitedOn: js.date() }),
  example: { teryt: '2205', name: 'kartuski', voivodeship: 'pomorskie', invitedOn: '2018-06-12' },
};

export interface PowiatAgreementSignedV1 {
  teryt: string;
  signedOn: string;
}
export const powiatAgreementSignedV1: IntegrationEventDefinition<PowiatAgreementSignedV1> = {
  type: 'pl.kooperacja.territory.powiat-agreement-signed.v1',
  summary: 'A powiat signed the cooperation agreement.',
  schema: js.object({ teryt: powiatTeryt, signedOn: js.date() }),
  example: { teryt: '2205', signedOn: '2018-10-01' },
};
