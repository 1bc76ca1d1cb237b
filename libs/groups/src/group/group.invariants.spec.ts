import { DomainError, fold } from '@kooperacja/platform';
import fc from 'fast-check';
import type { GroupCommand } from './group.commands';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';
import { firstInconsistency } from './group.invariants';
import type { GroupState } from './group.state';
import {
  ANNA,
  CLIENT,
  EWA,
  PIOTR,
  changeRole,
  correctGroup,
  correctMeeting,
  correctMember,
  dissolve,
  hold,
  join,
  leave,
  zzkConvened,
} from './group.fixtures';

// A ZZK, so that client members, client presence and every other rule can come into play.
const people = [ANNA, PIOTR, EWA, CLIENT];
const meetings = ['3e3e3e3e-0000-4000-8000-000000000001', '3e3e3e3e-0000-4000-8000-000000000002'];
const days = ['2019-09-30', '2019-10-01', '2019-10-02', '2019-10-15', '2019-11-01', '2019-11-30', '2019-12-01'];

const person = fc.constantFrom(...people);
const day = fc.constantFrom(...days);
const attendance = fc.subarray(people, { minLength: 1 }).map((personIds) => ({ kind: 'members' as const, personIds }));

const command: fc.Arbitrary<GroupCommand> = fc.oneof(
  fc
    .tuple(person, day, fc.constantFrom('member', 'chair', 'client') as fc.Arbitrary<'member' | 'chair' | 'client'>)
    .map(([personId, occurredAt, role]) =>
      role === 'client'
        ? join({ personId, occurredAt, role, fullName: undefined, institution: undefined, sector: undefined })
        : join({ personId, occurredAt, role }),
    ),
  fc.tuple(person, day).map(([personId, occurredAt]) => leave({ personId, occurredAt })),
  fc
    .tuple(person, day, fc.constantFrom('member', 'secretary') as fc.Arbitrary<'member' | 'secretary'>)
    .map(([personId, occurredAt, role]) => changeRole({ personId, occurredAt, role })),
  fc
    .tuple(fc.constantFrom(...meetings), day, attendance, fc.option(fc.boolean(), { nil: undefined }))
    .map(([meetingId, occurredAt, a, clientPresent]) => hold({ meetingId, occurredAt, attendance: a, clientPresent })),
  day.map((occurredAt) => dissolve({ occurredAt })),
  fc
    .tuple(person, day, day)
    .map(([personId, membershipJoinedOn, joinedOn]) => correctMember({ personId, membershipJoinedOn, joinedOn })),
  fc
    .tuple(fc.constantFrom(...meetings), day, attendance)
    .map(([meetingId, heldOn, a]) => correctMeeting({ meetingId, heldOn, attendance: a })),
  day.map((convenedOn) => correctGroup({ convenedOn })),
  fc.constantFrom('PZK', 'GGK').map((kind) => correctGroup({ kind: kind as 'PZK' | 'GGK' })),
);

describe('group invariants', () => {
  it('hold after every command the decider accepts, in any order of recording', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (commands) => {
        const history: GroupEvent[] = [zzkConvened];
        let state: GroupState = fold(groupDecider, history);
        for (const c of commands) {
          let events: readonly GroupEvent[] = [];
          try {
            events = groupDecider.decide(c, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          history.push(...events);
          state = events.reduce(groupDecider.evolve, state);
          if (state.status === 'none') throw new Error('the group vanished');
          expect(firstInconsistency(state)).toBeNull();
        }
        // Replaying what was stored gives the same state (evolve is a pure function of history).
        expect(fold(groupDecider, history)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });
});
