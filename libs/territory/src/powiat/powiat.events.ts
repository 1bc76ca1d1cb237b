import type { DomainEvent } from '@kooperacja/platform';

export type PowiatInvited = DomainEvent<
  'PowiatInvited',
  { teryt: string; name: string; voivodeship: string; invitedOn: string }
>;

export type PowiatAgreementSigned = DomainEvent<
  'PowiatAgreementSigned',
  { teryt: string; signedOn: string; agreementRef: string }
>;

export type PowiatEvent = PowiatInvited | PowiatAgreementSigned;
