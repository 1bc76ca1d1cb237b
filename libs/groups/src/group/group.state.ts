import type { GroupKind, GroupLevel, LeaveReason, MemberRole, Sector } from '../contracts/catalogues';
import type { Attendance, GroupEvent } from './group.events';

export interface GroupDetails {
  readonly groupId: string;
  readonly kind: GroupKind;
  readonly label?: string;
  readonly level: GroupLevel;
  readonly territory: string;
  readonly voivodeship: string;
  readonly name: string;
  readonly convenedOn: string;
}

/** A role held from a date until the next spell or the end of the membership. */
export interface RoleSpell {
  readonly role: MemberRole;
  readonly from: string;
}

/** One continuous membership; a person who leaves and comes back has two. */
export interface Membership {
  readonly personId: string;
  readonly fullName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly institution?: string;
  readonly sector?: Sector;
  readonly caseId?: string;
  readonly joinedOn: string;
  /** Last day of membership, inclusive. */
  readonly leftOn?: string;
  readonly leaveReason?: LeaveReason;
  /** Sorted by `from`; the first starts on `joinedOn`. */
  readonly roles: readonly RoleSpell[];
}

export interface Meeting {
  readonly meetingId: string;
  readonly heldOn: string;
  readonly days: number;
  readonly attendance: Attendance;
  readonly clientPresent?: boolean;
}

export interface ExistingGroup {
  readonly status: 'convened' | 'dissolved';
  readonly details: GroupDetails;
  readonly memberships: readonly Membership[];
  readonly meetings: readonly Meeting[];
  /** Last day the body existed, inclusive. */
  readonly dissolvedOn?: string;
}

export type GroupState = { readonly status: 'none' } | ExistingGroup;

export const initialGroupState = (): GroupState => ({ status: 'none' });

export function evolveGroup(state: GroupState, event: GroupEvent): GroupState {
  if (event.type === 'GroupConvened') {
    const { groupId, kind, label, level, territory, voivodeship, name, convenedOn } = event.data;
    return {
      status: 'convened',
      details: { groupId, kind, ...(label ? { label } : {}), level, territory, voivodeship, name, convenedOn },
      memberships: [],
      meetings: [],
    };
  }
  if (state.status === 'none') return state;

  switch (event.type) {
    case 'MemberJoined': {
      const { groupId: _groupId, role, ...member } = event.data;
      return {
        ...state,
        memberships: [...state.memberships, { ...member, roles: [{ role, from: member.joinedOn }] }],
      };
    }
    case 'MemberLeft': {
      const { personId, leftOn, reason } = event.data;
      return updateMembership(
        state,
        (m) => m.personId === personId && m.leftOn === undefined,
        (m) => ({
          ...m,
          leftOn,
          leaveReason: reason,
        }),
      );
    }
    case 'MemberRoleChanged': {
      const { personId, role, changedOn } = event.data;
      return updateMembership(
        state,
        (m) => m.personId === personId && covers(m, changedOn),
        (m) => ({ ...m, roles: [...m.roles, { role, from: changedOn }].sort((a, b) => compare(a.from, b.from)) }),
      );
    }
    case 'MeetingHeld': {
      const { groupId: _groupId, ...meeting } = event.data;
      return { ...state, meetings: [...state.meetings, meeting] };
    }
    case 'GroupDissolved':
      return { ...state, status: 'dissolved', dissolvedOn: event.data.dissolvedOn };
    case 'GroupDetailsCorrected': {
      const { groupId: _groupId, reason: _reason, label, ...changes } = event.data;
      const details: GroupDetails = { ...state.details, ...changes };
      if (label === null) {
        const { label: _removed, ...rest } = details;
        return { ...state, details: rest };
      }
      return { ...state, details: label === undefined ? details : { ...details, label } };
    }
    case 'MemberDetailsCorrected': {
      const { personId, membershipJoinedOn, joinedOn, email, phone, fullName, institution, sector } = event.data;
      return updateMembership(
        state,
        (m) => m.personId === personId && m.joinedOn === membershipJoinedOn,
        (m) => {
          let next: Membership = {
            ...m,
            ...(fullName !== undefined ? { fullName } : {}),
            ...(institution !== undefined ? { institution } : {}),
            ...(sector !== undefined ? { sector } : {}),
            ...(email ? { email } : {}),
            ...(phone ? { phone } : {}),
          };
          if (email === null) next = omit(next, 'email');
          if (phone === null) next = omit(next, 'phone');
          if (joinedOn !== undefined) {
            next = { ...next, joinedOn, roles: [{ ...next.roles[0], from: joinedOn }, ...next.roles.slice(1)] };
          }
          return next;
        },
      );
    }
    case 'MeetingCorrected': {
      const { meetingId, heldOn, days, attendance, clientPresent } = event.data;
      return {
        ...state,
        meetings: state.meetings.map((m) => {
          if (m.meetingId !== meetingId) return m;
          const next: Meeting = {
            ...m,
            ...(heldOn !== undefined ? { heldOn } : {}),
            ...(days !== undefined ? { days } : {}),
            ...(attendance !== undefined ? { attendance } : {}),
            ...(typeof clientPresent === 'boolean' ? { clientPresent } : {}),
          };
          return clientPresent === null ? omit(next, 'clientPresent') : next;
        }),
      };
    }
  }
}

/** True when the membership includes `day` (both ends inclusive). */
export function covers(m: Membership, day: string): boolean {
  return m.joinedOn <= day && (m.leftOn === undefined || day <= m.leftOn);
}

/** The role a member held on `day` (the latest spell starting on or before it). */
export function roleOn(m: Membership, day: string): MemberRole {
  let role = m.roles[0].role;
  for (const spell of m.roles) if (spell.from <= day) role = spell.role;
  return role;
}

export function isClient(m: Membership): boolean {
  return m.roles.some((r) => r.role === 'client');
}

function updateMembership(
  state: ExistingGroup,
  match: (m: Membership) => boolean,
  change: (m: Membership) => Membership,
): ExistingGroup {
  return { ...state, memberships: state.memberships.map((m) => (match(m) ? change(m) : m)) };
}

function omit<T extends object, K extends keyof T>(value: T, key: K): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
