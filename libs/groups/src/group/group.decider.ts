import { assertWithinPeriod, conflict, invalid, notFound, type Decider } from '@kooperacja/platform';
import {
  groupKindCatalogue,
  groupKinds,
  groupLevels,
  leaveReasons,
  memberRoles,
  sectors,
  type GroupKind,
  type GroupLevel,
} from '../contracts/catalogues';
import type {
  ChangeMemberRole,
  ConveneGroup,
  CorrectGroupDetails,
  CorrectMeeting,
  CorrectMemberDetails,
  DissolveGroup,
  ExternalFacts,
  GroupCommand,
  HoldMeeting,
  JoinMember,
  JoinMemberInput,
  LeaveGroup,
} from './group.commands';
import type {
  Attendance,
  GroupConvened,
  GroupDetailsCorrected,
  GroupDissolved,
  GroupEvent,
  MeetingCorrected,
  MeetingHeld,
  MemberDetailsCorrected,
  MemberJoined,
  MemberLeft,
  MemberRoleChanged,
} from './group.events';
import { firstInconsistency, lastFactDay, meetingInconsistency } from './group.invariants';
import {
  covers,
  evolveGroup,
  initialGroupState,
  isClient,
  roleOn,
  type ExistingGroup,
  type GroupDetails,
  type GroupState,
  type Meeting,
} from './group.state';
import { assertVoivodeshipAllowed, dayOf, email, isUuid, oneOf, phone, text, uuid } from './input';
import { parseTerritory } from './territory';

const PERSONAL_AND_INSTITUTION = ['fullName', 'email', 'phone', 'institution', 'sector'] as const;
const MAX_MEETING_DAYS = 31;

export const groupDecider: Decider<GroupState, GroupCommand, GroupEvent> = {
  initialState: initialGroupState,
  evolve: evolveGroup,
  decide(command, state) {
    switch (command.type) {
      case 'ConveneGroup':
        return [convene(command, state)];
      case 'JoinMember':
        return [join(command, state)];
      case 'LeaveGroup':
        return [leave(command, state)];
      case 'ChangeMemberRole':
        return [changeRole(command, state)];
      case 'HoldMeeting':
        return [holdMeeting(command, state)];
      case 'DissolveGroup':
        return [dissolve(command, state)];
      case 'CorrectGroupDetails':
        return [correctGroupDetails(command, state)];
      case 'CorrectMemberDetails':
        return [correctMemberDetails(command, state)];
      case 'CorrectMeeting':
        return [correctMeeting(command, state)];
    }
  },
};

function convene({ data }: ConveneGroup, state: GroupState): GroupConvened {
  if (state.status !== 'none') {
    throw conflict(
      'group.already-convened',
      `this group was already convened on ${state.details.convenedOn}`,
      'groupId',
    );
  }
  const groupId = uuid(data.groupId, 'groupId', 'group.id-invalid');
  const details = describeBody(data);
  assertInTenant(details.voivodeship, data.tenantVoivodeships);
  assertVoivodeshipAllowed(details.voivodeship, data.allowedVoivodeships);
  const convenedOn = factDay(data);
  return { type: 'GroupConvened', data: { groupId, ...details, convenedOn } };
}

function join({ data }: JoinMember, state: GroupState): MemberJoined {
  const group = active(state, data);
  const personId = uuid(data.personId, 'personId', 'member.person-id-invalid');
  const role = oneOf(data.role, memberRoles, 'role', 'member.role-unknown');
  const person = role === 'client' ? clientOf(group, data) : professionalOf(data);
  const joinedOn = factDay(data);
  if (joinedOn < group.details.convenedOn) {
    throw conflict(
      'member.joined-before-convening',
      `the body was convened on ${group.details.convenedOn}; nobody could join it on ${joinedOn}`,
      'occurredAt',
    );
  }
  const clash = group.memberships.find(
    (m) => m.personId === personId && (m.leftOn === undefined || m.leftOn >= joinedOn),
  );
  if (clash) {
    throw conflict(
      'member.already-member',
      clash.leftOn === undefined
        ? `${personId} has been a member since ${clash.joinedOn}`
        : `${personId} is recorded as a member from ${clash.joinedOn} to ${clash.leftOn}`,
      'personId',
    );
  }
  return { type: 'MemberJoined', data: { groupId: group.details.groupId, personId, ...person, role, joinedOn } };
}

function leave({ data }: LeaveGroup, state: GroupState): MemberLeft {
  const group = active(state, data);
  const personId = uuid(data.personId, 'personId', 'member.person-id-invalid');
  const reason = oneOf(data.reason, leaveReasons, 'reason', 'member.leave-reason-unknown');
  const note = data.note === undefined ? undefined : text(data.note, 'note', 'member.note-invalid', 500);
  const leftOn = factDay(data);
  const membership = group.memberships.find((m) => m.personId === personId && m.leftOn === undefined);
  if (!membership) throw conflict('member.not-a-member', `${personId} is not a member of this body`, 'personId');
  if (leftOn < membership.joinedOn) {
    throw conflict(
      'member.left-before-joining',
      `${personId} joined on ${membership.joinedOn}, after ${leftOn}`,
      'occurredAt',
    );
  }
  const laterMeeting = group.meetings.find((m) => m.heldOn > leftOn && attended(m, personId));
  const laterRole = membership.roles.find((r) => r.from > leftOn);
  if (laterMeeting || laterRole) {
    const what = laterMeeting ? `attending a meeting on ${laterMeeting.heldOn}` : `taking a role on ${laterRole!.from}`;
    throw conflict('member.activity-after-leaving', `${personId} is recorded ${what}, after ${leftOn}`, 'occurredAt');
  }
  return {
    type: 'MemberLeft',
    data: { groupId: group.details.groupId, personId, leftOn, reason, ...(note ? { note } : {}) },
  };
}

function changeRole({ data }: ChangeMemberRole, state: GroupState): MemberRoleChanged {
  const group = active(state, data);
  const personId = uuid(data.personId, 'personId', 'member.person-id-invalid');
  const role = oneOf(data.role, memberRoles, 'role', 'member.role-unknown');
  const changedOn = factDay(data);
  const membership = group.memberships.find((m) => m.personId === personId && covers(m, changedOn));
  if (!membership) {
    throw conflict('member.not-a-member', `${personId} was not a member on ${changedOn}`, 'personId');
  }
  if (role === 'client' || isClient(membership)) {
    throw conflict(
      'member.client-role-fixed',
      'a client stays a client and nobody else becomes one: record a membership of its own',
      'role',
    );
  }
  const previousRole = roleOn(membership, changedOn);
  if (role === previousRole) {
    throw conflict('member.role-unchanged', `${personId} already held the role ${role} on ${changedOn}`, 'role');
  }
  return {
    type: 'MemberRoleChanged',
    data: { groupId: group.details.groupId, personId, role, previousRole, changedOn },
  };
}

function holdMeeting({ data }: HoldMeeting, state: GroupState): MeetingHeld {
  const group = active(state, data);
  const meetingId = uuid(data.meetingId, 'meetingId', 'meeting.id-invalid');
  if (group.meetings.some((m) => m.meetingId === meetingId)) {
    throw conflict('meeting.already-recorded', `meeting ${meetingId} is already recorded`, 'meetingId');
  }
  const days = meetingDays(data.days);
  const attendance = attendanceOf(data.attendance);
  const clientPresent = data.clientPresent === undefined ? undefined : clientPresence(data.clientPresent);
  const heldOn = factDay(data);
  if (heldOn < group.details.convenedOn) {
    throw conflict(
      'meeting.before-convening',
      `the body was convened on ${group.details.convenedOn}; it cannot have met on ${heldOn}`,
      'occurredAt',
    );
  }
  const meeting: Meeting = { meetingId, heldOn, days, attendance, ...presence(clientPresent) };
  const problem = meetingInconsistency(group, meeting);
  if (problem) throw problem;
  return { type: 'MeetingHeld', data: { groupId: group.details.groupId, ...meeting } };
}

function dissolve({ data }: DissolveGroup, state: GroupState): GroupDissolved {
  const group = active(state, data);
  const dissolvedOn = factDay(data);
  const last = lastFactDay(group);
  if (last > dissolvedOn) {
    throw conflict(
      'group.dissolution-before-last-fact',
      `the body has a fact dated ${last}, so it cannot have been dissolved on ${dissolvedOn}`,
      'occurredAt',
    );
  }
  return { type: 'GroupDissolved', data: { groupId: group.details.groupId, dissolvedOn } };
}

function correctGroupDetails({ data }: CorrectGroupDetails, state: GroupState): GroupDetailsCorrected {
  const group = existing(state, data);
  const reason = correctionReason(data.reason);
  const was = group.details;
  const kind = data.kind ?? was.kind;
  const details = describeBody({
    kind,
    // Moving away from 'other' drops the label; a label sent with another kind is refused.
    label: data.label !== undefined ? data.label : kind === 'other' ? was.label : undefined,
    level: data.level ?? was.level,
    territory: data.territory ?? was.territory,
    name: data.name ?? was.name,
  });
  if (details.voivodeship !== was.voivodeship) {
    assertInTenant(details.voivodeship, data.tenantVoivodeships);
    assertVoivodeshipAllowed(details.voivodeship, data.allowedVoivodeships);
  }
  let convenedOn: string | undefined;
  if (data.convenedOn !== undefined) {
    convenedOn = dayOf(data.convenedOn, 'convenedOn');
    assertWithinPeriod(data.period, convenedOn, 'convenedOn');
  }

  const changes = {
    ...changed('name', details.name, was.name),
    ...changed('kind', details.kind, was.kind),
    ...(details.label !== was.label ? { label: details.label ?? null } : {}),
    ...changed('level', details.level, was.level),
    ...changed('territory', details.territory, was.territory),
    ...changed('voivodeship', details.voivodeship, was.voivodeship),
    ...changed('convenedOn', convenedOn, was.convenedOn),
  };
  return checked(group, {
    type: 'GroupDetailsCorrected',
    data: { groupId: was.groupId, ...nonEmpty(changes), reason },
  });
}

function correctMemberDetails({ data }: CorrectMemberDetails, state: GroupState): MemberDetailsCorrected {
  const group = existing(state, data);
  const reason = correctionReason(data.reason);
  const personId = uuid(data.personId, 'personId', 'member.person-id-invalid');
  const membershipJoinedOn = dayOf(data.membershipJoinedOn, 'membershipJoinedOn');
  const m = group.memberships.find((x) => x.personId === personId && x.joinedOn === membershipJoinedOn);
  if (!m) throw notFound('member.membership-not-found', `${personId} has no membership from ${membershipJoinedOn}`);
  if (isClient(m)) refusePersonalFields(data);

  let joinedOn: string | undefined;
  if (data.joinedOn !== undefined) {
    joinedOn = dayOf(data.joinedOn, 'joinedOn');
    assertWithinPeriod(data.period, joinedOn, 'joinedOn');
  }
  const contact = (value: unknown, parse: (v: unknown) => string) =>
    value === undefined ? undefined : value === null || value === '' ? null : parse(value);
  const mail = contact(data.email, email);
  const tel = contact(data.phone, phone);
  const changes = {
    ...(data.fullName !== undefined
      ? changed('fullName', text(data.fullName, 'fullName', 'member.full-name-invalid'), m.fullName)
      : {}),
    ...(mail !== undefined && mail !== (m.email ?? null) ? { email: mail } : {}),
    ...(tel !== undefined && tel !== (m.phone ?? null) ? { phone: tel } : {}),
    ...(data.institution !== undefined
      ? changed('institution', text(data.institution, 'institution', 'member.institution-invalid'), m.institution)
      : {}),
    ...(data.sector !== undefined
      ? changed('sector', oneOf(data.sector, sectors, 'sector', 'member.sector-unknown'), m.sector)
      : {}),
    ...changed('joinedOn', joinedOn, m.joinedOn),
  };
  return checked(group, {
    type: 'MemberDetailsCorrected',
    data: { groupId: group.details.groupId, personId, membershipJoinedOn, ...nonEmpty(changes), reason },
  });
}

function correctMeeting({ data }: CorrectMeeting, state: GroupState): MeetingCorrected {
  const group = existing(state, data);
  const reason = correctionReason(data.reason);
  const meetingId = uuid(data.meetingId, 'meetingId', 'meeting.id-invalid');
  const meeting = group.meetings.find((m) => m.meetingId === meetingId);
  if (!meeting) throw notFound('meeting.not-found', `meeting ${meetingId} is not recorded for this body`);

  let heldOn: string | undefined;
  if (data.heldOn !== undefined) {
    heldOn = dayOf(data.heldOn, 'heldOn');
    assertWithinPeriod(data.period, heldOn, 'heldOn');
  }
  const attendance = data.attendance === undefined ? undefined : attendanceOf(data.attendance);
  const clientPresent =
    data.clientPresent === undefined || data.clientPresent === null
      ? data.clientPresent
      : clientPresence(data.clientPresent);
  const changes = {
    ...changed('heldOn', heldOn, meeting.heldOn),
    ...changed('days', data.days === undefined ? undefined : meetingDays(data.days), meeting.days),
    ...(attendance && JSON.stringify(attendance) !== JSON.stringify(meeting.attendance) ? { attendance } : {}),
    ...(clientPresent !== undefined && clientPresent !== (meeting.clientPresent ?? null) ? { clientPresent } : {}),
  };
  return checked(group, {
    type: 'MeetingCorrected',
    data: { groupId: group.details.groupId, meetingId, ...nonEmpty(changes), reason },
  });
}

// --- shared rules -------------------------------------------------------------------------

function existing(state: GroupState, facts: ExternalFacts): ExistingGroup {
  if (state.status === 'none') throw notFound('group.not-found', 'no such group has been convened');
  assertVoivodeshipAllowed(state.details.voivodeship, facts.allowedVoivodeships);
  return state;
}

/** An existing body that has not been dissolved: the only kind that accepts new facts. */
function active(state: GroupState, facts: ExternalFacts): ExistingGroup {
  const group = existing(state, facts);
  if (group.status === 'dissolved') {
    throw conflict('group.dissolved', `the body was dissolved on ${group.dissolvedOn}; it accepts no new facts`);
  }
  return group;
}

/** The business day of a new fact, within the project period. */
function factDay(facts: ExternalFacts): string {
  const day = dayOf(facts.occurredAt, 'occurredAt');
  assertWithinPeriod(facts.period, day, 'occurredAt');
  return day;
}

type BodyDescription = Omit<GroupDetails, 'groupId' | 'convenedOn'>;

function describeBody(input: {
  kind: unknown;
  label?: unknown;
  level: unknown;
  territory: unknown;
  name: unknown;
}): BodyDescription {
  const kind: GroupKind = oneOf(input.kind, groupKinds, 'kind', 'group.kind-unknown');
  let label: string | undefined;
  if (kind === 'other') label = text(input.label, 'label', 'group.label-invalid', 100);
  else if (input.label !== undefined && input.label !== null) {
    throw invalid('group.label-only-for-other', `only a body of kind 'other' has a label; this is a ${kind}`, 'label');
  }
  const level: GroupLevel = oneOf(input.level, groupLevels, 'level', 'group.level-unknown');
  const levels = groupKindCatalogue[kind].levels;
  if (!levels.includes(level)) {
    throw invalid('group.level-not-allowed', `a ${kind} works at ${levels.join(' or ')} level, not ${level}`, 'level');
  }
  const { territory, voivodeship } = parseTerritory(level, input.territory);
  const name = text(input.name, 'name', 'group.name-invalid');
  return { kind, ...(label !== undefined ? { label } : {}), level, territory, voivodeship, name };
}

function assertInTenant(voivodeship: string, tenantVoivodeships: readonly string[] | null): void {
  if (
    tenantVoivodeships &&
    !tenantVoivodeships.some((v) => v.normalize('NFC').trim().toLocaleLowerCase('pl') === voivodeship)
  ) {
    throw invalid(
      'territory.outside-tenant',
      `${voivodeship} is not among the partnership's voivodeships (${tenantVoivodeships.join(', ')})`,
      'territory',
    );
  }
}

function clientOf(group: ExistingGroup, data: JoinMemberInput): Pick<JoinMemberInput, 'caseId'> {
  if (!groupKindCatalogue[group.details.kind].clientMembers) {
    throw conflict(
      'member.client-not-allowed',
      `a ${group.details.kind} has no client members; clients sit in case teams (ZZK)`,
      'role',
    );
  }
  refusePersonalFields(data);
  return data.caseId === undefined ? {} : { caseId: uuid(data.caseId, 'caseId', 'member.case-id-invalid') };
}

function professionalOf(data: JoinMemberInput): Omit<JoinMemberInput, 'personId' | 'role' | 'caseId'> {
  if (data.caseId !== undefined) {
    throw invalid('member.case-id-only-for-clients', 'only a client member is linked to a case', 'caseId');
  }
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  return {
    fullName: text(data.fullName, 'fullName', 'member.full-name-invalid'),
    ...(given(data.email) ? { email: email(data.email) } : {}),
    ...(given(data.phone) ? { phone: phone(data.phone) } : {}),
    institution: text(data.institution, 'institution', 'member.institution-invalid'),
    sector: oneOf(data.sector, sectors, 'sector', 'member.sector-unknown'),
  };
}

/** Clients (persons, families) are never named: not even their institution is recorded. */
function refusePersonalFields(data: Partial<Record<(typeof PERSONAL_AND_INSTITUTION)[number], unknown>>): void {
  for (const field of PERSONAL_AND_INSTITUTION) {
    if (data[field] !== undefined) {
      throw invalid(
        'member.client-must-be-pseudonymous',
        `a client is recorded under a pseudonymous personId only; ${field} is not allowed`,
        field,
      );
    }
  }
}

function meetingDays(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_MEETING_DAYS) {
    throw invalid('meeting.days-invalid', `days must be a whole number from 1 to ${MAX_MEETING_DAYS}`, 'days');
  }
  return value;
}

function attendanceOf(value: unknown): Attendance {
  const a = (value ?? {}) as { kind?: unknown; personIds?: unknown; headcount?: unknown };
  if (a.kind === 'members' && Array.isArray(a.personIds) && a.personIds.length > 0 && a.personIds.every(isUuid)) {
    const personIds = a.personIds.map((id: string) => id.toLowerCase());
    if (new Set(personIds).size !== personIds.length) {
      throw invalid('meeting.attendance-invalid', 'a member is listed twice in the attendance', 'attendance');
    }
    return { kind: 'members', personIds };
  }
  if (a.kind === 'headcount' && typeof a.headcount === 'number' && Number.isInteger(a.headcount) && a.headcount > 0) {
    return { kind: 'headcount', headcount: a.headcount };
  }
  throw invalid(
    'meeting.attendance-invalid',
    'attendance is { kind: "members", personIds: [uuid, …] } or { kind: "headcount", headcount: n > 0 }',
    'attendance',
  );
}

function clientPresence(value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw invalid('meeting.client-present-invalid', 'must be true or false', 'clientPresent');
  return value;
}

const presence = (clientPresent: boolean | undefined) => (clientPresent === undefined ? {} : { clientPresent });

function attended(meeting: Meeting, personId: string): boolean {
  return meeting.attendance.kind === 'members' && meeting.attendance.personIds.includes(personId);
}

function correctionReason(value: unknown): string {
  return text(value, 'reason', 'correction.reason-invalid', 500);
}

function changed<K extends string, V>(key: K, next: V | undefined, was: V | undefined): { [P in K]?: V } {
  return next !== undefined && next !== was ? ({ [key]: next } as { [P in K]: V }) : {};
}

function nonEmpty<T extends object>(changes: T): T {
  if (Object.keys(changes).length === 0) {
    throw invalid('correction.no-change', 'the correction gives no value different from the record');
  }
  return changes;
}

/** A correction may move any fact: the whole record must still hold together afterwards. */
function checked<E extends GroupEvent>(group: ExistingGroup, event: E): E {
  const problem = firstInconsistency(evolveGroup(group, event) as ExistingGroup);
  if (problem) throw problem;
  return event;
}
