import { DomainError, fold } from '@kooperacja/platform';
import fc from 'fast-check';
import { compositionAt } from '../group/composition';
import type { GroupCommand } from '../group/group.commands';
import { groupDecider } from '../group/group.decider';
import type { GroupEvent } from '../group/group.events';
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
} from '../group/group.fixtures';
import type { ExistingGroup, GroupState } from '../group/group.state';
import {
  dayBefore,
  GroupChanges,
  groupRowOf,
  intervalsOf,
  meetingRowOf,
  stateOf,
  type MeetingRowData,
  type MembershipRowData,
} from './group-composition.rows';

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
    .tuple(person, day, fc.constantFrom('member', 'secretary', 'chair') as fc.Arbitrary<'member' | 'secretary'>)
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
);

/** What the decider accepts of `commands`, as the stored history of a ZZK. */
function historyOf(commands: readonly GroupCommand[]): GroupEvent[] {
  const history: GroupEvent[] = [zzkConvened];
  let state: GroupState = fold(groupDecider, history);
  for (const c of commands) {
    try {
      const events = groupDecider.decide(c, state);
      history.push(...events);
      state = events.reduce(groupDecider.evolve, state);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return history;
}

/** A table in memory, keyed like its primary key. */
class Table<R extends object> {
  readonly rows = new Map<string, R>();
  constructor(private readonly key: readonly (keyof R)[]) {}
  keyOf = (r: Partial<R>) => JSON.stringify(this.key.map((k) => r[k]));
  remove(keys: readonly Partial<R>[]) {
    for (const k of keys) this.rows.delete(this.keyOf(k));
  }
  upsert(rows: readonly R[]) {
    for (const r of rows) this.rows.set(this.keyOf(r), r);
  }
  sorted(): R[] {
    return [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, r]) => r);
  }
}

/** The state as rows can hold it: no personal data; memberships in no particular order. */
function comparable(state: ExistingGroup): ExistingGroup {
  return {
    ...state,
    memberships: state.memberships
      .map(({ fullName: _f, email: _e, phone: _p, ...m }) => m)
      .sort((a, b) => a.joinedOn.localeCompare(b.joinedOn) || a.personId.localeCompare(b.personId)),
  };
}

describe('group composition rows', () => {
  it('written batch by batch, equal the rows of the final state, read back into it, and answer any day alike', () => {
    fc.assert(
      fc.property(
        fc.array(command, { maxLength: 25 }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (commands, batchSize, cached) => {
          const history = historyOf(commands);
          const memberships = new Table<MembershipRowData>(['group_id', 'person_id', 'joined_on', 'spell']);
          const meetingRows = new Table<MeetingRowData>(['group_id', 'meeting_id']);
          let groupRow: ReturnType<typeof groupRowOf> | undefined;
          let cachedState: ExistingGroup | undefined;

          for (let start = 0; start < history.length; start += batchSize) {
            const before =
              groupRow === undefined
                ? undefined
                : cached
                  ? cachedState!
                  : stateOf(groupRow, [...memberships.sorted()].sort(byJoiningPersonSpell), meetingRows.sorted());
            const after = history
              .slice(start, start + batchSize)
              .reduce<GroupState>(groupDecider.evolve, before ?? groupDecider.initialState()) as ExistingGroup;
            const changes = new GroupChanges();
            changes.compare(before, after, start + batchSize - 1, 'e');
            memberships.remove(changes.memberships.removed());
            memberships.upsert(changes.memberships.upserted());
            meetingRows.remove(changes.meetings.removed());
            meetingRows.upsert(changes.meetings.upserted());
            groupRow = changes.groups[0];
            cachedState = after;
          }

          const final = fold(groupDecider, history) as ExistingGroup;
          const id = final.details.groupId;
          const fresh = new Table<MembershipRowData>(['group_id', 'person_id', 'joined_on', 'spell']);
          fresh.upsert(final.memberships.flatMap((m) => intervalsOf(id, m)));
          expect(memberships.sorted()).toEqual(fresh.sorted());
          expect(meetingRows.sorted()).toEqual(
            [...final.meetings.map((m, i) => meetingRowOf(id, m, i))].sort((a, b) =>
              a.meeting_id < b.meeting_id ? -1 : 1,
            ),
          );
          const readBack = stateOf(
            groupRow!,
            [...memberships.sorted()].sort(byJoiningPersonSpell),
            meetingRows.sorted(),
          );
          expect(comparable(readBack)).toEqual(comparable(final));

          for (const d of days) {
            const existed =
              groupRow!.convened_on <= d && (groupRow!.dissolved_on === null || d <= groupRow!.dissolved_on);
            const fromRows = existed
              ? memberships
                  .sorted()
                  .filter((r) => r.valid_from <= d && (r.valid_to === null || d <= r.valid_to))
                  .map((r) => `${r.person_id}:${r.role}`)
                  .sort()
              : [];
            const fromState = compositionAt(final, d)
              .map((m) => `${m.personId}:${m.role}`)
              .sort();
            expect([d, fromRows]).toEqual([d, fromState]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives a spell taken over on its first day an empty interval, so it never shows', () => {
    const history = historyOf([
      join({ personId: ANNA, occurredAt: '2019-10-01', role: 'member' }),
      changeRole({ personId: ANNA, occurredAt: '2019-10-01', role: 'chair' }),
    ]);
    const rows = intervalsOf(zzkConvened.data.groupId, (fold(groupDecider, history) as ExistingGroup).memberships[0]);
    expect(rows.map((r) => [r.role, r.valid_from, r.valid_to])).toEqual([
      ['member', '2019-10-01', '2019-09-30'],
      ['chair', '2019-10-01', null],
    ]);
  });

  it('counts days across month and leap-year ends', () => {
    expect([dayBefore('2020-03-01'), dayBefore('2019-03-01'), dayBefore('2019-01-01')]).toEqual([
      '2020-02-29',
      '2019-02-28',
      '2018-12-31',
    ]);
  });
});

function byJoiningPersonSpell(a: MembershipRowData, b: MembershipRowData): number {
  return a.joined_on.localeCompare(b.joined_on) || a.person_id.localeCompare(b.person_id) || a.spell - b.spell;
}
