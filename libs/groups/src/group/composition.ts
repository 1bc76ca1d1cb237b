import type { MemberAtDate } from '../contracts/read-model';
import { covers, roleOn, type GroupState, type Membership } from './group.state';

/**
 * Who sat in the body on `date` (an ISO date or date-time; only the day counts), with the
 * role each held that day. Joining and leaving days both count as days of membership;
 * after the dissolution day the body has no members. Ordered by joining date, then personId.
 */
export function compositionAt(state: GroupState, date: string): MemberAtDate[] {
  const day = date.slice(0, 10);
  if (state.status === 'none' || day < state.details.convenedOn) return [];
  if (state.dissolvedOn !== undefined && day > state.dissolvedOn) return [];
  return state.memberships
    .filter((m) => covers(m, day))
    .map((m) => memberOn(m, day))
    .sort((a, b) => (a.joinedOn === b.joinedOn ? cmp(a.personId, b.personId) : cmp(a.joinedOn, b.joinedOn)));
}

function memberOn(m: Membership, day: string): MemberAtDate {
  const { roles: _roles, leaveReason: _reason, ...member } = m;
  return { ...member, role: roleOn(m, day) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
