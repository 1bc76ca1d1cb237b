import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseCloseReason, CaseUnit, PlanOutcome, PlanType } from '../contracts/vocabulary';
import { numericColumn } from '../shared/numeric';
import { CASES_TABLE } from './cases-and-plans.projection';

/** One pilot case (pseudonymous) and its latest individual plan, over the reader view. */
@Entity({ name: CASES_TABLE, synchronize: false })
export class PilotCaseRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'case_id', type: 'text' })
  caseId!: string;

  @Column({ name: 'site_teryt', type: 'text' })
  siteTeryt!: string;

  @Column({ type: 'text' })
  voivodeship!: string;

  @Column({ name: 'case_unit', type: 'text' })
  caseUnit!: CaseUnit;

  @Column({ name: 'household_size', type: 'int' })
  householdSize!: number;

  @Column({ type: 'text' })
  status!: 'open' | 'closed';

  @Column({ name: 'plan_type', type: 'text', nullable: true })
  planType!: PlanType | null;

  @Column({ type: 'int' })
  plans!: number;

  @Column({ name: 'enrolled_on', type: 'date' })
  enrolledOn!: string;

  @Column({ name: 'diagnosed_on', type: 'date', nullable: true })
  diagnosedOn!: string | null;

  @Column({ name: 'plan_agreed_on', type: 'date', nullable: true })
  planAgreedOn!: string | null;

  @Column({ name: 'first_meeting_on', type: 'date', nullable: true })
  firstMeetingOn!: string | null;

  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;

  @Column({ name: 'closed_on', type: 'date', nullable: true })
  closedOn!: string | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: CaseCloseReason | null;

  @Column({ type: 'int' })
  meetings!: number;

  @Column({ name: 'meetings_with_client', type: 'int' })
  meetingsWithClient!: number;

  @Column({ name: 'support_hours', type: 'numeric', transformer: numericColumn })
  supportHours!: number;

  @Column({ type: 'text', nullable: true })
  outcome!: PlanOutcome | null;

  @Column({ type: 'int' })
  corrections!: number;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt!: Date;
}
