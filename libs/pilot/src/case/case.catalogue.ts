import { EventCatalogue, type EventTypeDefinition } from '@kooperacja/platform';
import type { CaseEvent } from './case.events';

export const caseEventDefinitions: readonly EventTypeDefinition[] = [
  { type: 'CaseEnrolled', storedName: 'pilot.CaseEnrolled.v1' },
  { type: 'DiagnosisCompleted', storedName: 'pilot.DiagnosisCompleted.v1' },
  // A goal's short label is free text about a family: it may name someone, so it is erasable.
  { type: 'IndividualPlanAgreed', storedName: 'pilot.IndividualPlanAgreed.v1', personalFields: ['goalLabels'] },
  { type: 'CaseTeamMeetingHeld', storedName: 'pilot.CaseTeamMeetingHeld.v1' },
  { type: 'SupportDelivered', storedName: 'pilot.SupportDelivered.v1' },
  { type: 'PlanReviewed', storedName: 'pilot.PlanReviewed.v1' },
  { type: 'PlanCompleted', storedName: 'pilot.PlanCompleted.v1' },
  { type: 'CaseClosed', storedName: 'pilot.CaseClosed.v1' },
  { type: 'CaseFactCorrected', storedName: 'pilot.CaseFactCorrected.v1' },
];

export const caseEventCatalogue = new EventCatalogue<CaseEvent>('pilot.', caseEventDefinitions);
