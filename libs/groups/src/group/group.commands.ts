import type { Command, ProjectPeriod } from '@kooperacja/platform';
import type { GroupKind, GroupLevel, LeaveReason, MemberRole, Sector } from '../contracts/catalogues';
import type { Attendance } from './group.events';

/*
 * `*Input` is what a caller (a controller) sends; the handler adds the facts the decider
 * needs from elsewhere: the business date, the project period, the tenant's voivodeships and
 * the editor's voivodeship limit. Inputs are checked at run time: they come from JSON.
 */

/** Looked up by the handler, never sent by a client. */
export interface ExternalFacts {
  /** Business date of the fact (ISO date or date-time). */
  readonly occurredAt: string;
  readonly period: ProjectPeriod | null;
  readonly allowedVoivodeships?: readonly string[];
}

export interface ConveneGroupInput {
  readonly groupId: string;
  readonly kind: GroupKind;
  readonly label?: string;
  readonly level: GroupLevel;
  readonly territory: string;
  readonly name: string;
}

export interface JoinMemberInput {
  readonly personId: string;
  readonly fullName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly institution?: string;
  readonly sector?: Sector;
  readonly caseId?: string;
  readonly role: MemberRole;
}

export interface LeaveGroupInput {
  readonly personId: string;
  readonly reason: LeaveReason;
  readonly note?: string;
}

export interface ChangeMemberRoleInput {
  readonly personId: string;
  readonly role: MemberRole;
}

export interface HoldMeetingInput {
  readonly meetingId: string;
  readonly days: number;
  readonly attendance: Attendance;
  readonly clientPresent?: boolean;
}

export interface CorrectGroupDetailsInput {
  readonly name?: string;
  readonly kind?: GroupKind;
  readonly label?: string | null;
  readonly level?: GroupLevel;
  readonly territory?: string;
  readonly convenedOn?: string;
  readonly reason: string;
}

export interface CorrectMemberDetailsInput {
  readonly personId: string;
  /** Joining date as recorded: which of the person's memberships is meant. */
  readonly membershipJoinedOn: string;
  readonly fullName?: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly institution?: string;
  readonly sector?: Sector;
  readonly joinedOn?: string;
  readonly reason: string;
}

export interface CorrectMeetingInput {
  readonly meetingId: string;
  readonly heldOn?: string;
  readonly days?: number;
  readonly attendance?: Attendance;
  readonly clientPresent?: boolean | null;
  readonly reason: string;
}

export type ConveneGroup = Command<
  'ConveneGroup',
  ConveneGroupInput & ExternalFacts & { readonly tenantVoivodeships: readonly string[] | null }
>;
export type JoinMember = Command<'JoinMember', JoinMemberInput & ExternalFacts>;
export type LeaveGroup = Command<'LeaveGroup', LeaveGroupInput & ExternalFacts>;
export type ChangeMemberRole = Command<'ChangeMemberRole', ChangeMemberRoleInput & ExternalFacts>;
export type HoldMeeting = Command<'HoldMeeting', HoldMeetingInput & ExternalFacts>;
export type DissolveGroup = Command<'DissolveGroup', ExternalFacts>;
/** A correction's own `occurredAt` is when it was made; the dates it sets are checked instead. */
export type CorrectGroupDetails = Command<
  'CorrectGroupDetails',
  CorrectGroupDetailsInput & ExternalFacts & { readonly tenantVoivodeships: readonly string[] | null }
>;
export type CorrectMemberDetails = Command<'CorrectMemberDetails', CorrectMemberDetailsInput & ExternalFacts>;
export type CorrectMeeting = Command<'CorrectMeeting', CorrectMeetingInput & ExternalFacts>;

export type GroupCommand =
  | ConveneGroup
  | JoinMember
  | LeaveGroup
  | ChangeMemberRole
  | HoldMeeting
  | DissolveGroup
  | CorrectGroupDetails
  | CorrectMemberDetails
  | CorrectMeeting;
