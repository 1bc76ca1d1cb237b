import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GroupKind, GroupLevel, LeaveReason, MemberRole, Sector } from '../contracts/catalogues';

/*
 * Mapped onto the reader views the group-composition projection keeps (never synchronised:
 * the projection owns the DDL). Read them inside `inTenant`: row-level security shows one
 * tenant's rows only.
 */

@Entity({ name: 'rm_groups', synchronize: false })
export class GroupRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @Column({ type: 'text' })
  kind!: GroupKind;

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Column({ type: 'text' })
  level!: GroupLevel;

  @Column({ type: 'text' })
  territory!: string;

  @Column({ type: 'text' })
  voivodeship!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'convened_on', type: 'date' })
  convenedOn!: string;

  @Column({ type: 'text' })
  status!: 'convened' | 'dissolved';

  @Column({ name: 'dissolved_on', type: 'date', nullable: true })
  dissolvedOn!: string | null;
}

/** One membership during one role spell, `validFrom`..`validTo` inclusive (null: still open). */
@Entity({ name: 'rm_group_memberships', synchronize: false })
export class MembershipIntervalRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @PrimaryColumn({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ type: 'text' })
  role!: MemberRole;

  @Column({ type: 'text', nullable: true })
  sector!: Sector | null;

  @Column({ type: 'text', nullable: true })
  institution!: string | null;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  @Column({ name: 'leave_reason', type: 'text', nullable: true })
  leaveReason!: LeaveReason | null;
}

/** A member's personal data (RODO): one row per person, so erasure deletes one row. */
@Entity({ name: 'rm_group_member_people', synchronize: false })
export class MemberPersonRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ name: 'full_name', type: 'text', nullable: true })
  fullName!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;
}

@Entity({ name: 'rm_group_meetings', synchronize: false })
export class MeetingRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'group_id', type: 'uuid' })
  groupId!: string;

  @PrimaryColumn({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  @Column({ type: 'int' })
  days!: number;

  @Column({ name: 'attendance_kind', type: 'text' })
  attendanceKind!: 'members' | 'headcount';

  @Column({ name: 'attendee_count', type: 'int' })
  attendeeCount!: number;

  @Column({ name: 'attendee_ids', type: 'uuid', array: true, nullable: true })
  attendeeIds!: string[] | null;

  @Column({ name: 'client_present', type: 'boolean', nullable: true })
  clientPresent!: boolean | null;
}

export const groupCompositionEntities = [GroupRow, MembershipIntervalRow, MemberPersonRow, MeetingRow];
