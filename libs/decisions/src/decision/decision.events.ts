import type { DomainEvent } from '@kooperacja/platform';
import type { DecisionOutcome } from '../contracts/read-model';

export type DecisionProposed = DomainEvent<
  'DecisionProposed',
  { decisionId: string; groupId: string; subject: string; text: string; proposedOn: string }
>;

export type DecisionAdopted = DomainEvent<
  'DecisionAdopted',
  { decisionId: string; groupId: string; adoptedOn: string; effectiveOn: string; outcome: DecisionOutcome }
>;

export type DecisionRejected = DomainEvent<
  'DecisionRejected',
  { decisionId: string; groupId: string; rejectedOn: string; outcome: DecisionOutcome }
>;

/** The body changed the text (of a proposal, or of an adopted decision). */
export type DecisionAmended = DomainEvent<
  'DecisionAmended',
  { decisionId: string; groupId: string; amendedOn: string; text: string; reason: string }
>;

export type DecisionRevoked = DomainEvent<
  'DecisionRevoked',
  { decisionId: string; groupId: string; revokedOn: string; reason: string }
>;

/**
 * The record was wrong (a typo in the subject, votes miscounted, a wrong date); the body did
 * nothing. Only the fields given change. `text` replaces the text in force.
 */
export type DecisionRecordCorrected = DomainEvent<
  'DecisionRecordCorrected',
  {
    decisionId: string;
    groupId: string;
    subject?: string;
    text?: string;
    decidedOn?: string;
    effectiveOn?: string;
    outcome?: DecisionOutcome;
    reason: string;
  }
>;

export type DecisionEvent =
  DecisionProposed | DecisionAdopted | DecisionRejected | DecisionAmended | DecisionRevoked | DecisionRecordCorrected;
