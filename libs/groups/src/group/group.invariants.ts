import { conflict, type DomainError } from '@kooperacja/platform';
import { groupKindCatalogue } from '../contracts/catalogues';
import { covers, isClient, type ExistingGroup, type Meeting } from './group.state';

/**
 * What must hold of a body's whole record, whatever order its facts were entered in.
 * Each command checks its own part of this up front with the same codes; corrections,
 * which can move any fact, are checked against all of it. Messages name people by
 * personId only: they may end up in logs.
 */
export function firstInconsistency(group: ExistingGroup): DomainError | null {
  const { details } = group;
  const kind = groupKindCatalogue[details.kind];

  for (const m of group.memberships) {
    if (m.joinedOn < details.convenedOn) {
      return conflict(
        'member.joined-before-convening',
        `member ${m.personId} joined on ${m.joinedOn}, before the body was convened on ${details.convenedOn}`,
        'joinedOn',
      );
    }
    if (m.leftOn !== undefined && m.leftOn < m.joinedOn) {
      return conflict(
        'member.left-before-joining',
        `member ${m.personId} left on ${m.leftOn}, before joining on ${m.joinedOn}`,
        'joinedOn',
      );
    }
    if (m.roles.some((r) => r.from < m.joinedOn || (m.leftOn !== undefined && r.from > m.leftOn))) {
      return conflict(
        'member.role-change-outside-membership',
        `member ${m.personId} has a role change outside the membership ${m.joinedOn} – ${m.leftOn ?? 'now'}`,
        'joinedOn',
      );
    }
    if (isClient(m) && !kind.clientMembers) {
      return conflict('member.client-not-allowed', `a ${details.kind} has no client members`, 'kind');
    }
  }

  for (const [i, a] of group.memberships.entries()) {
    for (const b of group.memberships.slice(i + 1)) {
      if (a.personId === b.personId && overlap(a, b)) {
        return conflict(
          'member.already-member',
          `member ${a.personId} would be a member twice at once (from ${a.joinedOn} and from ${b.joinedOn})`,
          'joinedOn',
        );
      }
    }
  }

  for (const meeting of group.meetings) {
    const problem = meetingInconsistency(group, meeting);
    if (problem) return problem;
  }

  if (group.dissolvedOn !== undefined) {
    const last = lastFactDay(group);
    if (last > group.dissolvedOn) {
      return conflict(
        'group.dissolution-before-last-fact',
        `the body was dissolved on ${group.dissolvedOn}, but has a fact dated ${last}`,
        'dissolvedOn',
      );
    }
  }
  return null;
}

export function meetingInconsistency(group: ExistingGroup, meeting: Meeting): DomainError | null {
  const { details } = group;
  if (meeting.heldOn < details.convenedOn) {
    return conflict(
      'meeting.before-convening',
      `a meeting on ${meeting.heldOn} precedes the convening on ${details.convenedOn}`,
      'heldOn',
    );
  }
  if (meeting.clientPresent !== undefined && !groupKindCatalogue[details.kind].caseTeam) {
    return conflict(
      'meeting.client-presence-not-applicable',
      `only case teams record the client's presence; this body is a ${details.kind}`,
      'clientPresent',
    );
  }
  if (meeting.attendance.kind === 'members') {
    let clientListed = false;
    for (const id of meeting.attendance.personIds) {
      const membership = group.memberships.find((m) => m.personId === id && covers(m, meeting.heldOn));
      if (!membership) {
        return conflict(
          'meeting.attendee-not-member',
          `${id} was not a member on ${meeting.heldOn} and cannot be listed as attending`,
          'attendance',
        );
      }
      clientListed ||= isClient(membership);
    }
    if (meeting.clientPresent === false && clientListed) {
      return conflict(
        'meeting.client-presence-contradicts-attendance',
        'the attendance lists the client, so the client was present',
        'clientPresent',
      );
    }
  }
  return null;
}

/** The latest day any recorded fact of the body happened on. */
export function lastFactDay(group: ExistingGroup): string {
  let last = group.details.convenedOn;
  const see = (day: string | undefined) => {
    if (day !== undefined && day > last) last = day;
  };
  for (const m of group.memberships) {
    see(m.joinedOn);
    see(m.leftOn);
    for (const r of m.roles) see(r.from);
  }
  for (const meeting of group.meetings) see(meeting.heldOn);
  return last;
}

function overlap(a: { joinedOn: string; leftOn?: string }, b: { joinedOn: string; leftOn?: string }): boolean {
  const aEnds = a.leftOn ?? '9999-12-31';
  const bEnds = b.leftOn ?? '9999-12-31';
  return a.joinedOn <= bEnds && b.joinedOn <= aEnds;
}
