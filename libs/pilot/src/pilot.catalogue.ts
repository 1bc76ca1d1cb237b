import { EventCatalogue } from '@kooperacja/platform';
import { caseEventDefinitions } from './case/case.catalogue';
import type { CaseEvent } from './case/case.events';
import { siteEventDefinitions } from './site/site.catalogue';
import type { SiteEvent } from './site/site.events';

export type PilotEvent = CaseEvent | SiteEvent;

/** Every pilot event type in one catalogue, for readers of the whole log (projections, relay). */
export const pilotEventCatalogue = new EventCatalogue<PilotEvent>('pilot.', [
  ...caseEventDefinitions,
  ...siteEventDefinitions,
]);
