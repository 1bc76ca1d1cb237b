import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../shared/numeric';
import { SITE_PROGRESS_TABLE } from './site-progress.projection';

/** Pilot progress of one site (TERYT), over the reader view. */
@Entity({ name: SITE_PROGRESS_TABLE, synchronize: false })
export class PilotSiteProgressRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  teryt!: string;

  @Column({ type: 'text' })
  voivodeship!: string;

  @Column({ name: 'cases_enrolled', type: 'int' })
  casesEnrolled!: number;

  @Column({ name: 'cases_active', type: 'int' })
  casesActive!: number;

  @Column({ name: 'cases_closed', type: 'int' })
  casesClosed!: number;

  @Column({ name: 'plans_agreed', type: 'int' })
  plansAgreed!: number;

  @Column({ name: 'plans_completed', type: 'int' })
  plansCompleted!: number;

  @Column({ name: 'plans_success', type: 'int' })
  plansSuccess!: number;

  @Column({ name: 'plans_partial', type: 'int' })
  plansPartial!: number;

  @Column({ name: 'plans_failure', type: 'int' })
  plansFailure!: number;

  @Column({ name: 'case_team_meetings', type: 'int' })
  caseTeamMeetings!: number;

  @Column({ name: 'support_hours', type: 'numeric', transformer: numericColumn })
  supportHours!: number;

  @Column({ name: 'coaching_sessions', type: 'int' })
  coachingSessions!: number;

  @Column({ name: 'coaching_hours', type: 'numeric', transformer: numericColumn })
  coachingHours!: number;

  @Column({ name: 'coaching_participants', type: 'int' })
  coachingParticipants!: number;

  @Column({ name: 'supervision_sessions', type: 'int' })
  supervisionSessions!: number;

  @Column({ name: 'supervision_hours', type: 'numeric', transformer: numericColumn })
  supervisionHours!: number;

  @Column({ name: 'supervision_participants', type: 'int' })
  supervisionParticipants!: number;

  @Column({ name: 'training_sessions', type: 'int' })
  trainingSessions!: number;

  @Column({ name: 'training_hours', type: 'numeric', transformer: numericColumn })
  trainingHours!: number;

  @Column({ name: 'training_participants', type: 'int' })
  trainingParticipants!: number;

  @Column({ name: 'last_report_on', type: 'date', nullable: true })
  lastReportOn!: string | null;

  @Column({ name: 'last_report_period_start', type: 'date', nullable: true })
  lastReportPeriodStart!: string | null;

  @Column({ name: 'last_report_period_end', type: 'date', nullable: true })
  lastReportPeriodEnd!: string | null;

  @Column({ name: 'last_report_families_enrolled', type: 'int', nullable: true })
  lastReportFamiliesEnrolled!: number | null;

  @Column({ name: 'last_report_plans_completed', type: 'int', nullable: true })
  lastReportPlansCompleted!: number | null;

  @Column({ name: 'last_report_successes', type: 'int', nullable: true })
  lastReportSuccesses!: number | null;

  @Column({ name: 'last_recorded_at', type: 'timestamptz' })
  lastRecordedAt!: Date;
}
