import {
  mapping,
  mappersFor,
  type IntegrationEvent,
  type IntegrationEventMapper,
} from '@kooperacja/platform/messaging';
import { groupEventCatalogue } from '../../group/group.catalogue';
import type {
  Attendance,
  GroupConvened,
  GroupDetailsCorrected,
  GroupDissolved,
  MeetingCorrected,
  MeetingHeld,
  MemberDetailsCorrected,
  MemberJoined,
  MemberLeft,
  MemberRoleChanged,
} from '../../group/group.events';
import {
  groupConvenedV1,
  groupDetailsCorrectedV1,
  groupDissolvedV1,
  meetingCorrectedV1,
  meetingHeldV1,
  memberDetailsCorrectedV1,
  memberJoinedV1,
  memberLeftV1,
  memberRoleChangedV1,
} from './events';

const attendees = (a: Attendance) => (a.kind === 'members' ? a.personIds.length : a.headcount);

/** Copies the fields of `data` that are set (corrections carry only what changes). */
function given<T extends object, K extends keyof T>(data: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (data[k] !== undefined) out[k] = data[k];
  return out;
}

const GROUP = '6c1f3f0e-2a54-4b0e-8f0e-5d7f3c2b1a90';
const PERSON = '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a';

/**
 * Stored group events → integration events. Names, contacts, institutions, notes, reasons and a
 * body's name never leave; attendance is published as a count.
 */
export function groupsIntegrationMappers(): IntegrationEventMapper[] {
  return mappersFor(groupEventCatalogue, {
    GroupConvened: mapping<GroupConvened['data']>()({
      fields: ['groupId', 'kind', 'level', 'territory', 'voivodeship', 'convenedOn'],
      produces: [groupConvenedV1],
      map: ({ data }) => [
        {
          type: groupConvenedV1.type,
          data: {
            groupId: data.groupId,
            kind: data.kind,
            level: data.level,
            territory: data.territory,
            voivodeship: data.voivodeship,
            convenedOn: data.convenedOn,
          },
        },
      ],
      sample: {
        groupId: GROUP,
        kind: 'ZZK',
        level: 'gmina',
        territory: '2205023',
        voivodeship: 'pomorskie',
        name: 'ZZK rodziny Kowalskich',
        convenedOn: '2019-05-06',
      },
    }),
    MemberJoined: mapping<MemberJoined['data']>()({
      fields: ['groupId', 'personId', 'role', 'sector', 'joinedOn'],
      produces: [memberJoinedV1],
      map: ({ data }) => [
        {
          type: memberJoinedV1.type,
          data: {
            groupId: data.groupId,
            personId: data.personId,
            role: data.role,
            ...given(data, ['sector']),
            joinedOn: data.joinedOn,
          },
        },
      ],
      sample: {
        groupId: GROUP,
        personId: PERSON,
        fullName: 'Anna Nowak',
        email: 'anna.nowak@example.org',
        phone: '+48 600 000 000',
        institution: 'Szkoła Podstawowa nr 2 w Kartuzach',
        sector: 'education',
        role: 'member',
        joinedOn: '2019-05-06',
      },
    }),
    MemberLeft: mapping<MemberLeft['data']>()({
      fields: ['groupId', 'personId', 'reason', 'leftOn'],
      produces: [memberLeftV1],
      map: ({ data }) => [
        {
          type: memberLeftV1.type,
          data: { groupId: data.groupId, personId: data.personId, reason: data.reason, leftOn: data.leftOn },
        },
      ],
      sample: {
        groupId: GROUP,
        personId: PERSON,
        leftOn: '2019-12-31',
        reason: 'other',
        note: 'długie zwolnienie lekarskie',
      },
    }),
    MemberRoleChanged: mapping<MemberRoleChanged['data']>()({
      fields: ['groupId', 'personId', 'role', 'previousRole', 'changedOn'],
      produces: [memberRoleChangedV1],
      map: ({ data }) => [
        {
          type: memberRoleChangedV1.type,
          data: {
            groupId: data.groupId,
            personId: data.personId,
            role: data.role,
            previousRole: data.previousRole,
            changedOn: data.changedOn,
          },
        },
      ],
      sample: { groupId: GROUP, personId: PERSON, role: 'chair', previousRole: 'member', changedOn: '2019-02-01' },
    }),
    MeetingHeld: mapping<MeetingHeld['data']>()({
      fields: ['groupId', 'meetingId', 'heldOn', 'days', 'attendance', 'clientPresent'],
      produces: [meetingHeldV1],
      map: ({ data }) => [
        {
          type: meetingHeldV1.type,
          data: {
            groupId: data.groupId,
            meetingId: data.meetingId,
            heldOn: data.heldOn,
            days: data.days,
            attendees: attendees(data.attendance),
            ...given(data, ['clientPresent']),
          },
        },
      ],
      sample: {
        groupId: GROUP,
        meetingId: 'a4b3c2d1-0e9f-4a8b-b7c6-d5e4f3a2b1c0',
        heldOn: '2019-05-20',
        days: 1,
        attendance: { kind: 'members', personIds: [PERSON, '2e8f6d44-1c5b-4e32-8b9a-4f3e2d1c0b9a'] },
        clientPresent: true,
      },
    }),
    GroupDissolved: mapping<GroupDissolved['data']>()({
      fields: ['groupId', 'dissolvedOn'],
      produces: [groupDissolvedV1],
      map: ({ data }) => [
        { type: groupDissolvedV1.type, data: { groupId: data.groupId, dissolvedOn: data.dissolvedOn } },
      ],
      sample: { groupId: GROUP, dissolvedOn: '2021-03-31' },
    }),
    GroupDetailsCorrected: mapping<GroupDetailsCorrected['data']>()({
      fields: ['groupId', 'kind', 'level', 'territory', 'voivodeship', 'convenedOn'],
      produces: [groupDetailsCorrectedV1],
      // A correction of the name or label alone changes nothing published.
      map: ({ data }) => {
        const changed = given(data, ['kind', 'level', 'territory', 'voivodeship', 'convenedOn']);
        return Object.keys(changed).length
          ? [{ type: groupDetailsCorrectedV1.type, data: { groupId: data.groupId, ...changed } }]
          : [];
      },
      sample: { groupId: GROUP, name: 'PGR kartuska', convenedOn: '2018-10-04', reason: 'błędna data w protokole' },
    }),
    MemberDetailsCorrected: mapping<MemberDetailsCorrected['data']>()({
      fields: ['groupId', 'personId', 'membershipJoinedOn', 'sector', 'joinedOn'],
      produces: [memberDetailsCorrectedV1],
      // A correction of a name or contact only is not published: those never left.
      map: ({ data }) => {
        const changed = given(data, ['sector', 'joinedOn']);
        return Object.keys(changed).length
          ? [
              {
                type: memberDetailsCorrectedV1.type,
                data: {
                  groupId: data.groupId,
                  personId: data.personId,
                  membershipJoinedOn: data.membershipJoinedOn,
                  ...changed,
                },
              },
            ]
          : [];
      },
      sample: {
        groupId: GROUP,
        personId: PERSON,
        membershipJoinedOn: '2019-05-06',
        fullName: 'Anna Nowak-Kowalska',
        email: null,
        sector: 'health',
        reason: 'zmiana nazwiska',
      },
    }),
    MeetingCorrected: mapping<MeetingCorrected['data']>()({
      fields: ['groupId', 'meetingId', 'heldOn', 'days', 'attendance', 'clientPresent'],
      produces: [meetingCorrectedV1],
      map: ({ data }) => {
        const changed: Record<string, unknown> = given(data, ['heldOn', 'days', 'clientPresent']);
        if (data.attendance) changed.attendees = attendees(data.attendance);
        const out: IntegrationEvent[] = Object.keys(changed).length
          ? [{ type: meetingCorrectedV1.type, data: { groupId: data.groupId, meetingId: data.meetingId, ...changed } }]
          : [];
        return out;
      },
      sample: {
        groupId: GROUP,
        meetingId: 'a4b3c2d1-0e9f-4a8b-b7c6-d5e4f3a2b1c0',
        attendance: { kind: 'headcount', headcount: 6 },
        clientPresent: null,
        reason: 'lista obecności',
      },
    }),
  });
}
