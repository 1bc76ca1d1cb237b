import type { DomainEvent } from '@kooperacja/platform';
import type { GroupKind, GroupLevel, LeaveReason, MemberRole, Sector } from '../contracts/catalogues';

/** Who attended a meeting: the members present by id, or only how many people came. */
export type Attendance =
  | { readonly kind: 'members'; readonly personIds: readonly string[] }
  | { readonly kind: 'headcount'; readonly headcount: number };

export type GroupConvened = DomainEvent<
  'GroupConvened',
  {
    groupId: string;
    kind: GroupKind;
    /** Only for kind 'other': what the body is called in the region. */
    label?: string;
    level: GroupLevel;
    /** TERYT code (gmina: 7 digits, powiat: 4) or, at voivodeship level, the voivodeship's name. */
    territory: string;
    /** Derived from the territory: lets a tenant editor's voivodeship limit apply. */
    voivodeship: string;
    name: string;
    convenedOn: string;
  }
>;

/**
 * A professional joins with a name and an institution; a client (ZZK) joins under a
 * pseudonymous personId only, optionally linked to a pilot case id, with no personal fields.
 */
export type MemberJoined = DomainEvent<
  'MemberJoined',
  {
    groupId: string;
    personId: string;
    fullName?: string;
    email?: string;
    phone?: string;
    institution?: string;
    sector?: Sector;
    caseId?: string;
    role: MemberRole;
    joinedOn: string;
  }
>;

/** `leftOn` is the last day the person was a member. */
export type MemberLeft = DomainEvent<
  'MemberLeft',
  { groupId: string; personId: string; leftOn: string; reason: LeaveReason; note?: string }
>;

export type MemberRoleChanged = DomainEvent<
  'MemberRoleChanged',
  { groupId: string; personId: string; role: MemberRole; previousRole: MemberRole; changedOn: string }
>;

export type MeetingHeld = DomainEvent<
  'MeetingHeld',
  {
    groupId: string;
    meetingId: string;
    heldOn: string;
    days: number;
    attendance: Attendance;
    /** Case teams only: whether the person or family supported took part. */
    clientPresent?: boolean;
  }
>;

/** `dissolvedOn` is the last day the body existed. */
export type GroupDissolved = DomainEvent<'GroupDissolved', { groupId: string; dissolvedOn: string }>;

/** Fixes facts of the convening recorded wrongly. Only the fields given change; `label: null` removes it. */
export type GroupDetailsCorrected = DomainEvent<
  'GroupDetailsCorrected',
  {
    groupId: string;
    name?: string;
    kind?: GroupKind;
    label?: string | null;
    level?: GroupLevel;
    territory?: string;
    voivodeship?: string;
    convenedOn?: string;
    reason: string;
  }
>;

/**
 * Fixes a membership recorded wrongly, found by the person and the joining date as recorded.
 * `email: null` / `phone: null` remove a value that should never have been recorded.
 */
export type MemberDetailsCorrected = DomainEvent<
  'MemberDetailsCorrected',
  {
    groupId: string;
    personId: string;
    membershipJoinedOn: string;
    fullName?: string;
    email?: string | null;
    phone?: string | null;
    institution?: string;
    sector?: Sector;
    joinedOn?: string;
    reason: string;
  }
>;

/** Fixes a meeting recorded wrongly. `clientPresent: null` removes the flag. */
export type MeetingCorrected = DomainEvent<
  'MeetingCorrected',
  {
    groupId: string;
    meetingId: string;
    heldOn?: string;
    days?: number;
    attendance?: Attendance;
    clientPresent?: boolean | null;
    reason: string;
  }
>;

export type GroupEvent =
  | GroupConvened
  | MemberJoined
  | MemberLeft
  | MemberRoleChanged
  | MeetingHeld
  | GroupDissolved
  | GroupDetailsCorrected
  | MemberDetailsCorrected
  | MeetingCorrected;
