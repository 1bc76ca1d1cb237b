import { fold } from '@kooperacja/platform';
import { groupEventCatalogue } from './group.catalogue';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';
import { ANNA, changeRole, convene, correctMember, hold, join, leave } from './group.fixtures';

const PERSONAL = ['fullName', 'email', 'phone'];

describe('group event catalogue', () => {
  it('stores every event under an explicit, versioned name', () => {
    expect(groupEventCatalogue.definitions().map((d) => d.storedName)).toEqual([
      'groups.GroupConvened.v1',
      'groups.MemberJoined.v1',
      'groups.MemberLeft.v1',
      'groups.MemberRoleChanged.v1',
      'groups.MeetingHeld.v1',
      'groups.GroupDissolved.v1',
      'groups.GroupDetailsCorrected.v1',
      'groups.MemberDetailsCorrected.v1',
      'groups.MeetingCorrected.v1',
    ]);
  });

  it("lists a person's name, e-mail and phone as personal wherever they are recorded", () => {
    expect(groupEventCatalogue.definitionOf('MemberJoined').personalFields).toEqual(PERSONAL);
    expect(groupEventCatalogue.definitionOf('MemberDetailsCorrected').personalFields).toEqual(
      expect.arrayContaining(PERSONAL),
    );
  });

  it('lets no personal data into an event field the catalogue does not list', () => {
    const commands = [
      convene(),
      join({ email: 'a@ops.example.pl', phone: '600 100 200' }),
      changeRole(),
      hold(),
      correctMember({ fullName: 'Anna K.', email: 'b@ops.example.pl', phone: '600 100 201' }),
      leave({ note: 'choroba', personId: ANNA }),
    ];
    const events: GroupEvent[] = [];
    for (const c of commands) events.push(...groupDecider.decide(c, fold(groupDecider, events)));

    const values = ['Anna Kowalska', 'Anna K.', 'a@ops.example.pl', 'b@ops.example.pl', '600 100 200', 'choroba'];
    for (const e of events) {
      const personal = groupEventCatalogue.definitionOf(e.type).personalFields ?? [];
      for (const [field, value] of Object.entries(e.data)) {
        if (values.includes(value as string)) expect(personal).toContain(field);
      }
    }
    expect(events.map((e) => e.type)).toEqual([
      'GroupConvened',
      'MemberJoined',
      'MemberRoleChanged',
      'MeetingHeld',
      'MemberDetailsCorrected',
      'MemberLeft',
    ]);
  });

  it('names the member as the subject of their personal fields, so erasing the person erases them', () => {
    const person = '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a';
    const joined = {
      groupId: 'g',
      personId: person,
      fullName: 'Anna Kowalska',
      email: 'a@ops.example.pl',
      role: 'member',
    };
    expect(groupEventCatalogue.personalDataOf('MemberJoined', joined, 'groups.group-g')).toEqual({
      subjectId: person,
      fields: ['fullName', 'email'],
    });
    const client = { groupId: 'g', personId: person, caseId: 'c', role: 'client' };
    expect(groupEventCatalogue.personalDataOf('MemberJoined', client, 'groups.group-g')).toBeUndefined();
    expect(groupEventCatalogue.personalDataOf('MemberLeft', { personId: person, note: 'choroba' }, 's')).toEqual({
      subjectId: person,
      fields: ['note'],
    });
  });

  it('reads a stored event back as the domain event', () => {
    const stored = { groupId: 'g', dissolvedOn: '2019-03-29' };
    expect(groupEventCatalogue.toDomain('groups.GroupDissolved.v1', stored)).toEqual({
      type: 'GroupDissolved',
      data: stored,
    });
  });
});
