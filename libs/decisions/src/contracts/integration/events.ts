import { js, type IntegrationEventDefinition } from '@kooperacja/platform/messaging';
import type { DecisionOutcome } from '../read-model';

/**
 * The decisions' integration events: which body decided what kind of thing when, and how. The
 * subject and the text are free text and stay inside the platform.
 */
const decisionId = js.string('The decision (uuid).');
const groupId = js.string('The body that decides (groups context).');
const outcome = {
  oneOf: [
    js.object({ kind: js.enum(['consensus']) }),
    js.object({
      kind: js.enum(['vote']),
      for: js.integer(undefined, 0),
      against: js.integer(undefined, 0),
      abstaining: js.integer(undefined, 0),
    }),
  ],
  description: 'By consensus, or the votes counted.',
};

export interface DecisionProposedV1 {
  decisionId: string;
  groupId: string;
  proposedOn: string;
}
export const decisionProposedV1: IntegrationEventDefinition<DecisionProposedV1> = {
  type: 'pl.kooperacja.decisions.decision-proposed.v1',
  summary: 'A decision was proposed to a body.',
  schema: js.object({ decisionId, groupId, proposedOn: js.date() }),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    proposedOn: '2019-02-11',
  },
};

export interface DecisionAdoptedV1 {
  decisionId: string;
  groupId: string;
  adoptedOn: string;
  effectiveOn: string;
  outcome: DecisionOutcome;
}
export const decisionAdoptedV1: IntegrationEventDefinition<DecisionAdoptedV1> = {
  type: 'pl.kooperacja.decisions.decision-adopted.v1',
  summary: 'A body adopted a decision, effective from `effectiveOn`.',
  schema: js.object({ decisionId, groupId, adoptedOn: js.date(), effectiveOn: js.date(), outcome }),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    adoptedOn: '2019-02-25',
    effectiveOn: '2019-03-01',
    outcome: { kind: 'vote', for: 12, against: 1, abstaining: 2 },
  },
};

export interface DecisionRejectedV1 {
  decisionId: string;
  groupId: string;
  rejectedOn: string;
  outcome: DecisionOutcome;
}
export const decisionRejectedV1: IntegrationEventDefinition<DecisionRejectedV1> = {
  type: 'pl.kooperacja.decisions.decision-rejected.v1',
  summary: 'A body rejected a proposed decision.',
  schema: js.object({ decisionId, groupId, rejectedOn: js.date(), outcome }),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    rejectedOn: '2019-02-25',
    outcome: { kind: 'consensus' },
  },
};

export interface DecisionAmendedV1 {
  decisionId: string;
  groupId: string;
  amendedOn: string;
}
export const decisionAmendedV1: IntegrationEventDefinition<DecisionAmendedV1> = {
  type: 'pl.kooperacja.decisions.decision-amended.v1',
  summary: 'A body changed the text of a proposal or of an adopted decision.',
  schema: js.object({ decisionId, groupId, amendedOn: js.date() }),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    amendedOn: '2019-06-03',
  },
};

export interface DecisionRevokedV1 {
  decisionId: string;
  groupId: string;
  revokedOn: string;
}
export const decisionRevokedV1: IntegrationEventDefinition<DecisionRevokedV1> = {
  type: 'pl.kooperacja.decisions.decision-revoked.v1',
  summary: 'A body revoked an adopted decision.',
  schema: js.object({ decisionId, groupId, revokedOn: js.date() }),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    revokedOn: '2020-01-15',
  },
};

export interface DecisionRecordCorrectedV1 {
  decisionId: string;
  groupId: string;
  decidedOn?: string;
  effectiveOn?: string;
  outcome?: DecisionOutcome;
}
export const decisionRecordCorrectedV1: IntegrationEventDefinition<DecisionRecordCorrectedV1> = {
  type: 'pl.kooperacja.decisions.decision-record-corrected.v1',
  summary:
    'The record of a decision was wrong (the body did nothing): only the fields given change; `decidedOn` is the day of adoption or rejection.',
  schema: js.object({ decisionId, groupId, decidedOn: js.date(), effectiveOn: js.date(), outcome }, [
    'decidedOn',
    'effectiveOn',
    'outcome',
  ]),
  example: {
    decisionId: '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d',
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    outcome: { kind: 'vote', for: 11, against: 2, abstaining: 2 },
  },
};
