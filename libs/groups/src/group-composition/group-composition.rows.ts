import type { GroupKind, GroupLevel, LeaveReason, MemberRole, Sector } from '../contracts/catalogues';
import type { ExistingGroup, Meeting, Membership } from '../group/group.state';
import { Columns } from './group-composition.sql';

/*
 * A group's record as rows, and back. The rows hold all the state `evolve` needs except
 * personal data, so a batch can fold new events onto what the tables say.
 */

export interface GroupRowData {
  group_id: string;
  kind: GroupKind;
  label: string | null;
  level: GroupLevel;
  territory: string;
  voivodeship: string;
  name: string;
  convened_on: string;
  status: 'convened' | 'dissolved';
  dissolved_on: string | null;
  /** Revision of the last event of the group's stream applied, and that event's id. */
  revision: number;
  last_event_id: string;
}

export interface MembershipRowData {
  group_id: string;
  person_id: string;
  joined_on: string;
  spell: number;
  valid_from: string;
  valid_to: string | null;
  role: MemberRole;
  sector: Sector | null;
  institution: string | null;
  case_id: string | null;
  left_on: string | null;
  leave_reason: LeaveReason | null;
}

export interface MeetingRowData {
  group_id: string;
  meeting_id: string;
  seq: number;
  held_on: string;
  days: number;
  attendance_kind: 'members' | 'headcount';
  attendee_count: number;
  attendee_ids: string[] | null;
  client_present: boolean | null;
}

export const GROUP_COLUMNS = new Columns(
  `group_id uuid, kind text, label text, level text, territory text, voivodeship text, name text,
   convened_on date, status text, dissolved_on date, revision int, last_event_id uuid`,
);
export const MEMBERSHIP_COLUMNS = new Columns(
  `group_id uuid, person_id uuid, joined_on date, spell int, valid_from date, valid_to date,
   role text, sector text, institution text, case_id uuid, left_on date, leave_reason text`,
);
export const MEETING_COLUMNS = new Columns(
  `group_id uuid, meeting_id uuid, seq int, held_on date, days int, attendance_kind text,
   attendee_count int, attendee_ids uuid[], client_present boolean`,
);
export const MEMBERSHIP_KEY = ['group_id', 'person_id', 'joined_on', 'spell'] as const;
export const MEETING_KEY = ['group_id', 'meeting_id'] as const;

export function groupRowOf(state: ExistingGroup, revision: number, lastEventId: string): GroupRowData {
  const d = state.details;
  return {
    group_id: d.groupId,
    kind: d.kind,
    label: d.label ?? null,
    level: d.level,
    territory: d.territory,
    voivodeship: d.voivodeship,
    name: d.name,
    convened_on: d.convenedOn,
    status: state.status,
    dissolved_on: state.dissolvedOn ?? null,
    revision,
    last_event_id: lastEventId,
  };
}

/** One row per role spell: a spell lasts until the day before the next one, the last until leaving. */
export function intervalsOf(groupId: string, m: Membership): MembershipRowData[] {
  return m.roles.map((spell, i) => ({
    group_id: groupId,
    person_id: m.personId,
    joined_on: m.joinedOn,
    spell: i,
    valid_from: spell.from,
    valid_to: i + 1 < m.roles.length ? dayBefore(m.roles[i + 1].from) : (m.leftOn ?? null),
    role: spell.role,
    sector: m.sector ?? null,
    institution: m.institution ?? null,
    case_id: m.caseId ?? null,
    left_on: m.leftOn ?? null,
    leave_reason: m.leaveReason ?? null,
  }));
}

export function meetingRowOf(groupId: string, m: Meeting, seq: number): MeetingRowData {
  return {
    group_id: groupId,
    meeting_id: m.meetingId,
    seq,
    held_on: m.heldOn,
    days: m.days,
    attendance_kind: m.attendance.kind,
    attendee_count: m.attendance.kind === 'members' ? m.attendance.personIds.length : m.attendance.headcount,
    attendee_ids: m.attendance.kind === 'members' ? [...m.attendance.personIds] : null,
    client_present: m.clientPresent ?? null,
  };
}

export function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The group's state as its rows have it (without personal data). */
export function stateOf(
  g: GroupRowData,
  memberships: readonly MembershipRowData[],
  meetings: readonly MeetingRowData[],
): ExistingGroup {
  return {
    status: g.status,
    details: {
      groupId: g.group_id,
      kind: g.kind,
      ...(g.label !== null ? { label: g.label } : {}),
      level: g.level,
      territory: g.territory,
      voivodeship: g.voivodeship,
      name: g.name,
      convenedOn: g.convened_on,
    },
    ...(g.dissolved_on !== null ? { dissolvedOn: g.dissolved_on } : {}),
    memberships: membershipsOf(memberships),
    meetings: [...meetings].sort((a, b) => a.seq - b.seq).map(meetingOf),
  };
}

/** Rows ordered by joining day, person and spell, as the projection reads them. */
function membershipsOf(rows: readonly MembershipRowData[]): Membership[] {
  const out: Membership[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (r.spell > 0 && last && last.personId === r.person_id && last.joinedOn === r.joined_on) {
      out[out.length - 1] = { ...last, roles: [...last.roles, { role: r.role, from: r.valid_from }] };
      continue;
    }
    out.push({
      personId: r.person_id,
      ...(r.institution !== null ? { institution: r.institution } : {}),
      ...(r.sector !== null ? { sector: r.sector } : {}),
      ...(r.case_id !== null ? { caseId: r.case_id } : {}),
      joinedOn: r.joined_on,
      ...(r.left_on !== null ? { leftOn: r.left_on } : {}),
      ...(r.leave_reason !== null ? { leaveReason: r.leave_reason } : {}),
      roles: [{ role: r.role, from: r.valid_from }],
    });
  }
  return out;
}

function meetingOf(r: MeetingRowData): Meeting {
  return {
    meetingId: r.meeting_id,
    heldOn: r.held_on,
    days: r.days,
    attendance:
      r.attendance_kind === 'members'
        ? { kind: 'members', personIds: r.attendee_ids ?? [] }
        : { kind: 'headcount', headcount: r.attendee_count },
    ...(r.client_present !== null ? { clientPresent: r.client_present } : {}),
  };
}

/** Rows before and after, by primary key: the keys gone, and the rows new or different. */
export class RowDiff<R extends object> {
  private readonly gone = new Map<string, Partial<R>>();
  private readonly changed = new Map<string, R>();

  constructor(readonly key: readonly (keyof R & string)[]) {}

  diff(before: readonly R[], after: readonly R[]): void {
    const was = new Map(before.map((r) => [this.keyOf(r), JSON.stringify(r)]));
    for (const r of before) {
      this.gone.set(this.keyOf(r), Object.fromEntries(this.key.map((k) => [k, r[k]])) as Partial<R>);
    }
    for (const r of after) {
      const key = this.keyOf(r);
      this.gone.delete(key);
      if (was.get(key) !== JSON.stringify(r)) this.changed.set(key, r);
    }
  }

  removed(): Partial<R>[] {
    return [...this.gone.values()];
  }

  upserted(): R[] {
    return [...this.changed.values()];
  }

  private keyOf(r: R): string {
    return JSON.stringify(this.key.map((k) => r[k]));
  }
}

/**
 * Which rows a batch changes. `evolve` keeps every membership and meeting object an event does
 * not touch, so only the objects that are new (or gone) need turning into rows and comparing.
 */
export class GroupChanges {
  readonly groups: GroupRowData[] = [];
  readonly memberships = new RowDiff<MembershipRowData>([...MEMBERSHIP_KEY]);
  readonly meetings = new RowDiff<MeetingRowData>([...MEETING_KEY]);

  compare(before: ExistingGroup | undefined, after: ExistingGroup, revision: number, lastEventId: string): void {
    const id = after.details.groupId;
    this.groups.push(groupRowOf(after, revision, lastEventId));
    const kept = new Set(after.memberships);
    const had = new Set(before?.memberships ?? []);
    this.memberships.diff(
      (before?.memberships ?? []).filter((m) => !kept.has(m)).flatMap((m) => intervalsOf(id, m)),
      after.memberships.filter((m) => !had.has(m)).flatMap((m) => intervalsOf(id, m)),
    );
    const seqOf = (meetings: readonly Meeting[]) => new Map(meetings.map((m, i) => [m, i]));
    const meetingsBefore = seqOf(before?.meetings ?? []);
    const meetingsAfter = seqOf(after.meetings);
    this.meetings.diff(
      [...meetingsBefore].filter(([m]) => !meetingsAfter.has(m)).map(([m, seq]) => meetingRowOf(id, m, seq)),
      [...meetingsAfter]
        .filter(([m, seq]) => meetingsBefore.get(m) !== seq)
        .map(([m, seq]) => meetingRowOf(id, m, seq)),
    );
  }
}
