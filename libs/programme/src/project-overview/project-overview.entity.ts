import { Column, Entity, PrimaryColumn } from 'typeorm';

// Mapped onto the reader views the projection keeps (never synchronised: the projection owns the
// DDL). bigint amounts come back as strings of grosze, which is the API's form for money.

@Entity({ name: 'rm_programme_overview', synchronize: false })
export class ProgrammeOverviewRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'project_title', type: 'text' })
  projectTitle!: string;

  @Column({ name: 'lead_partner_id', type: 'text' })
  leadPartnerId!: string;

  @Column({ name: 'established_on', type: 'date' })
  establishedOn!: string;

  @Column({ name: 'planned_start', type: 'date' })
  plannedStart!: string;

  @Column({ name: 'planned_end', type: 'date' })
  plannedEnd!: string;

  @Column({ name: 'current_start', type: 'date' })
  currentStart!: string;

  @Column({ name: 'current_end', type: 'date' })
  currentEnd!: string;

  @Column({ name: 'planned_total_grosze', type: 'bigint', nullable: true })
  plannedTotalGrosze!: string | null;

  @Column({ name: 'planned_eu_share_grosze', type: 'bigint', nullable: true })
  plannedEuShareGrosze!: string | null;

  @Column({ name: 'planned_targeted_grant_grosze', type: 'bigint', nullable: true })
  plannedTargetedGrantGrosze!: string | null;

  @Column({ name: 'current_total_grosze', type: 'bigint', nullable: true })
  currentTotalGrosze!: string | null;

  @Column({ name: 'current_eu_share_grosze', type: 'bigint', nullable: true })
  currentEuShareGrosze!: string | null;

  @Column({ name: 'current_targeted_grant_grosze', type: 'bigint', nullable: true })
  currentTargetedGrantGrosze!: string | null;

  @Column({ name: 'budget_amendments', type: 'integer' })
  budgetAmendments!: number;

  @Column({ name: 'schedule_amendments', type: 'integer' })
  scheduleAmendments!: number;

  @Column({ name: 'partners', type: 'integer' })
  partners!: number;

  @Column({ name: 'partner_ids', type: 'text', array: true })
  partnerIds!: string[];

  @Column({ name: 'indicator_targets', type: 'jsonb' })
  indicatorTargets!: Record<string, { value: number; unit: string; setOn: string; source: string }>;

  @Column({ name: 'milestones_completed', type: 'integer', array: true })
  milestonesCompleted!: number[];

  @Column({ name: 'last_milestone_on', type: 'date', nullable: true })
  lastMilestoneOn!: string | null;

  @Column({ name: 'model_versions_approved', type: 'integer' })
  modelVersionsApproved!: number;

  @Column({ name: 'latest_model_version', type: 'text', nullable: true })
  latestModelVersion!: string | null;

  @Column({ name: 'latest_model_approved_on', type: 'date', nullable: true })
  latestModelApprovedOn!: string | null;

  @Column({ name: 'latest_ministry_opinion', type: 'text', nullable: true })
  latestMinistryOpinion!: string | null;

  @Column({ name: 'corrections', type: 'integer' })
  corrections!: number;

  @Column({ name: 'revision', type: 'integer' })
  revision!: number;

  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt!: Date;
}

@Entity({ name: 'rm_programme_amendments', synchronize: false })
export class ProgrammeAmendmentRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column({ name: 'revision', type: 'integer' })
  revision!: number;

  @Column({ name: 'kind', type: 'text' })
  kind!: 'budget' | 'schedule';

  @Column({ name: 'amended_on', type: 'date' })
  amendedOn!: string;

  @Column({ name: 'source', type: 'text' })
  source!: string;

  @Column({ name: 'total_grosze', type: 'bigint', nullable: true })
  totalGrosze!: string | null;

  @Column({ name: 'eu_share_grosze', type: 'bigint', nullable: true })
  euShareGrosze!: string | null;

  @Column({ name: 'targeted_grant_grosze', type: 'bigint', nullable: true })
  targetedGrantGrosze!: string | null;

  @Column({ name: 'period_start', type: 'date', nullable: true })
  periodStart!: string | null;

  @Column({ name: 'period_end', type: 'date', nullable: true })
  periodEnd!: string | null;

  @Column({ name: 'status', type: 'text' })
  status!: 'recorded' | 'corrected' | 'voided';

  @Column({ name: 'correction_reason', type: 'text', nullable: true })
  correctionReason!: string | null;

  @Column({ name: 'corrected_on', type: 'date', nullable: true })
  correctedOn!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}

export const projectOverviewEntities = [ProgrammeOverviewRow, ProgrammeAmendmentRow];
