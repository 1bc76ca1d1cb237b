import { js, type IntegrationEventDefinition } from '@kooperacja/platform/messaging';
import {
  groupKinds,
  groupLevels,
  leaveReasons,
  memberRoles,
  sectors,
  type GroupKind,
  type GroupLevel,
  type LeaveReason,
  type MemberRole,
  type Sector,
} from '../catalogues';

/**
 * The groups' integration events: bodies, their composition and meetings, for the comparison of
 * group sizes, sector mix and meetings held. Persons are pseudonymous `personId`s only: no name,
 * contact, institution or note ever leaves, nor a body's name (a case team's may name a family).
 */
const groupId = js.string('The body (uuid).');
const personId = js.string('Pseudonymous id of the person (uuid): never a name.');
const kind = js.enum(groupKinds, 'PGR, PGD, RGR, steering committee, PZK, GGK, ZZK, …');
const level = js.enum(groupLevels);
const territory = js.string('TERYT code (gmina 7 digits, powiat 4) or, at voivodeship level, the voivodeship.');
const role = js.enum(memberRoles);

export interface GroupConvenedV1 {
  groupId: string;
  kind: GroupKind;
  level: GroupLevel;
  territory: string;
  voivodeship: string;
  convenedOn: string;
}
export const groupConvenedV1: IntegrationEventDefinition<GroupConvenedV1> = {
  type: 'pl.kooperacja.groups.group-convened.v1',
  summary: 'A body (group, team, committee) was convened.',
  schema: js.object({ groupId, kind, level, territory, voivodeship: js.string(), convenedOn: js.date() }),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    kind: 'PGR',
    level: 'powiat',
    territory: '2205',
    voivodeship: 'pomorskie',
    convenedOn: '2018-10-03',
  },
};

export interface MemberJoinedV1 {
  groupId: string;
  personId: string;
  role: MemberRole;
  sector?: Sector;
  joinedOn: string;
}
export const memberJoinedV1: IntegrationEventDefinition<MemberJoinedV1> = {
  type: 'pl.kooperacja.groups.member-joined.v1',
  summary: 'A person joined a body, with the sector they represent (none for a client).',
  schema: js.object({ groupId, personId, role, sector: js.enum(sectors), joinedOn: js.date() }, ['sector']),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    personId: '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a',
    role: 'member',
    sector: 'education',
    joinedOn: '2018-10-03',
  },
};

export interface MemberLeftV1 {
  groupId: string;
  personId: string;
  reason: LeaveReason;
  leftOn: string;
}
export const memberLeftV1: IntegrationEventDefinition<MemberLeftV1> = {
  type: 'pl.kooperacja.groups.member-left.v1',
  summary: 'A person left a body (`leftOn`: the last day as a member).',
  schema: js.object({ groupId, personId, reason: js.enum(leaveReasons), leftOn: js.date() }),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    personId: '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a',
    reason: 'changed-job',
    leftOn: '2019-12-31',
  },
};

export interface MemberRoleChangedV1 {
  groupId: string;
  personId: string;
  role: MemberRole;
  previousRole: MemberRole;
  changedOn: string;
}
export const memberRoleChangedV1: IntegrationEventDefinition<MemberRoleChangedV1> = {
  type: 'pl.kooperacja.groups.member-role-changed.v1',
  summary: 'A member’s role in a body changed.',
  schema: js.object({ groupId, personId, role, previousRole: role, changedOn: js.date() }),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    personId: '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a',
    role: 'chair',
    previousRole: 'member',
    changedOn: '2019-02-01',
  },
};

export interface MeetingHeldV1 {
  groupId: string;
  meetingId: string;
  heldOn: string;
  days: number;
  attendees: number;
  clientPresent?: boolean;
}
export const meetingHeldV1: IntegrationEventDefinition<MeetingHeldV1> = {
  type: 'pl.kooperacja.groups.meeting-held.v1',
  summary: 'A body met: on which day, for how many days, with how many people.',
  schema: js.object(
    {
      groupId,
      meetingId: js.string(),
      heldOn: js.date('First day.'),
      days: js.integer(undefined, 1),
      attendees: js.integer('How many people attended (members present, or the head count recorded).', 0),
      clientPresent: js.boolean('Case teams only: whether the person or family supported took part.'),
    },
    ['clientPresent'],
  ),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    meetingId: 'a4b3c2d1-0e9f-4a8b-b7c6-d5e4f3a2b1c0',
    heldOn: '2018-11-15',
    days: 2,
    attendees: 7,
  },
};

export interface GroupDissolvedV1 {
  groupId: string;
  dissolvedOn: string;
}
export const groupDissolvedV1: IntegrationEventDefinition<GroupDissolvedV1> = {
  type: 'pl.kooperacja.groups.group-dissolved.v1',
  summary: 'A body was dissolved (`dissolvedOn`: its last day).',
  schema: js.object({ groupId, dissolvedOn: js.date() }),
  example: { groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90', dissolvedOn: '2021-03-31' },
};

export interface GroupDetailsCorrectedV1 {
  groupId: string;
  kind?: GroupKind;
  level?: GroupLevel;
  territory?: string;
  voivodeship?: string;
  convenedOn?: string;
}
export const groupDetailsCorrectedV1: IntegrationEventDefinition<GroupDetailsCorrectedV1> = {
  type: 'pl.kooperacja.groups.group-details-corrected.v1',
  summary: 'Facts of a body’s convening were recorded wrongly: only the fields given change.',
  schema: js.object({ groupId, kind, level, territory, voivodeship: js.string(), convenedOn: js.date() }, [
    'kind',
    'level',
    'territory',
    'voivodeship',
    'convenedOn',
  ]),
  example: { groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90', convenedOn: '2018-10-04' },
};

export interface MemberDetailsCorrectedV1 {
  groupId: string;
  personId: string;
  membershipJoinedOn: string;
  sector?: Sector;
  joinedOn?: string;
}
export const memberDetailsCorrectedV1: IntegrationEventDefinition<MemberDetailsCorrectedV1> = {
  type: 'pl.kooperacja.groups.member-details-corrected.v1',
  summary:
    'A membership was recorded wrongly (found by the joining date as first published): only the fields given change.',
  schema: js.object(
    {
      groupId,
      personId,
      membershipJoinedOn: js.date('The joinedOn of the membership as recorded.'),
      sector: js.enum(sectors),
      joinedOn: js.date(),
    },
    ['sector', 'joinedOn'],
  ),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    personId: '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a',
    membershipJoinedOn: '2018-10-03',
    sector: 'health',
  },
};

export interface MeetingCorrectedV1 {
  groupId: string;
  meetingId: string;
  heldOn?: string;
  days?: number;
  attendees?: number;
  clientPresent?: boolean | null;
}
export const meetingCorrectedV1: IntegrationEventDefinition<MeetingCorrectedV1> = {
  type: 'pl.kooperacja.groups.meeting-corrected.v1',
  summary: 'A meeting was recorded wrongly: only the fields given change (`clientPresent: null` removes it).',
  schema: js.object(
    {
      groupId,
      meetingId: js.string(),
      heldOn: js.date(),
      days: js.integer(undefined, 1),
      attendees: js.integer(undefined, 0),
      clientPresent: js.nullable(js.boolean()),
    },
    ['heldOn', 'days', 'attendees', 'clientPresent'],
  ),
  example: {
    groupId: '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90',
    meetingId: 'a4b3c2d1-0e9f-4a8b-b7c6-d5e4f3a2b1c0',
    attendees: 6,
  },
};
