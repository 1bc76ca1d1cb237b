/** How a body reached its decision. */
export type DecisionOutcome =
  | { readonly kind: 'consensus' }
  | { readonly kind: 'vote'; readonly for: number; readonly against: number; readonly abstaining: number };

export const decisionStatuses = ['proposed', 'adopted', 'rejected', 'revoked'] as const;
export type DecisionStatus = (typeof decisionStatuses)[number];

export interface DecisionAmendment {
  readonly amendedOn: string;
  readonly text: string;
  readonly reason: string;
}

/** A decision of a body as its record stands now. */
export interface DecisionView {
  readonly status: DecisionStatus;
  readonly decisionId: string;
  /** The body (a group of the groups context) that decides. */
  readonly groupId: string;
  readonly subject: string;
  /** The text in force: the proposal's, or the latest amendment's. */
  readonly text: string;
  readonly proposedOn: string;
  /** Day of adoption or rejection. */
  readonly decidedOn?: string;
  readonly outcome?: DecisionOutcome;
  /** Adopted decisions only: from when the decision applies. */
  readonly effectiveOn?: string;
  readonly amendments: readonly DecisionAmendment[];
  readonly revokedOn?: string;
  readonly revocationReason?: string;
}
