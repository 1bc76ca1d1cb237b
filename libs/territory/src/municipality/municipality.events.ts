import type { DomainEvent, MunicipalityType } from '@kooperacja/platform';

export type MunicipalityInvited = DomainEvent<
  'MunicipalityInvited',
  {
    teryt: string;
    name: string;
    type: MunicipalityType;
    powiat: string;
    voivodeship: string;
    /** Why a gmina of another type than the tenant's model was invited; null when the types match. */
    typeException: { reason: string } | null;
    invitedOn: string;
  }
>;

export type ParticipationDeclared = DomainEvent<
  'ParticipationDeclared',
  { teryt: string; declaredOn: string; declarationRef: string | null }
>;

export type CooperationAgreementSigned = DomainEvent<
  'CooperationAgreementSigned',
  { teryt: string; signedOn: string; agreementRef: string }
>;

export type MunicipalityWithdrew = DomainEvent<
  'MunicipalityWithdrew',
  { teryt: string; withdrawnOn: string; reason: string }
>;

export type PilotSiteRecruited = DomainEvent<'PilotSiteRecruited', { teryt: string; recruitedOn: string }>;

export type MunicipalityEvent =
  MunicipalityInvited | ParticipationDeclared | CooperationAgreementSigned | MunicipalityWithdrew | PilotSiteRecruited;
