import { mapping, mappersFor, type IntegrationEventMapper } from '@kooperacja/platform/messaging';
import { decisionEventCatalogue } from '../../decision/decision.catalogue';
import type {
  DecisionAdopted,
  DecisionAmended,
  DecisionProposed,
  DecisionRecordCorrected,
  DecisionRejected,
  DecisionRevoked,
} from '../../decision/decision.events';
import type { DecisionOutcome } from '../read-model';
import {
  decisionAdoptedV1,
  decisionAmendedV1,
  decisionProposedV1,
  decisionRecordCorrectedV1,
  decisionRejectedV1,
  decisionRevokedV1,
} from './events';

const outcomeOf = (o: DecisionOutcome): DecisionOutcome =>
  o.kind === 'consensus'
    ? { kind: 'consensus' }
    : { kind: 'vote', for: o.for, against: o.against, abstaining: o.abstaining };

const DECISION = '9b2d7c3e-1f4a-4e5b-8c6d-7e8f9a0b1c2d';
const GROUP = '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90';

/** Stored decision events → integration events. Subjects, texts and reasons never leave. */
export function decisionsIntegrationMappers(): IntegrationEventMapper[] {
  return mappersFor(decisionEventCatalogue, {
    DecisionProposed: mapping<DecisionProposed['data']>()({
      fields: ['decisionId', 'groupId', 'proposedOn'],
      produces: [decisionProposedV1],
      map: ({ data }) => [
        {
          type: decisionProposedV1.type,
          data: { decisionId: data.decisionId, groupId: data.groupId, proposedOn: data.proposedOn },
        },
      ],
      sample: {
        decisionId: DECISION,
        groupId: GROUP,
        subject: 'Plan pracy GGK dla rodziny Kowalskich',
        text: 'Przyjmuje się plan …',
        proposedOn: '2019-02-11',
      },
    }),
    DecisionAdopted: mapping<DecisionAdopted['data']>()({
      fields: ['decisionId', 'groupId', 'adoptedOn', 'effectiveOn', 'outcome'],
      produces: [decisionAdoptedV1],
      map: ({ data }) => [
        {
          type: decisionAdoptedV1.type,
          data: {
            decisionId: data.decisionId,
            groupId: data.groupId,
            adoptedOn: data.adoptedOn,
            effectiveOn: data.effectiveOn,
            outcome: outcomeOf(data.outcome),
          },
        },
      ],
      sample: {
        decisionId: DECISION,
        groupId: GROUP,
        adoptedOn: '2019-02-25',
        effectiveOn: '2019-03-01',
        outcome: { kind: 'vote', for: 12, against: 1, abstaining: 2 },
      },
    }),
    DecisionRejected: mapping<DecisionRejected['data']>()({
      fields: ['decisionId', 'groupId', 'rejectedOn', 'outcome'],
      produces: [decisionRejectedV1],
      map: ({ data }) => [
        {
          type: decisionRejectedV1.type,
          data: {
            decisionId: data.decisionId,
            groupId: data.groupId,
            rejectedOn: data.rejectedOn,
            outcome: outcomeOf(data.outcome),
          },
        },
      ],
      sample: { decisionId: DECISION, groupId: GROUP, rejectedOn: '2019-02-25', outcome: { kind: 'consensus' } },
    }),
    DecisionAmended: mapping<DecisionAmended['data']>()({
      fields: ['decisionId', 'groupId', 'amendedOn'],
      produces: [decisionAmendedV1],
      map: ({ data }) => [
        {
          type: decisionAmendedV1.type,
          data: { decisionId: data.decisionId, groupId: data.groupId, amendedOn: data.amendedOn },
        },
      ],
      sample: {
        decisionId: DECISION,
        groupId: GROUP,
        amendedOn: '2019-06-03',
        text: 'nowa treść',
        reason: 'wniosek p. Nowak',
      },
    }),
    DecisionRevoked: mapping<DecisionRevoked['data']>()({
      fields: ['decisionId', 'groupId', 'revokedOn'],
      produces: [decisionRevokedV1],
      map: ({ data }) => [
        {
          type: decisionRevokedV1.type,
          data: { decisionId: data.decisionId, groupId: data.groupId, revokedOn: data.revokedOn },
        },
      ],
      sample: { decisionId: DECISION, groupId: GROUP, revokedOn: '2020-01-15', reason: 'nieaktualna' },
    }),
    DecisionRecordCorrected: mapping<DecisionRecordCorrected['data']>()({
      fields: ['decisionId', 'groupId', 'decidedOn', 'effectiveOn', 'outcome'],
      produces: [decisionRecordCorrectedV1],
      // A correction of the subject or the text alone changes nothing published.
      map: ({ data }) => {
        const changed = {
          ...(data.decidedOn !== undefined ? { decidedOn: data.decidedOn } : {}),
          ...(data.effectiveOn !== undefined ? { effectiveOn: data.effectiveOn } : {}),
          ...(data.outcome !== undefined ? { outcome: outcomeOf(data.outcome) } : {}),
        };
        return Object.keys(changed).length
          ? [
              {
                type: decisionRecordCorrectedV1.type,
                data: { decisionId: data.decisionId, groupId: data.groupId, ...changed },
              },
            ]
          : [];
      },
      sample: {
        decisionId: DECISION,
        groupId: GROUP,
        subject: 'Poprawiony temat',
        outcome: { kind: 'vote', for: 11, against: 2, abstaining: 2 },
        reason: 'błąd w protokole',
      },
    }),
  });
}
