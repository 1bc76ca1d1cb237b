import type { Command, ProjectPeriod } from '@kooperacja/platform';
import type { BodyFacts } from '@kooperacja/groups';
import type { DecisionOutcome } from '../contracts/read-model';

/*
 * `*Input` is what a caller (a controller) sends; the handler adds the facts the decider
 * needs from elsewhere. Inputs are checked at run time: they come from JSON.
 */

/** Looked up by the handler, never sent by a client. */
export interface ExternalFacts {
  /** Business date of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  readonly period: ProjectPeriod | null;
  readonly allowedVoivodeships?: readonly string[];
  /**
   * The deciding body on the day that matters, from the groups context: the day of the fact,
   * or for a correction the day of the decision as corrected. Null when there is no such body.
   */
  readonly body: BodyFacts | null;
}

export interface ProposeDecisionInput {
  readonly decisionId: string;
  readonly groupId: string;
  readonly subject: string;
  readonly text: string;
}

export interface AdoptDecisionInput {
  readonly outcome: DecisionOutcome;
  /** From when the decision applies; the adoption day when left out. */
  readonly effectiveOn?: string;
}

export interface RejectDecisionInput {
  readonly outcome: DecisionOutcome;
}

export interface AmendDecisionInput {
  readonly text: string;
  readonly reason: string;
}

export interface RevokeDecisionInput {
  readonly reason: string;
}

export interface CorrectDecisionRecordInput {
  readonly subject?: string;
  readonly text?: string;
  readonly decidedOn?: string;
  readonly effectiveOn?: string;
  readonly outcome?: DecisionOutcome;
  readonly reason: string;
}

export type ProposeDecision = Command<'ProposeDecision', ProposeDecisionInput & ExternalFacts>;
export type AdoptDecision = Command<'AdoptDecision', AdoptDecisionInput & ExternalFacts>;
export type RejectDecision = Command<'RejectDecision', RejectDecisionInput & ExternalFacts>;
export type AmendDecision = Command<'AmendDecision', AmendDecisionInput & ExternalFacts>;
export type RevokeDecision = Command<'RevokeDecision', RevokeDecisionInput & ExternalFacts>;
/** A correction's own `occurredAt` is when it was made; the dates it sets are checked instead. */
export type CorrectDecisionRecord = Command<'CorrectDecisionRecord', CorrectDecisionRecordInput & ExternalFacts>;

export type DecisionCommand =
  ProposeDecision | AdoptDecision | RejectDecision | AmendDecision | RevokeDecision | CorrectDecisionRecord;
