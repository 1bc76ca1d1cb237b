import { EventCatalogue } from '@kooperacja/platform';
import type { PowiatEvent } from './powiat.events';

/** Powiats are public bodies: no personal data in these events. */
export const powiatCatalogue = new EventCatalogue<PowiatEvent>('territory.', [
  { type: 'PowiatInvited', storedName: 'territory.PowiatInvited.v1' },
  { type: 'PowiatAgreementSigned', storedName: 'territory.PowiatAgreementSigned.v1' },
]);
