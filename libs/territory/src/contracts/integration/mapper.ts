import { mapping, mappersFor, type IntegrationEventMapper } from '@kooperacja/platform/messaging';
import { municipalityCatalogue } from '../../municipality/municipality.catalogue';
import type {
  CooperationAgreementSigned,
  MunicipalityInvited,
  MunicipalityWithdrew,
  ParticipationDeclared,
  PilotSiteRecruited,
} from '../../municipality/municipality.events';
import { powiatCatalogue } from '../../powiat/powiat.catalogue';
import type { PowiatAgreementSigned, PowiatInvited } from '../../powiat/powiat.events';
import {
  cooperationAgreementSignedV1,
  municipalityInvitedV1,
  municipalityWithdrewV1,
  participationDeclaredV1,
  pilotSiteRecruitedV1,
  powiatAgreementSignedV1,
  powiatInvitedV1,
} from './events';

/** Stored territory events → integration events. References and reasons never leave. */
export function territoryIntegrationMappers(): IntegrationEventMapper[] {
  return [
    ...mappersFor(municipalityCatalogue, {
      MunicipalityInvited: mapping<MunicipalityInvited['data']>()({
        fields: ['teryt', 'name', 'type', 'powiat', 'voivodeship', 'typeException', 'invitedOn'],
        produces: [municipalityInvitedV1],
        map: ({ data }) => [
          {
            type: municipalityInvitedV1.type,
            data: {
              teryt: data.teryt,
              name: data.name,
              type: data.type,
              powiat: data.powiat,
              voivodeship: data.voivodeship,
              typeException: data.typeException !== null,
              invitedOn: data.invitedOn,
            },
          },
        ],
        sample: {
          teryt: '2205023',
          name: 'Kartuzy',
          type: 'urban-rural',
          powiat: 'kartuski',
          voivodeship: 'pomorskie',
          typeException: { reason: 'uzgodnione z wójtem p. Kowalskim' },
          invitedOn: '2018-06-12',
        },
      }),
      ParticipationDeclared: mapping<ParticipationDeclared['data']>()({
        fields: ['teryt', 'declaredOn'],
        produces: [participationDeclaredV1],
        map: ({ data }) => [
          { type: participationDeclaredV1.type, data: { teryt: data.teryt, declaredOn: data.declaredOn } },
        ],
        sample: { teryt: '2205023', declaredOn: '2018-07-02', declarationRef: 'deklaracja 7/2018' },
      }),
      CooperationAgreementSigned: mapping<CooperationAgreementSigned['data']>()({
        fields: ['teryt', 'signedOn'],
        produces: [cooperationAgreementSignedV1],
        map: ({ data }) => [
          { type: cooperationAgreementSignedV1.type, data: { teryt: data.teryt, signedOn: data.signedOn } },
        ],
        sample: { teryt: '2205023', signedOn: '2018-09-14', agreementRef: 'Porozumienie nr 12/2018' },
      }),
      MunicipalityWithdrew: mapping<MunicipalityWithdrew['data']>()({
        fields: ['teryt', 'withdrawnOn'],
        produces: [municipalityWithdrewV1],
        map: ({ data }) => [
          { type: municipalityWithdrewV1.type, data: { teryt: data.teryt, withdrawnOn: data.withdrawnOn } },
        ],
        sample: { teryt: '2205023', withdrawnOn: '2020-03-31', reason: 'brak kadry' },
      }),
      PilotSiteRecruited: mapping<PilotSiteRecruited['data']>()({
        fields: ['teryt', 'recruitedOn'],
        produces: [pilotSiteRecruitedV1],
        map: ({ data }) => [
          { type: pilotSiteRecruitedV1.type, data: { teryt: data.teryt, recruitedOn: data.recruitedOn } },
        ],
        sample: { teryt: '2205023', recruitedOn: '2019-04-01' },
      }),
    }),
    ...mappersFor(powiatCatalogue, {
      PowiatInvited: mapping<PowiatInvited['data']>()({
        fields: ['teryt', 'name', 'voivodeship', 'invitedOn'],
        produces: [powiatInvitedV1],
        map: ({ data }) => [
          {
            type: powiatInvitedV1.type,
            data: { teryt: data.teryt, name: data.name, voivodeship: data.voivodeship, invitedOn: data.invitedOn },
          },
        ],
        sample: { teryt: '2205', name: 'kartuski', voivodeship: 'pomorskie', invitedOn: '2018-06-12' },
      }),
      PowiatAgreementSigned: mapping<PowiatAgreementSigned['data']>()({
        fields: ['teryt', 'signedOn'],
        produces: [powiatAgreementSignedV1],
        map: ({ data }) => [
          { type: powiatAgreementSignedV1.type, data: { teryt: data.teryt, signedOn: data.signedOn } },
        ],
        sample: { teryt: '2205', signedOn: '2018-10-01', agreementRef: 'Porozumienie 3/2018' },
      }),
    }),
  ];
}
