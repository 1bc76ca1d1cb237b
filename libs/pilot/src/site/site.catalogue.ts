import { EventCatalogue, type EventTypeDefinition } from '@kooperacja/platform';
import type { SiteEvent } from './site.events';

export const siteEventDefinitions: readonly EventTypeDefinition[] = [
  { type: 'SiteRegistered', storedName: 'pilot.SiteRegistered.v1' },
  { type: 'CoachingSessionHeld', storedName: 'pilot.CoachingSessionHeld.v1' },
  { type: 'SupervisionSessionHeld', storedName: 'pilot.SupervisionSessionHeld.v1' },
  { type: 'TrainingHeld', storedName: 'pilot.TrainingHeld.v1' },
  // The source is free text typed by a person; it is not meant to name anyone, but it could.
  { type: 'PilotOutcomeReported', storedName: 'pilot.PilotOutcomeReported.v1', personalFields: ['source'] },
];

export const siteEventCatalogue = new EventCatalogue<SiteEvent>('pilot.', siteEventDefinitions);
