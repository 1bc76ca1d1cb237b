import { EventCatalogue } from '@kooperacja/platform';
import type { MunicipalityEvent } from './municipality.events';

/** Gminas are public bodies: no personal data in these events. */
export const municipalityCatalogue = new EventCatalogue<MunicipalityEvent>('territory.', [
  { type: 'MunicipalityInvited', storedName: 'territory.MunicipalityInvited.v1' },
  { type: 'ParticipationDeclared', storedName: 'territory.ParticipationDeclared.v1' },
  { type: 'CooperationAgreementSigned', storedName: 'territory.CooperationAgreementSigned.v1' },
  { type: 'MunicipalityWithdrew', storedName: 'territory.MunicipalityWithdrew.v1' },
  { type: 'PilotSiteRecruited', storedName: 'territory.PilotSiteRecruited.v1' },
]);
