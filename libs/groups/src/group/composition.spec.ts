import { fold } from '@kooperacja/platform';
import { bodyFactsAt } from './body-facts';
import { compositionAt } from './composition';
import { groupDecider } from './group.decider';
import type { GroupEvent } from './group.events';
import {
  ANNA,
  CASE,
  CLIENT,
  EWA,
  GROUP,
  PIOTR,
  clientJoined,
  joined,
  left,
  pgrConvened,
  zzkConvened,
} from './group.fixtures';

const stateOf = (events: GroupEvent[]) => fold(groupDecider, events);
const ids = (events: GroupEvent[], date: string) => compositionAt(stateOf(events), date).map((m) => m.personId);

describe('compositionAt', () => {
  it('is empty for a group never convened, and before the convening day', () => {
    expect(compositionAt(stateOf([]), '2019-01-01')).toEqual([]);
    expect(ids([pgrConvened, joined(ANNA, '2018-09-01')], '2018-08-31')).toEqual([]);
  });

  it('counts the joining day: a member from that day on, not the day before', () => {
    const history = [pgrConvened, joined(ANNA, '2018-09-10')];
    expect(ids(history, '2018-09-09')).toEqual([]);
    expect(ids(history, '2018-09-10')).toEqual([ANNA]);
    expect(ids(history, '2030-01-01')).toEqual([ANNA]);
  });

  it('counts the leaving day: a member on the day they left, not the day after', () => {
    const history = [pgrConvened, joined(ANNA, '2018-09-10'), left(ANNA, '2019-01-31')];
    expect(ids(history, '2019-01-31')).toEqual([ANNA]);
    expect(ids(history, '2019-02-01')).toEqual([]);
  });

  it('counts a one-day membership on that day only', () => {
    const history = [pgrConvened, joined(ANNA, '2018-09-10'), left(ANNA, '2018-09-10')];
    expect(ids(history, '2018-09-09')).toEqual([]);
    expect(ids(history, '2018-09-10')).toEqual([ANNA]);
    expect(ids(history, '2018-09-11')).toEqual([]);
  });

  it('shows a member who came back only during each membership', () => {
    const history = [
      pgrConvened,
      joined(ANNA, '2018-09-10'),
      left(ANNA, '2018-12-31'),
      joined(ANNA, '2019-03-01', { institution: 'MOPS Chojnice' }),
    ];
    expect(ids(history, '2019-01-15')).toEqual([]);
    expect(compositionAt(stateOf(history), '2019-03-01')).toEqual([
      expect.objectContaining({ personId: ANNA, institution: 'MOPS Chojnice', joinedOn: '2019-03-01' }),
    ]);
  });

  it('gives the role held that day: a new role from the day of the change', () => {
    const roleChanged: GroupEvent = {
      type: 'MemberRoleChanged',
      data: { groupId: GROUP, personId: ANNA, role: 'chair', previousRole: 'member', changedOn: '2019-01-15' },
    };
    const state = stateOf([pgrConvened, joined(ANNA, '2018-09-10'), roleChanged]);
    expect(compositionAt(state, '2019-01-14')[0].role).toBe('member');
    expect(compositionAt(state, '2019-01-15')[0].role).toBe('chair');
  });

  it('counts members on the dissolution day and nobody after it', () => {
    const history: GroupEvent[] = [
      pgrConvened,
      joined(ANNA, '2018-09-10'),
      { type: 'GroupDissolved', data: { groupId: GROUP, dissolvedOn: '2019-03-29' } },
    ];
    expect(ids(history, '2019-03-29')).toEqual([ANNA]);
    expect(ids(history, '2019-03-30')).toEqual([]);
  });

  it('orders members by joining day, then by id, and reads only the day of a date-time', () => {
    const history = [pgrConvened, joined(PIOTR, '2018-09-10'), joined(EWA, '2018-09-01'), joined(ANNA, '2018-09-10')];
    expect(ids(history, '2018-09-10T23:30:00+02:00')).toEqual([EWA, ANNA, PIOTR]);
  });

  it('never gives a client a name: only the pseudonymous ids', () => {
    expect(compositionAt(stateOf([zzkConvened, clientJoined()]), '2019-10-01')).toEqual([
      { personId: CLIENT, caseId: CASE, role: 'client', joinedOn: '2019-10-01' },
    ]);
  });
});

describe('bodyFactsAt', () => {
  const history: GroupEvent[] = [
    pgrConvened,
    joined(ANNA, '2018-09-10'),
    joined(PIOTR, '2018-09-10'),
    left(PIOTR, '2019-01-31'),
    { type: 'GroupDissolved', data: { groupId: GROUP, dissolvedOn: '2019-03-29' } },
  ];

  it('is null for a group never convened', () => {
    expect(bodyFactsAt(stateOf([]), '2019-01-01')).toBeNull();
  });

  it('tells whether the body was convened by that day and how many members it had', () => {
    expect(bodyFactsAt(stateOf(history), '2018-08-31')).toMatchObject({ convened: false, memberCount: 0 });
    expect(bodyFactsAt(stateOf(history), '2019-01-31')).toEqual({
      exists: true,
      groupId: GROUP,
      kind: 'PGR',
      level: 'powiat',
      voivodeship: 'pomorskie',
      convenedOn: '2018-09-01',
      convened: true,
      dissolvedOn: '2019-03-29',
      memberCount: 2,
    });
    expect(bodyFactsAt(stateOf(history), '2019-02-01')).toMatchObject({ memberCount: 1 });
  });
});
