import type { DomainEvent } from '../domain/decider';
import { EventCatalogue } from '../domain/event-catalogue';

/**
 * A subject's personal data was erased: their key is destroyed, so every personal value sealed
 * under it now reads as erased. Carries no personal data, only the pseudonymous subject id.
 */
export type PersonalDataErased = DomainEvent<
  'PersonalDataErased',
  {
    subjectId: string;
    /** When the key was destroyed (ISO date-time). */
    erasedAt: string;
    /** Where erasure came from, e.g. 'request' (a data subject's request under RODO art. 17). */
    basis: 'request';
  }
>;

export type SubjectEvent = PersonalDataErased;

export const PERSONAL_DATA_ERASED = 'privacy.PersonalDataErased.v1';

export const subjectEventCatalogue = new EventCatalogue<SubjectEvent>('privacy.', [
  { type: 'PersonalDataErased', storedName: PERSONAL_DATA_ERASED },
]);

export const subjectStreamId = (subjectId: string) => `privacy.subject-${subjectId.toLowerCase()}`;
