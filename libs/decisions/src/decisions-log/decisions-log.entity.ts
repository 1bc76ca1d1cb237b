import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DecisionAmendment, DecisionStatus } from '../contracts/read-model';

/*
 * Mapped onto the reader views the decisions-log projection keeps (never synchronised: the
 * projection owns the DDL). Read them inside `inTenant`.
 */

@Entity({ name: 'rm_decisions', synchronize: false })
export class DecisionRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @Column({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  status!: DecisionStatus;

  @Column({ name: 'proposed_on', type: 'date' })
  proposedOn!: string;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn!: string | null;

  @Column({ name: 'revoked_on', type: 'date', nullable: true })
  revokedOn!: string | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason!: string | null;

  /** The decision's day, or the proposal's while undecided: what the log sorts and filters by. */
  @Column({ name: 'decision_date', type: 'date' })
  decisionDate!: string;

  @Column({ name: 'outcome_kind', type: 'text', nullable: true })
  outcomeKind!: 'consensus' | 'vote' | null;

  @Column({ name: 'votes_for', type: 'int', nullable: true })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'int', nullable: true })
  votesAgainst!: number | null;

  @Column({ name: 'votes_abstaining', type: 'int', nullable: true })
  votesAbstaining!: number | null;

  @Column({ type: 'jsonb' })
  amendments!: DecisionAmendment[];

  @Column({ name: 'amendment_count', type: 'int' })
  amendmentCount!: number;

  @Column({ type: 'int' })
  revision!: number;
}

/** A deciding body as the groups context's events describe it. */
@Entity({ name: 'rm_decision_bodies', synchronize: false })
export class DecisionBodyRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  kind!: string | null;

  @Column({ type: 'text', nullable: true })
  level!: string | null;

  @Column({ type: 'text', nullable: true })
  voivodeship!: string | null;

  @Column({ type: 'int' })
  revision!: number;
}

export const decisionsLogEntities = [DecisionRow, DecisionBodyRow];
