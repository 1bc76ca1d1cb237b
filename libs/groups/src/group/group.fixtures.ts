import type { ProjectPeriod } from '@kooperacja/platform';
import type {
  ChangeMemberRole,
  ConveneGroup,
  CorrectGroupDetails,
  CorrectMeeting,
  CorrectMemberDetails,
  DissolveGroup,
  ExternalFacts,
  HoldMeeting,
  JoinMember,
  LeaveGroup,
} from './group.commands';
import type { GroupConvened, MeetingHeld, MemberJoined, MemberLeft } from './group.events';

/** Test data for the groups specs: a PGR in powiat chojnicki (pomorskie, macroregion II). */

export const GROUP = '0b0c2f36-3f38-4b7e-9a39-6c0f0c8f1a01';
export const ANNA = '5a1d2b3c-0000-4000-8000-000000000001';
export const PIOTR = '5a1d2b3c-0000-4000-8000-000000000002';
export const EWA = '5a1d2b3c-0000-4000-8000-000000000003';
export const CLIENT = '5a1d2b3c-0000-4000-8000-0000000000c1';
export const CASE = 'c0ffee00-0000-4000-8000-000000000001';
export const MEETING = '3e3e3e3e-0000-4000-8000-000000000001';
export const PERIOD: ProjectPeriod = { start: '2018-04-01', end: '2021-03-31' };
export const MACROREGION_II = [
  'kujawsko-pomorskie',
  'lubuskie',
  'pomorskie',
  'warmińsko-mazurskie',
  'wielkopolskie',
  'zachodniopomorskie',
];

/** Lets a spec send what a JSON client could send, whatever the declared type. */
export const raw = (value: unknown) => value as never;

export const on = (occurredAt: string, extra: Partial<ExternalFacts> = {}): ExternalFacts => ({
  occurredAt,
  period: PERIOD,
  ...extra,
});

export const pgrConvened: GroupConvened = {
  type: 'GroupConvened',
  data: {
    groupId: GROUP,
    kind: 'PGR',
    level: 'powiat',
    territory: '2202',
    voivodeship: 'pomorskie',
    name: 'PGR powiatu chojnickiego',
    convenedOn: '2018-09-01',
  },
};

export const zzkConvened: GroupConvened = {
  type: 'GroupConvened',
  data: {
    groupId: GROUP,
    kind: 'ZZK',
    level: 'gmina',
    territory: '2205043',
    voivodeship: 'pomorskie',
    name: 'ZZK – rodzina 17',
    convenedOn: '2019-10-01',
  },
};

export const joined = (
  personId: string,
  joinedOn: string,
  extra: Partial<MemberJoined['data']> = {},
): MemberJoined => ({
  type: 'MemberJoined',
  data: {
    groupId: GROUP,
    personId,
    fullName: `Person ${personId.slice(-2)}`,
    institution: 'PCPR Chojnice',
    sector: 'social-assistance',
    role: 'member',
    joinedOn,
    ...extra,
  },
});

export const clientJoined = (joinedOn = '2019-10-01'): MemberJoined => ({
  type: 'MemberJoined',
  data: { groupId: GROUP, personId: CLIENT, caseId: CASE, role: 'client', joinedOn },
});

export const left = (personId: string, leftOn: string): MemberLeft => ({
  type: 'MemberLeft',
  data: { groupId: GROUP, personId, leftOn, reason: 'resigned' },
});

export const met = (heldOn: string, personIds: string[], extra: Partial<MeetingHeld['data']> = {}): MeetingHeld => ({
  type: 'MeetingHeld',
  data: { groupId: GROUP, meetingId: MEETING, heldOn, days: 2, attendance: { kind: 'members', personIds }, ...extra },
});

export const convene = (data: Partial<ConveneGroup['data']> = {}): ConveneGroup => ({
  type: 'ConveneGroup',
  data: {
    groupId: GROUP,
    kind: 'PGR',
    level: 'powiat',
    territory: '2202',
    name: 'PGR powiatu chojnickiego',
    tenantVoivodeships: MACROREGION_II,
    ...on('2018-09-01'),
    ...data,
  },
});

export const join = (data: Partial<JoinMember['data']> = {}): JoinMember => ({
  type: 'JoinMember',
  data: {
    personId: ANNA,
    fullName: 'Anna Kowalska',
    institution: 'PCPR Chojnice',
    sector: 'social-assistance',
    role: 'chair',
    ...on('2018-09-10'),
    ...data,
  },
});

export const leave = (data: Partial<LeaveGroup['data']> = {}): LeaveGroup => ({
  type: 'LeaveGroup',
  data: { personId: ANNA, reason: 'changed-job', ...on('2019-06-30'), ...data },
});

export const changeRole = (data: Partial<ChangeMemberRole['data']> = {}): ChangeMemberRole => ({
  type: 'ChangeMemberRole',
  data: { personId: ANNA, role: 'secretary', ...on('2019-01-15'), ...data },
});

export const hold = (data: Partial<HoldMeeting['data']> = {}): HoldMeeting => ({
  type: 'HoldMeeting',
  data: {
    meetingId: MEETING,
    days: 2,
    attendance: { kind: 'members', personIds: [ANNA] },
    ...on('2018-10-12'),
    ...data,
  },
});

export const dissolve = (data: Partial<DissolveGroup['data']> = {}): DissolveGroup => ({
  type: 'DissolveGroup',
  data: { ...on('2019-03-29'), ...data },
});

export const correctGroup = (data: Partial<CorrectGroupDetails['data']> = {}): CorrectGroupDetails => ({
  type: 'CorrectGroupDetails',
  data: { reason: 'typo in the register', tenantVoivodeships: MACROREGION_II, ...on('2022-05-05'), ...data },
});

export const correctMember = (data: Partial<CorrectMemberDetails['data']> = {}): CorrectMemberDetails => ({
  type: 'CorrectMemberDetails',
  data: { personId: ANNA, membershipJoinedOn: '2018-09-10', reason: 'misspelt surname', ...on('2022-05-05'), ...data },
});

export const correctMeeting = (data: Partial<CorrectMeeting['data']> = {}): CorrectMeeting => ({
  type: 'CorrectMeeting',
  data: { meetingId: MEETING, reason: 'attendance list re-read', ...on('2022-05-05'), ...data },
});
