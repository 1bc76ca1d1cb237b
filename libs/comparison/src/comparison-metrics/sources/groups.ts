import { createHash } from 'node:crypto';
import type { GroupEvent, GroupKind } from '@kooperacja/groups';
import { addDays, dayOf } from '../days';
import { delta, span, type Delta } from '../deltas';
import { METRIC } from '../metrics';

/**
 * One membership, without anything personal: the pseudonymous person id (to find the
 * membership again), its days, whether it is a client, and the institution as a key.
 */
export interface MembershipMark {
  readonly personId: string;
  readonly joinedOn: string;
  /** Last day (inclusive). */
  readonly leftOn?: string;
  readonly client?: true;
  readonly institution?: string;
  readonly sector?: string;
}

export interface GroupEntity {
  readonly t: 'group';
  readonly kind: GroupKind;
  readonly convenedOn: string;
  /** Last day (inclusive). */
  readonly dissolvedOn?: string;
  readonly members: readonly MembershipMark[];
  readonly meetings: Readonly<Record<string, { readonly on: string; readonly days: number }>>;
}

/**
 * An institution is named in free text on each membership. The comparison counts distinct
 * institutions, so it keys them by a digest of the name with case, spacing and quotes evened
 * out, and never keeps the name itself.
 */
export function institutionKey(name: string): string {
  const normal = name
    .normalize('NFC')
    .toLocaleLowerCase('pl')
    .replace(/["'„”“«»]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[\s.]+$/, '')
    .trim();
  return createHash('sha256').update(normal).digest('base64url').slice(0, 22);
}

/** The group state before its convening is known (events of a stream always start with it). */
export function evolveGroup(state: GroupEntity | null, event: GroupEvent): GroupEntity | null {
  if (event.type === 'GroupConvened') {
    return { t: 'group', kind: event.data.kind, convenedOn: dayOf(event.data.convenedOn), members: [], meetings: {} };
  }
  if (!state) return null;
  switch (event.type) {
    case 'MemberJoined': {
      const d = event.data;
      const mark: MembershipMark = {
        personId: d.personId.toLowerCase(),
        joinedOn: dayOf(d.joinedOn),
        ...(d.role === 'client' ? { client: true as const } : {}),
        ...(d.institution ? { institution: institutionKey(d.institution) } : {}),
        ...(d.sector ? { sector: d.sector } : {}),
      };
      return { ...state, members: [...state.members, mark] };
    }
    case 'MemberLeft': {
      const personId = event.data.personId.toLowerCase();
      let done = false;
      const members = state.members.map((m) => {
        if (done || m.personId !== personId || m.leftOn !== undefined) return m;
        done = true;
        return { ...m, leftOn: dayOf(event.data.leftOn) };
      });
      return { ...state, members };
    }
    case 'MeetingHeld':
      return {
        ...state,
        meetings: {
          ...state.meetings,
          [event.data.meetingId]: { on: dayOf(event.data.heldOn), days: event.data.days },
        },
      };
    case 'GroupDissolved':
      return { ...state, dissolvedOn: dayOf(event.data.dissolvedOn) };
    case 'GroupDetailsCorrected':
      return {
        ...state,
        ...(event.data.kind ? { kind: event.data.kind } : {}),
        ...(event.data.convenedOn ? { convenedOn: dayOf(event.data.convenedOn) } : {}),
      };
    case 'MemberDetailsCorrected': {
      const d = event.data;
      const personId = d.personId.toLowerCase();
      const joinedOn = dayOf(d.membershipJoinedOn);
      let done = false;
      const members = state.members.map((m) => {
        if (done || m.personId !== personId || m.joinedOn !== joinedOn) return m;
        done = true;
        return {
          ...m,
          ...(d.joinedOn ? { joinedOn: dayOf(d.joinedOn) } : {}),
          ...(d.institution ? { institution: institutionKey(d.institution) } : {}),
          ...(d.sector ? { sector: d.sector } : {}),
        };
      });
      return { ...state, members };
    }
    case 'MeetingCorrected': {
      const d = event.data;
      const meeting = state.meetings[d.meetingId];
      if (!meeting) return state;
      return {
        ...state,
        meetings: {
          ...state.meetings,
          [d.meetingId]: { on: d.heldOn ? dayOf(d.heldOn) : meeting.on, days: d.days ?? meeting.days },
        },
      };
    }
    default:
      return state;
  }
}

/** Events after which the memberships' institutions or days may have changed. */
export const MEMBERSHIP_EVENTS: ReadonlySet<GroupEvent['type']> = new Set([
  'MemberJoined',
  'MemberLeft',
  'MemberDetailsCorrected',
  'GroupDissolved',
]);

/** The last day of a membership, bounded by the body's dissolution; null while it lasts. */
function lastDay(group: GroupEntity, m: MembershipMark): string | null {
  const ends = [m.leftOn, group.dissolvedOn].filter((d): d is string => d !== undefined).sort();
  return ends[0] ?? null;
}

export function groupContribution(group: GroupEntity | null): Delta[] {
  if (!group) return [];
  const out = span(
    METRIC.groups,
    group.kind,
    group.convenedOn,
    group.dissolvedOn ? addDays(group.dissolvedOn, 1) : null,
  );
  for (const m of group.members) {
    if (m.client) continue;
    const last = lastDay(group, m);
    out.push(...span(METRIC.groupMembers, group.kind, m.joinedOn, last ? addDays(last, 1) : null));
  }
  for (const meeting of Object.values(group.meetings)) {
    out.push(delta(METRIC.meetings, group.kind, meeting.on, 1, meeting.days * 100));
  }
  return out;
}

/** A stay of an institution in a body: first day, last day (null: still there), sector ('' unknown). */
export type Stay = readonly [from: string, to: string | null, sector: string];

/** The stays each institution has in this body, by institution key. */
export function institutionStays(group: GroupEntity | null): Map<string, Stay[]> {
  const out = new Map<string, Stay[]>();
  if (!group) return out;
  for (const m of group.members) {
    if (!m.institution) continue;
    const list = out.get(m.institution) ?? [];
    list.push([m.joinedOn, lastDay(group, m), m.sector ?? '']);
    out.set(m.institution, list);
  }
  for (const list of out.values()) list.sort(compareStays);
  return out;
}

/** An institution across the tenant's bodies: its stays by group id. */
export interface InstitutionEntity {
  readonly t: 'inst';
  readonly byGroup: Readonly<Record<string, readonly Stay[]>>;
}

export const newInstitution = (): InstitutionEntity => ({ t: 'inst', byGroup: {} });

export function withStays(state: InstitutionEntity, groupId: string, stays: readonly Stay[]): InstitutionEntity {
  const byGroup = { ...state.byGroup };
  if (stays.length) byGroup[groupId] = stays;
  else delete byGroup[groupId];
  return { t: 'inst', byGroup };
}

export function sameStays(a: readonly Stay[] | undefined, b: readonly Stay[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/** Counted while it has a member in some body: once overall, and once per sector of those members. */
export function institutionContribution(state: InstitutionEntity): Delta[] {
  const stays = Object.values(state.byGroup).flat();
  const out = union(stays).flatMap(([from, to]) => span(METRIC.institutions, '', from, to ? addDays(to, 1) : null));
  const sectors = [...new Set(stays.map((s) => s[2]).filter((s) => s !== ''))].sort();
  for (const sector of sectors) {
    for (const [from, to] of union(stays.filter((s) => s[2] === sector))) {
      out.push(...span(METRIC.institutionsBySector, sector, from, to ? addDays(to, 1) : null));
    }
  }
  return out;
}

/** Merges overlapping and adjoining stays into periods. */
export function union(stays: readonly Stay[]): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (const [from, to] of [...stays].sort(compareStays)) {
    const last = out[out.length - 1];
    if (last && (last[1] === null || from <= addDays(last[1], 1))) {
      if (last[1] !== null && (to === null || to > last[1])) last[1] = to;
    } else {
      out.push([from, to]);
    }
  }
  return out;
}

function compareStays(a: Stay, b: Stay): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  const [x, y] = [a[1] ?? '9999-12-31', b[1] ?? '9999-12-31'];
  if (x !== y) return x < y ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
