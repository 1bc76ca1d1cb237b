import { EventCatalogue } from '@kooperacja/platform';
import type { GroupEvent } from './group.events';

const personal = ['fullName', 'email', 'phone'] as const;
// Personal fields are sealed under the member's key: erasing the person (their personId) erases them.
const subjectField = 'personId';

export const groupEventCatalogue = new EventCatalogue<GroupEvent>('groups.', [
  { type: 'GroupConvened', storedName: 'groups.GroupConvened.v1' },
  { type: 'MemberJoined', storedName: 'groups.MemberJoined.v1', personalFields: personal, subjectField },
  // The note on why someone left is free text about a person (it may mention illness): personal.
  { type: 'MemberLeft', storedName: 'groups.MemberLeft.v1', personalFields: ['note'], subjectField },
  { type: 'MemberRoleChanged', storedName: 'groups.MemberRoleChanged.v1' },
  { type: 'MeetingHeld', storedName: 'groups.MeetingHeld.v1' },
  { type: 'GroupDissolved', storedName: 'groups.GroupDissolved.v1' },
  { type: 'GroupDetailsCorrected', storedName: 'groups.GroupDetailsCorrected.v1' },
  {
    type: 'MemberDetailsCorrected',
    storedName: 'groups.MemberDetailsCorrected.v1',
    // The reason for correcting a person's record usually names what was wrong about them.
    personalFields: [...personal, 'reason'],
    subjectField,
  },
  { type: 'MeetingCorrected', storedName: 'groups.MeetingCorrected.v1' },
]);
