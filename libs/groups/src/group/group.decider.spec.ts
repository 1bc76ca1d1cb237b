import { fold } from '@kooperacja/platform';
import { given } from '@kooperacja/platform/testing';
import { compositionAt } from './composition';
import type { GroupCommand } from './group.commands';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';
import {
  ANNA,
  CASE,
  CLIENT,
  EWA,
  GROUP,
  MEETING,
  PIOTR,
  changeRole,
  clientJoined,
  convene,
  correctGroup,
  correctMeeting,
  correctMember,
  dissolve,
  hold,
  join,
  joined,
  leave,
  left,
  met,
  pgrConvened,
  raw,
  zzkConvened,
} from './group.fixtures';

const dissolved: GroupEvent = { type: 'GroupDissolved', data: { groupId: GROUP, dissolvedOn: '2019-03-29' } };
const anna = joined(ANNA, '2018-09-10', { role: 'chair' });

describe('every command on an existing group', () => {
  // One valid command of each kind, given a PGR with Anna as a member and one meeting.
  const history: GroupEvent[] = [pgrConvened, anna, met('2018-10-12', [ANNA])];
  const commands: [string, GroupCommand][] = [
    ['JoinMember', join({ personId: PIOTR })],
    ['LeaveGroup', leave()],
    ['ChangeMemberRole', changeRole()],
    ['HoldMeeting', hold({ meetingId: '3e3e3e3e-0000-4000-8000-000000000002' })],
    ['DissolveGroup', dissolve()],
    ['CorrectGroupDetails', correctGroup({ name: 'Powiatowa Grupa Refleksyjna – Chojnice' })],
    ['CorrectMemberDetails', correctMember({ fullName: 'Anna Kowalska-Nowak' })],
    ['CorrectMeeting', correctMeeting({ days: 1 })],
  ];
  const withData = (command: GroupCommand, extra: object) => ({ ...command, data: { ...command.data, ...extra } });

  it.each(commands)('%s is accepted as given', (_name, command) => {
    expect(given(groupDecider, history).when(command).events()).toHaveLength(1);
  });

  it.each(commands)('%s is refused for a group never convened (group.not-found)', (_name, command) => {
    given(groupDecider, []).when(command).thenThrows('group.not-found');
  });

  it.each(commands)(
    '%s is refused to an editor limited to other voivodeships (voivodeship.forbidden)',
    (_n, command) => {
      const limited = withData(command, { allowedVoivodeships: ['kujawsko-pomorskie'] }) as GroupCommand;
      given(groupDecider, history).when(limited).thenThrows('voivodeship.forbidden');
    },
  );

  it.each(commands)('%s is allowed to an editor whose voivodeships include the body', (_n, command) => {
    const limited = withData(command, { allowedVoivodeships: ['Pomorskie'] }) as GroupCommand;
    expect(given(groupDecider, history).when(limited).events()).toHaveLength(1);
  });

  it.each(commands.filter(([name]) => !name.startsWith('Correct')))(
    '%s is refused once the body is dissolved (group.dissolved)',
    (_name, command) => {
      given(groupDecider, [...history, dissolved])
        .when(command)
        .thenThrows('group.dissolved');
    },
  );

  it.each(commands.filter(([name]) => !name.startsWith('Correct')))(
    '%s is refused outside the project period (fact.outside-project-period)',
    (_name, command) => {
      const late = withData(command, { occurredAt: '2021-04-01' }) as GroupCommand;
      given(groupDecider, history).when(late).thenThrows('fact.outside-project-period', 'occurredAt');
    },
  );

  it.each(commands.filter(([name]) => !name.startsWith('Correct')))(
    '%s refuses a date that is not a calendar day (date.invalid)',
    (_name, command) => {
      const bad = withData(command, { occurredAt: '2019-02-29' }) as GroupCommand;
      given(groupDecider, history).when(bad).thenThrows('date.invalid', 'occurredAt');
    },
  );
});

describe('ConveneGroup', () => {
  it('records the body with the voivodeship read from its TERYT code', () => {
    given(groupDecider).when(convene()).then([pgrConvened]);
  });

  it('takes a voivodeship by name, or by its two-digit code, for a regional body', () => {
    const rgr = {
      groupId: GROUP,
      kind: 'RGR' as const,
      level: 'voivodeship' as const,
      territory: 'pomorskie',
      voivodeship: 'pomorskie',
      name: 'RGR pomorska',
      convenedOn: '2018-09-01',
    };
    given(groupDecider)
      .when(convene({ kind: 'RGR', level: 'voivodeship', territory: ' Pomorskie ', name: 'RGR pomorska' }))
      .then([{ type: 'GroupConvened', data: rgr }]);
    given(groupDecider)
      .when(convene({ kind: 'RGR', level: 'voivodeship', territory: '22', name: 'RGR pomorska' }))
      .then([{ type: 'GroupConvened', data: rgr }]);
  });

  it('keeps the free label of a body of kind other', () => {
    const [event] = given(groupDecider)
      .when(convene({ kind: 'other', label: 'Zespół ds. DPS', level: 'voivodeship', territory: 'pomorskie' }))
      .events();
    expect(event.data).toMatchObject({ kind: 'other', label: 'Zespół ds. DPS' });
  });

  it('passes any voivodeship when the tenant is unknown to the directory', () => {
    const [event] = given(groupDecider)
      .when(convene({ territory: '1202', tenantVoivodeships: null }))
      .events();
    expect(event.data).toMatchObject({ voivodeship: 'małopolskie' });
  });

  it('passes any date while the project has no period yet', () => {
    given(groupDecider)
      .when(convene({ period: null, occurredAt: '2017-01-01' }))
      .then([{ ...pgrConvened, data: { ...pgrConvened.data, convenedOn: '2017-01-01' } }]);
  });

  it('refuses to convene the same group twice', () => {
    given(groupDecider, [pgrConvened]).when(convene()).thenThrows('group.already-convened', 'groupId');
  });

  it.each([
    ['a group id that is not a UUID', { groupId: 'pgr-1' }, 'group.id-invalid', 'groupId'],
    ['an unknown kind', { kind: raw('PGX') }, 'group.kind-unknown', 'kind'],
    [
      'kind other without a label',
      { kind: 'other', level: 'gmina', territory: '2205043' },
      'group.label-invalid',
      'label',
    ],
    ['a label on a kind with its own name', { label: 'Grupa' }, 'group.label-only-for-other', 'label'],
    ['an unknown level', { level: raw('county') }, 'group.level-unknown', 'level'],
    ['a PGR at gmina level', { level: 'gmina', territory: '2205043' }, 'group.level-not-allowed', 'level'],
    ['a gmina code for a powiat', { territory: '2205043' }, 'territory.level-mismatch', 'territory'],
    ['a voivodeship for a powiat', { territory: 'pomorskie' }, 'territory.level-mismatch', 'territory'],
    ['a code of no voivodeship', { territory: '9902' }, 'territory.unknown', 'territory'],
    ['a powiat code 00', { territory: '2200' }, 'territory.unknown', 'territory'],
    ['a made-up name', { territory: 'Kaszuby' }, 'territory.unknown', 'territory'],
    ['a voivodeship outside the partnership', { territory: '1202' }, 'territory.outside-tenant', 'territory'],
    ['an empty name', { name: '  ' }, 'group.name-invalid', 'name'],
    ['a date before the project', { occurredAt: '2018-03-31' }, 'fact.outside-project-period', 'occurredAt'],
    ['a date that is no day', { occurredAt: '2018-09-31' }, 'date.invalid', 'occurredAt'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider)
      .when(convene(data as never))
      .thenThrows(code, field);
  });

  it('refuses a tenant editor a body outside their voivodeships', () => {
    given(groupDecider)
      .when(convene({ allowedVoivodeships: ['kujawsko-pomorskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it('refuses a gmina code whose last digit is no kind of gmina', () => {
    given(groupDecider)
      .when(convene({ kind: 'GGK', level: 'gmina', territory: '2205047' }))
      .thenThrows('territory.unknown', 'territory');
  });
});

describe('JoinMember', () => {
  it('records a professional with their institution and sector', () => {
    given(groupDecider, [pgrConvened])
      .when(join({ fullName: ' Anna Kowalska ', email: 'a.kowalska@pcpr.example.pl', phone: '+48 58 123 45 67' }))
      .then([
        {
          type: 'MemberJoined',
          data: {
            groupId: GROUP,
            personId: ANNA,
            fullName: 'Anna Kowalska',
            email: 'a.kowalska@pcpr.example.pl',
            phone: '+48 58 123 45 67',
            institution: 'PCPR Chojnice',
            sector: 'social-assistance',
            role: 'chair',
            joinedOn: '2018-09-10',
          },
        },
      ]);
  });

  it('leaves out an e-mail and phone given empty', () => {
    const [event] = given(groupDecider, [pgrConvened])
      .when(join({ email: '', phone: raw(null) }))
      .events();
    expect(event.data).not.toHaveProperty('email');
    expect(event.data).not.toHaveProperty('phone');
  });

  it('records a client of a case team under a pseudonymous id only', () => {
    given(groupDecider, [zzkConvened])
      .when(
        join({
          personId: CLIENT,
          role: 'client',
          caseId: CASE,
          fullName: undefined,
          institution: undefined,
          sector: undefined,
          occurredAt: '2019-10-01',
        }),
      )
      .then([clientJoined()]);
  });

  it('lets a member who left join again later', () => {
    const [event] = given(groupDecider, [pgrConvened, anna, left(ANNA, '2019-01-31')])
      .when(join({ occurredAt: '2019-02-01' }))
      .events();
    expect(event.data).toMatchObject({ personId: ANNA, joinedOn: '2019-02-01' });
  });

  it('refuses someone who is already a member', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(join({ occurredAt: '2019-05-01' }))
      .thenThrows('member.already-member', 'personId');
  });

  it('refuses a joining that would overlap an earlier recorded membership', () => {
    given(groupDecider, [pgrConvened, anna, left(ANNA, '2019-01-31')])
      .when(join({ occurredAt: '2019-01-31' }))
      .thenThrows('member.already-member', 'personId');
  });

  it('refuses a joining before the body was convened', () => {
    given(groupDecider, [pgrConvened])
      .when(join({ occurredAt: '2018-08-31' }))
      .thenThrows('member.joined-before-convening', 'occurredAt');
  });

  it.each([
    ['a person id that is not a UUID', { personId: 'anna' }, 'member.person-id-invalid', 'personId'],
    ['an unknown role', { role: raw('treasurer') }, 'member.role-unknown', 'role'],
    ['no full name', { fullName: undefined }, 'member.full-name-invalid', 'fullName'],
    ['a malformed e-mail', { email: 'anna(at)pcpr' }, 'member.email-invalid', 'email'],
    ['a malformed phone', { phone: 'call me' }, 'member.phone-invalid', 'phone'],
    ['no institution', { institution: ' ' }, 'member.institution-invalid', 'institution'],
    ['a sector outside the catalogue', { sector: raw('army') }, 'member.sector-unknown', 'sector'],
    ['a case id on a professional', { caseId: CASE }, 'member.case-id-only-for-clients', 'caseId'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, [pgrConvened])
      .when(join(data as never))
      .thenThrows(code, field);
  });

  it('refuses a client in a body that is not a case team with client members', () => {
    given(groupDecider, [pgrConvened])
      .when(join({ personId: CLIENT, role: 'client', fullName: undefined, institution: undefined, sector: undefined }))
      .thenThrows('member.client-not-allowed', 'role');
  });

  it.each(['fullName', 'email', 'phone', 'institution', 'sector'] as const)(
    'refuses a client recorded with %s: clients are never named',
    (field) => {
      const client = { personId: CLIENT, role: 'client' as const, occurredAt: '2019-10-01' };
      const values = {
        fullName: 'Jan K.',
        email: 'jan@example.pl',
        phone: '600100200',
        institution: 'OPS',
        sector: 'ngo',
      };
      given(groupDecider, [zzkConvened])
        .when(
          join({
            fullName: undefined,
            institution: undefined,
            sector: undefined,
            ...client,
            [field]: values[field],
          } as never),
        )
        .thenThrows('member.client-must-be-pseudonymous', field);
    },
  );

  it('refuses a client case id that is not a UUID (it could carry a name)', () => {
    given(groupDecider, [zzkConvened])
      .when(
        join({
          personId: CLIENT,
          role: 'client',
          caseId: 'Kowalscy-17',
          fullName: undefined,
          institution: undefined,
          sector: undefined,
          occurredAt: '2019-10-01',
        }),
      )
      .thenThrows('member.case-id-invalid', 'caseId');
  });
});

describe('LeaveGroup', () => {
  it('records the last day and the reason', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(leave({ note: 'przeszła do MOPS' }))
      .then([
        {
          type: 'MemberLeft',
          data: {
            groupId: GROUP,
            personId: ANNA,
            leftOn: '2019-06-30',
            reason: 'changed-job',
            note: 'przeszła do MOPS',
          },
        },
      ]);
  });

  it('accepts leaving on the joining day (a one-day membership)', () => {
    expect(
      given(groupDecider, [pgrConvened, anna])
        .when(leave({ occurredAt: '2018-09-10' }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses someone who never joined', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(leave({ personId: PIOTR }))
      .thenThrows('member.not-a-member', 'personId');
  });

  it('refuses someone who has already left', () => {
    given(groupDecider, [pgrConvened, anna, left(ANNA, '2019-01-31')])
      .when(leave())
      .thenThrows('member.not-a-member', 'personId');
  });

  it('refuses leaving before joining', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(leave({ occurredAt: '2018-09-09' }))
      .thenThrows('member.left-before-joining', 'occurredAt');
  });

  it('refuses leaving before a meeting the member is recorded attending', () => {
    given(groupDecider, [pgrConvened, anna, met('2019-07-05', [ANNA])])
      .when(leave())
      .thenThrows('member.activity-after-leaving', 'occurredAt');
  });

  it('refuses leaving before a recorded change of role', () => {
    const roleChanged: GroupEvent = {
      type: 'MemberRoleChanged',
      data: { groupId: GROUP, personId: ANNA, role: 'member', previousRole: 'chair', changedOn: '2019-09-01' },
    };
    given(groupDecider, [pgrConvened, anna, roleChanged])
      .when(leave())
      .thenThrows('member.activity-after-leaving', 'occurredAt');
  });

  it.each([
    ['an unknown reason', { reason: raw('bored') }, 'member.leave-reason-unknown', 'reason'],
    ['an empty note', { note: ' ' }, 'member.note-invalid', 'note'],
    ['a person id that is not a UUID', { personId: 'anna' }, 'member.person-id-invalid', 'personId'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, [pgrConvened, anna])
      .when(leave(data as never))
      .thenThrows(code, field);
  });
});

describe('ChangeMemberRole', () => {
  it('records the new role with the one it replaces', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(changeRole())
      .then([
        {
          type: 'MemberRoleChanged',
          data: { groupId: GROUP, personId: ANNA, role: 'secretary', previousRole: 'chair', changedOn: '2019-01-15' },
        },
      ]);
  });

  it('refuses a change for someone who was not a member that day', () => {
    given(groupDecider, [pgrConvened, anna, left(ANNA, '2018-12-31')])
      .when(changeRole())
      .thenThrows('member.not-a-member', 'personId');
  });

  it('refuses the role the member already held that day', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(changeRole({ role: 'chair' }))
      .thenThrows('member.role-unchanged', 'role');
  });

  it('refuses making a professional a client, or a client anything else', () => {
    given(groupDecider, [zzkConvened, joined(ANNA, '2019-10-01')])
      .when(changeRole({ role: 'client', occurredAt: '2019-11-01' }))
      .thenThrows('member.client-role-fixed', 'role');
    given(groupDecider, [zzkConvened, clientJoined()])
      .when(changeRole({ personId: CLIENT, role: 'member', occurredAt: '2019-11-01' }))
      .thenThrows('member.client-role-fixed', 'role');
  });

  it('refuses an unknown role', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(changeRole({ role: raw('boss') }))
      .thenThrows('member.role-unknown', 'role');
  });
});

describe('HoldMeeting', () => {
  const members = [pgrConvened, anna, joined(PIOTR, '2018-09-10')];

  it('records the meeting with the members present', () => {
    given(groupDecider, members)
      .when(hold({ attendance: { kind: 'members', personIds: [ANNA, PIOTR.toUpperCase()] } }))
      .then([met('2018-10-12', [ANNA, PIOTR])]);
  });

  it('records a headcount when names of those present are not known', () => {
    const [event] = given(groupDecider, members)
      .when(hold({ days: 1, attendance: { kind: 'headcount', headcount: 9 } }))
      .events();
    expect(event.data).toMatchObject({ days: 1, attendance: { kind: 'headcount', headcount: 9 } });
  });

  it("records whether the client took part in a case team's meeting", () => {
    const [event] = given(groupDecider, [zzkConvened, clientJoined(), joined(ANNA, '2019-10-01')])
      .when(
        hold({
          attendance: { kind: 'members', personIds: [ANNA, CLIENT] },
          clientPresent: true,
          occurredAt: '2019-10-15',
        }),
      )
      .events();
    expect(event.data).toMatchObject({ clientPresent: true });
  });

  it('refuses a meeting before the body was convened', () => {
    given(groupDecider, members)
      .when(hold({ occurredAt: '2018-08-31' }))
      .thenThrows('meeting.before-convening', 'occurredAt');
  });

  it('refuses an attendance naming someone who never joined', () => {
    given(groupDecider, members)
      .when(hold({ attendance: { kind: 'members', personIds: [ANNA, EWA] } }))
      .thenThrows('meeting.attendee-not-member', 'attendance');
  });

  it('refuses an attendance naming someone who had left by the meeting day', () => {
    given(groupDecider, [...members, left(PIOTR, '2018-10-11')])
      .when(hold({ attendance: { kind: 'members', personIds: [ANNA, PIOTR] } }))
      .thenThrows('meeting.attendee-not-member', 'attendance');
  });

  it('counts a member present on the day they left', () => {
    expect(
      given(groupDecider, [...members, left(PIOTR, '2018-10-12')])
        .when(hold({ attendance: { kind: 'members', personIds: [PIOTR] } }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses recording the same meeting twice', () => {
    given(groupDecider, [...members, met('2018-10-12', [ANNA])])
      .when(hold())
      .thenThrows('meeting.already-recorded', 'meetingId');
  });

  it("refuses the client's presence for a body that is not a case team", () => {
    given(groupDecider, members)
      .when(hold({ clientPresent: false }))
      .thenThrows('meeting.client-presence-not-applicable', 'clientPresent');
  });

  it('refuses "client absent" when the attendance lists the client', () => {
    given(groupDecider, [zzkConvened, clientJoined()])
      .when(
        hold({ attendance: { kind: 'members', personIds: [CLIENT] }, clientPresent: false, occurredAt: '2019-10-15' }),
      )
      .thenThrows('meeting.client-presence-contradicts-attendance', 'clientPresent');
  });

  it.each([
    ['a meeting id that is not a UUID', { meetingId: 'm1' }, 'meeting.id-invalid', 'meetingId'],
    ['zero days', { days: 0 }, 'meeting.days-invalid', 'days'],
    ['half a day', { days: 0.5 }, 'meeting.days-invalid', 'days'],
    [
      'an empty attendance list',
      { attendance: { kind: 'members', personIds: [] } },
      'meeting.attendance-invalid',
      'attendance',
    ],
    [
      'a member listed twice',
      { attendance: { kind: 'members', personIds: [ANNA, ANNA] } },
      'meeting.attendance-invalid',
      'attendance',
    ],
    [
      'a headcount of zero',
      { attendance: { kind: 'headcount', headcount: 0 } },
      'meeting.attendance-invalid',
      'attendance',
    ],
    ['an attendance of another shape', { attendance: raw([ANNA]) }, 'meeting.attendance-invalid', 'attendance'],
    [
      'a client presence that is not true or false',
      { clientPresent: raw('yes') },
      'meeting.client-present-invalid',
      'clientPresent',
    ],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, members)
      .when(hold(data as never))
      .thenThrows(code, field);
  });
});

describe('DissolveGroup', () => {
  it('records the last day of the body', () => {
    given(groupDecider, [pgrConvened, anna, met('2018-10-12', [ANNA])])
      .when(dissolve())
      .then([dissolved]);
  });

  it('accepts a dissolution on the day of the last meeting', () => {
    expect(
      given(groupDecider, [pgrConvened, anna, met('2019-03-29', [ANNA])])
        .when(dissolve())
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a dissolution dated before a recorded meeting', () => {
    given(groupDecider, [pgrConvened, anna, met('2019-04-05', [ANNA])])
      .when(dissolve())
      .thenThrows('group.dissolution-before-last-fact', 'occurredAt');
  });

  it('refuses dissolving twice', () => {
    given(groupDecider, [pgrConvened, dissolved]).when(dissolve()).thenThrows('group.dissolved');
  });
});

describe('CorrectGroupDetails', () => {
  it('records only what changes, with the reason', () => {
    given(groupDecider, [pgrConvened])
      .when(correctGroup({ name: 'PGR Chojnice', level: 'powiat' }))
      .then([
        {
          type: 'GroupDetailsCorrected',
          data: { groupId: GROUP, name: 'PGR Chojnice', reason: 'typo in the register' },
        },
      ]);
  });

  it('re-reads the voivodeship when the territory changes', () => {
    const state = fold(groupDecider, [pgrConvened]);
    const [event] = groupDecider.decide(correctGroup({ territory: '0403' }), state);
    expect(event.data).toMatchObject({ territory: '0403', voivodeship: 'kujawsko-pomorskie' });
  });

  it("drops the label when a body of kind 'other' turns out to be a PZK", () => {
    const other: GroupEvent = {
      type: 'GroupConvened',
      data: { ...pgrConvened.data, kind: 'other', label: 'Zespół lokalny' },
    };
    const [event] = given(groupDecider, [other])
      .when(correctGroup({ kind: 'PZK' }))
      .events();
    expect(event.data).toMatchObject({ kind: 'PZK', label: null });
    const state = fold(groupDecider, [other, event]);
    expect(state.status !== 'none' && state.details).not.toHaveProperty('label');
  });

  it('accepts a correction of a dissolved body', () => {
    expect(
      given(groupDecider, [pgrConvened, dissolved])
        .when(correctGroup({ name: 'PGR Chojnice' }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a convening date later than a member joined', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(correctGroup({ convenedOn: '2018-09-11' }))
      .thenThrows('member.joined-before-convening', 'joinedOn');
  });

  it('refuses a convening date later than a meeting', () => {
    const headcount = met('2018-10-12', [], { attendance: { kind: 'headcount', headcount: 6 } });
    given(groupDecider, [pgrConvened, headcount])
      .when(correctGroup({ convenedOn: '2018-10-13' }))
      .thenThrows('meeting.before-convening', 'heldOn');
  });

  it('refuses a kind without client members while a client sits in the body', () => {
    given(groupDecider, [zzkConvened, clientJoined()])
      .when(correctGroup({ kind: 'PZK' }))
      .thenThrows('member.client-not-allowed', 'kind');
  });

  it('refuses a new territory outside the partnership or the editor’s voivodeships', () => {
    given(groupDecider, [pgrConvened])
      .when(correctGroup({ territory: '1202' }))
      .thenThrows('territory.outside-tenant', 'territory');
    given(groupDecider, [pgrConvened])
      .when(correctGroup({ territory: '0403', allowedVoivodeships: ['pomorskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it.each([
    ['no reason', { name: 'X', reason: ' ' }, 'correction.reason-invalid', 'reason'],
    ['nothing different', { name: 'PGR powiatu chojnickiego' }, 'correction.no-change', undefined],
    [
      'a level the territory does not fit',
      { level: 'voivodeship', kind: 'RGR' },
      'territory.level-mismatch',
      'territory',
    ],
    ['a level the kind does not work at', { level: 'gmina' }, 'group.level-not-allowed', 'level'],
    ['a label on a PGR', { label: 'PGR' }, 'group.label-only-for-other', 'label'],
    ['a convening date that is no day', { convenedOn: '2018-02-30' }, 'date.invalid', 'convenedOn'],
    ['a convening date outside the period', { convenedOn: '2018-01-01' }, 'fact.outside-project-period', 'convenedOn'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, [pgrConvened])
      .when(correctGroup(data as never))
      .thenThrows(code, field);
  });
});

describe('CorrectMemberDetails', () => {
  it('records the corrected personal and institutional facts', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(correctMember({ fullName: 'Anna Kowalska-Nowak', sector: 'local-government', institution: 'Starostwo' }))
      .then([
        {
          type: 'MemberDetailsCorrected',
          data: {
            groupId: GROUP,
            personId: ANNA,
            membershipJoinedOn: '2018-09-10',
            fullName: 'Anna Kowalska-Nowak',
            institution: 'Starostwo',
            sector: 'local-government',
            reason: 'misspelt surname',
          },
        },
      ]);
  });

  it('removes an e-mail that should never have been recorded', () => {
    const history = [pgrConvened, joined(ANNA, '2018-09-10', { email: 'prywatny@example.pl' })];
    const [event] = given(groupDecider, history)
      .when(correctMember({ email: null }))
      .events();
    expect(event.data).toMatchObject({ email: null });
    expect(compositionAt(fold(groupDecider, [...history, event]), '2018-09-10')[0]).not.toHaveProperty('email');
  });

  it('moves a joining date, so the composition changes with it', () => {
    const [event] = given(groupDecider, [pgrConvened, anna])
      .when(correctMember({ joinedOn: '2018-09-01' }))
      .events();
    const state = fold(groupDecider, [pgrConvened, anna, event]);
    expect(compositionAt(state, '2018-09-01').map((m) => [m.personId, m.role])).toEqual([[ANNA, 'chair']]);
  });

  it('refuses a membership not recorded from that day', () => {
    given(groupDecider, [pgrConvened, anna])
      .when(correctMember({ membershipJoinedOn: '2018-09-11', fullName: 'A' }))
      .thenThrows('member.membership-not-found');
  });

  it('refuses naming a client', () => {
    given(groupDecider, [zzkConvened, clientJoined()])
      .when(correctMember({ personId: CLIENT, membershipJoinedOn: '2019-10-01', fullName: 'Jan K.' }))
      .thenThrows('member.client-must-be-pseudonymous', 'fullName');
  });

  it('refuses a joining date after a meeting the member attended', () => {
    given(groupDecider, [pgrConvened, anna, met('2018-10-12', [ANNA])])
      .when(correctMember({ joinedOn: '2018-10-13' }))
      .thenThrows('meeting.attendee-not-member', 'attendance');
  });

  it('refuses a joining date that overlaps another membership of the person', () => {
    const history = [pgrConvened, joined(ANNA, '2018-09-01'), left(ANNA, '2018-12-31'), joined(ANNA, '2019-02-01')];
    given(groupDecider, history)
      .when(correctMember({ membershipJoinedOn: '2019-02-01', joinedOn: '2018-12-01' }))
      .thenThrows('member.already-member', 'joinedOn');
  });

  it('refuses a joining date after the member left', () => {
    given(groupDecider, [pgrConvened, anna, left(ANNA, '2019-01-31')])
      .when(correctMember({ joinedOn: '2019-02-01' }))
      .thenThrows('member.left-before-joining', 'joinedOn');
  });

  it.each([
    ['no reason', { fullName: 'A', reason: '' }, 'correction.reason-invalid', 'reason'],
    ['the name already recorded', { fullName: 'Person 01' }, 'correction.no-change', undefined],
    ['a malformed e-mail', { email: 'nope' }, 'member.email-invalid', 'email'],
    ['a joining date before the convening', { joinedOn: '2018-08-01' }, 'member.joined-before-convening', 'joinedOn'],
    ['a joining date outside the period', { joinedOn: '2018-03-01' }, 'fact.outside-project-period', 'joinedOn'],
    ['an unknown sector', { sector: raw('army') }, 'member.sector-unknown', 'sector'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, [pgrConvened, anna])
      .when(correctMember(data as never))
      .thenThrows(code, field);
  });
});

describe('CorrectMeeting', () => {
  const history = [pgrConvened, anna, joined(PIOTR, '2018-09-10'), met('2018-10-12', [ANNA])];

  it('records a corrected attendance', () => {
    given(groupDecider, history)
      .when(correctMeeting({ attendance: { kind: 'members', personIds: [ANNA, PIOTR] } }))
      .then([
        {
          type: 'MeetingCorrected',
          data: {
            groupId: GROUP,
            meetingId: MEETING,
            attendance: { kind: 'members', personIds: [ANNA, PIOTR] },
            reason: 'attendance list re-read',
          },
        },
      ]);
  });

  it('moves a meeting to another day', () => {
    const [event] = given(groupDecider, history)
      .when(correctMeeting({ heldOn: '2018-10-19' }))
      .events();
    const state = fold(groupDecider, [...history, event]);
    expect(state.status !== 'none' && state.meetings.map((m) => m.heldOn)).toEqual(['2018-10-19']);
  });

  it('refuses a meeting not recorded', () => {
    given(groupDecider, history)
      .when(correctMeeting({ meetingId: '3e3e3e3e-0000-4000-8000-0000000000ff', days: 1 }))
      .thenThrows('meeting.not-found');
  });

  it('refuses a day before the convening', () => {
    given(groupDecider, history)
      .when(correctMeeting({ heldOn: '2018-08-30' }))
      .thenThrows('meeting.before-convening', 'heldOn');
  });

  it('refuses a day after the dissolution', () => {
    given(groupDecider, [...history, dissolved])
      .when(correctMeeting({ heldOn: '2019-04-01' }))
      .thenThrows('group.dissolution-before-last-fact', 'dissolvedOn');
  });

  it('refuses an attendance naming a non-member', () => {
    given(groupDecider, history)
      .when(correctMeeting({ attendance: { kind: 'members', personIds: [EWA] } }))
      .thenThrows('meeting.attendee-not-member', 'attendance');
  });

  it("removes a client's presence recorded by mistake", () => {
    const zzk = [zzkConvened, clientJoined(), met('2019-10-15', [CLIENT], { clientPresent: true })];
    const [event] = given(groupDecider, zzk)
      .when(correctMeeting({ clientPresent: null }))
      .events();
    const state = fold(groupDecider, [...zzk, event]);
    expect(state.status !== 'none' && state.meetings[0]).not.toHaveProperty('clientPresent');
  });

  it.each([
    ['no reason', { days: 1, reason: ' ' }, 'correction.reason-invalid', 'reason'],
    ['nothing different', { days: 2 }, 'correction.no-change', undefined],
    [
      'a malformed attendance',
      { attendance: { kind: 'headcount', headcount: -1 } },
      'meeting.attendance-invalid',
      'attendance',
    ],
    ['a day outside the period', { heldOn: '2021-04-01' }, 'fact.outside-project-period', 'heldOn'],
    ['no whole number of days', { days: 1.5 }, 'meeting.days-invalid', 'days'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(groupDecider, history)
      .when(correctMeeting(data as never))
      .thenThrows(code, field);
  });
});
