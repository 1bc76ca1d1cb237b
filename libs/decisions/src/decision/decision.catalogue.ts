import { EventCatalogue } from '@kooperacja/platform';
import type { DecisionEvent } from './decision.events';

/**
 * Decisions name bodies and subjects, never people: no event has personal fields. Members
 * are counted (votes), not named; who they are lives in the groups context.
 */
export const decisionEventCatalogue = new EventCatalogue<DecisionEvent>('decisions.', [
  { type: 'DecisionProposed', storedName: 'decisions.DecisionProposed.v1', personalFields: [] },
  { type: 'DecisionAdopted', storedName: 'decisions.DecisionAdopted.v1', personalFields: [] },
  { type: 'DecisionRejected', storedName: 'decisions.DecisionRejected.v1', personalFields: [] },
  { type: 'DecisionAmended', storedName: 'decisions.DecisionAmended.v1', personalFields: [] },
  { type: 'DecisionRevoked', storedName: 'decisions.DecisionRevoked.v1', personalFields: [] },
  { type: 'DecisionRecordCorrected', storedName: 'decisions.DecisionRecordCorrected.v1', personalFields: [] },
]);
