import { assertWithinPeriod, conflict, invalid, notFound, type Decider } from '@kooperacja/platform';
import type { BodyFacts } from '@kooperacja/groups';
import type { DecisionOutcome, DecisionView } from '../contracts/read-model';
import type {
  AdoptDecision,
  AmendDecision,
  CorrectDecisionRecord,
  DecisionCommand,
  ExternalFacts,
  ProposeDecision,
  RejectDecision,
  RevokeDecision,
} from './decision.commands';
import type {
  DecisionAdopted,
  DecisionAmended,
  DecisionEvent,
  DecisionProposed,
  DecisionRecordCorrected,
  DecisionRejected,
  DecisionRevoked,
} from './decision.events';
import { evolveDecision, initialDecisionState, type DecisionState } from './decision.state';
import { assertVoivodeshipAllowed, dayOf, text, uuid } from './input';

const MAX_SUBJECT = 300;
const MAX_TEXT = 20_000;
const MAX_REASON = 500;

export const decisionDecider: Decider<DecisionState, DecisionCommand, DecisionEvent> = {
  initialState: initialDecisionState,
  evolve: evolveDecision,
  decide(command, state) {
    switch (command.type) {
      case 'ProposeDecision':
        return [propose(command, state)];
      case 'AdoptDecision':
        return [adopt(command, state)];
      case 'RejectDecision':
        return [reject(command, state)];
      case 'AmendDecision':
        return [amend(command, state)];
      case 'RevokeDecision':
        return [revoke(command, state)];
      case 'CorrectDecisionRecord':
        return [correct(command, state)];
    }
  },
};

function propose({ data }: ProposeDecision, state: DecisionState): DecisionProposed {
  if (state.status !== 'none') {
    throw conflict('decision.already-proposed', `this decision was proposed on ${state.proposedOn}`, 'decisionId');
  }
  const decisionId = uuid(data.decisionId, 'decisionId', 'decision.id-invalid');
  const groupId = uuid(data.groupId, 'groupId', 'decision.group-id-invalid');
  const body = bodyOf(data, groupId);
  const subject = text(data.subject, 'subject', 'decision.subject-invalid', MAX_SUBJECT);
  const wording = text(data.text, 'text', 'decision.text-invalid', MAX_TEXT);
  const proposedOn = factDay(data);
  assertBodyMayDecide(body, proposedOn, 'occurredAt');
  return { type: 'DecisionProposed', data: { decisionId, groupId, subject, text: wording, proposedOn } };
}

function adopt({ data }: AdoptDecision, state: DecisionState): DecisionAdopted {
  const decision = existing(state);
  const body = bodyOf(data, decision.groupId);
  assertUndecided(decision);
  const outcome = outcomeOf(data.outcome);
  const effectiveOn = data.effectiveOn === undefined ? undefined : dayOf(data.effectiveOn, 'effectiveOn');
  const adoptedOn = factDay(data);
  assertNotBeforeLastChange(decision, adoptedOn);
  assertBodyMayDecide(body, adoptedOn, 'occurredAt');
  assertVotesFit(outcome, body, adoptedOn);
  assertVotesAdopt(outcome);
  return {
    type: 'DecisionAdopted',
    data: { ...ids(decision), adoptedOn, effectiveOn: effectiveOn ?? adoptedOn, outcome },
  };
}

function reject({ data }: RejectDecision, state: DecisionState): DecisionRejected {
  const decision = existing(state);
  const body = bodyOf(data, decision.groupId);
  assertUndecided(decision);
  const outcome = outcomeOf(data.outcome);
  const rejectedOn = factDay(data);
  assertNotBeforeLastChange(decision, rejectedOn);
  assertBodyMayDecide(body, rejectedOn, 'occurredAt');
  // No majority rule here: a body may need a qualified majority or a quorum to adopt.
  assertVotesFit(outcome, body, rejectedOn);
  return { type: 'DecisionRejected', data: { ...ids(decision), rejectedOn, outcome } };
}

function amend({ data }: AmendDecision, state: DecisionState): DecisionAmended {
  const decision = existing(state);
  const body = bodyOf(data, decision.groupId);
  if (decision.status === 'rejected') {
    throw conflict(
      'decision.already-rejected',
      `the decision was rejected on ${decision.decidedOn}; it cannot be amended`,
    );
  }
  if (decision.status === 'revoked') {
    throw conflict('decision.revoked', `the decision was revoked on ${decision.revokedOn}; it cannot be amended`);
  }
  const wording = text(data.text, 'text', 'decision.text-invalid', MAX_TEXT);
  if (wording === decision.text) {
    throw invalid('decision.amendment-unchanged', 'the new text is the text already in force', 'text');
  }
  const reason = text(data.reason, 'reason', 'decision.reason-invalid', MAX_REASON);
  const amendedOn = factDay(data);
  assertNotBeforeLastChange(decision, amendedOn);
  assertBodyMayDecide(body, amendedOn, 'occurredAt');
  return { type: 'DecisionAmended', data: { ...ids(decision), amendedOn, text: wording, reason } };
}

function revoke({ data }: RevokeDecision, state: DecisionState): DecisionRevoked {
  const decision = existing(state);
  const body = bodyOf(data, decision.groupId);
  if (decision.status === 'proposed') {
    throw conflict('decision.not-adopted', 'only an adopted decision can be revoked; reject a proposal instead');
  }
  if (decision.status === 'rejected') {
    throw conflict('decision.already-rejected', `the decision was rejected on ${decision.decidedOn}`);
  }
  if (decision.status === 'revoked') {
    throw conflict('decision.revoked', `the decision was already revoked on ${decision.revokedOn}`);
  }
  const reason = text(data.reason, 'reason', 'decision.reason-invalid', MAX_REASON);
  const revokedOn = factDay(data);
  assertNotBeforeLastChange(decision, revokedOn);
  assertBodyMayDecide(body, revokedOn, 'occurredAt');
  return { type: 'DecisionRevoked', data: { ...ids(decision), revokedOn, reason } };
}

function correct({ data }: CorrectDecisionRecord, state: DecisionState): DecisionRecordCorrected {
  const decision = existing(state);
  const body = bodyOf(data, decision.groupId);
  const reason = text(data.reason, 'reason', 'correction.reason-invalid', MAX_REASON);
  const subject =
    data.subject === undefined ? undefined : text(data.subject, 'subject', 'decision.subject-invalid', MAX_SUBJECT);
  const wording = data.text === undefined ? undefined : text(data.text, 'text', 'decision.text-invalid', MAX_TEXT);

  for (const field of ['decidedOn', 'outcome', 'effectiveOn'] as const) {
    if (data[field] !== undefined && decision.decidedOn === undefined) {
      throw conflict('decision.not-decided', 'the decision has been neither adopted nor rejected yet', field);
    }
  }
  const wasAdopted = decision.status === 'adopted' || decision.status === 'revoked';
  if (data.effectiveOn !== undefined && !wasAdopted) {
    throw conflict('decision.not-adopted', 'only an adopted decision has an effective date', 'effectiveOn');
  }
  const effectiveOn = data.effectiveOn === undefined ? undefined : dayOf(data.effectiveOn, 'effectiveOn');
  const outcome = data.outcome === undefined ? undefined : outcomeOf(data.outcome);
  let decidedOn: string | undefined;
  if (data.decidedOn !== undefined) {
    decidedOn = dayOf(data.decidedOn, 'decidedOn');
    assertWithinPeriod(data.period, decidedOn, 'decidedOn');
    const latest = decision.revokedOn;
    if (decidedOn < decision.proposedOn || (latest !== undefined && decidedOn > latest)) {
      throw conflict(
        'decision.dates-out-of-order',
        `the decision was proposed on ${decision.proposedOn}${latest ? ` and revoked on ${latest}` : ''}; it cannot have been decided on ${decidedOn}`,
        'decidedOn',
      );
    }
  }

  const changes = {
    ...changed('subject', subject, decision.subject),
    ...changed('text', wording, decision.text),
    ...changed('decidedOn', decidedOn, decision.decidedOn),
    ...changed('effectiveOn', effectiveOn, decision.effectiveOn),
    ...(outcome && JSON.stringify(outcome) !== JSON.stringify(decision.outcome) ? { outcome } : {}),
  };
  if (Object.keys(changes).length === 0) {
    throw invalid('correction.no-change', 'the correction gives no value different from the record');
  }
  if (changes.decidedOn !== undefined || changes.outcome !== undefined) {
    // The decision as corrected must still be one the body could take, with the votes it had.
    const day = changes.decidedOn ?? decision.decidedOn!;
    assertBodyMayDecide(body, day, 'decidedOn');
    assertVotesFit(changes.outcome ?? decision.outcome!, body, day);
    if (wasAdopted) assertVotesAdopt(changes.outcome ?? decision.outcome!);
  }
  return { type: 'DecisionRecordCorrected', data: { ...ids(decision), ...changes, reason } };
}

// --- shared rules -------------------------------------------------------------------------

function existing(state: DecisionState): DecisionView {
  if (state.status === 'none') throw notFound('decision.not-found', 'no such decision has been proposed');
  return state;
}

/** The deciding body's facts, once the editor is known to be allowed to touch it. */
function bodyOf(facts: ExternalFacts, groupId: string): BodyFacts {
  const body = facts.body;
  if (!body) throw notFound('body.not-found', `no body ${groupId} has been convened`);
  if (body.groupId !== groupId) {
    // A handler bug, not a user's mistake: the facts describe another body.
    throw new Error(`body facts are for ${body.groupId}, the decision is of ${groupId}`);
  }
  assertVoivodeshipAllowed(body.voivodeship, facts.allowedVoivodeships);
  return body;
}

/** Only a convened, not dissolved body decides (the dissolution day still counts). */
function assertBodyMayDecide(body: BodyFacts, day: string, field: string): void {
  if (!body.convened) {
    throw conflict('body.not-convened', `the body was convened on ${body.convenedOn}, after ${day}`, field);
  }
  if (body.dissolvedOn !== undefined && body.dissolvedOn < day) {
    throw conflict('body.dissolved', `the body was dissolved on ${body.dissolvedOn}, before ${day}`, field);
  }
}

function assertUndecided(decision: DecisionView): void {
  if (decision.status === 'adopted') {
    throw conflict('decision.already-adopted', `the decision was adopted on ${decision.decidedOn}`);
  }
  if (decision.status === 'rejected') {
    throw conflict('decision.already-rejected', `the decision was rejected on ${decision.decidedOn}`);
  }
  if (decision.status === 'revoked') {
    throw conflict('decision.revoked', `the decision was revoked on ${decision.revokedOn}`);
  }
}

/** Facts about one decision happen in order: nothing is dated before what is already recorded. */
function assertNotBeforeLastChange(decision: DecisionView, day: string): void {
  const last = [decision.proposedOn, decision.decidedOn, ...decision.amendments.map((a) => a.amendedOn)]
    .filter((d): d is string => d !== undefined)
    .reduce((a, b) => (a > b ? a : b));
  if (day < last) {
    throw conflict(
      'decision.before-last-change',
      `the decision's record has a fact dated ${last}; nothing can happen to it on ${day}`,
      'occurredAt',
    );
  }
}

function outcomeOf(value: unknown): DecisionOutcome {
  const o = (value ?? {}) as { kind?: unknown; for?: unknown; against?: unknown; abstaining?: unknown };
  if (o.kind === 'consensus') return { kind: 'consensus' };
  if (o.kind === 'vote') {
    const votes = { for: o.for, against: o.against, abstaining: o.abstaining ?? 0 };
    const counts = Object.values(votes);
    if (!counts.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) {
      throw invalid('decision.votes-invalid', 'for, against and abstaining are whole numbers, 0 or more', 'outcome');
    }
    const [yes, no, abstaining] = counts as number[];
    if (yes + no + abstaining === 0)
      throw invalid('decision.votes-invalid', 'a vote needs at least one vote', 'outcome');
    return { kind: 'vote', for: yes, against: no, abstaining };
  }
  throw invalid(
    'decision.outcome-invalid',
    'outcome is { kind: "consensus" } or { kind: "vote", for, against, abstaining }',
    'outcome',
  );
}

function assertVotesFit(outcome: DecisionOutcome, body: BodyFacts, day: string): void {
  if (outcome.kind !== 'vote') return;
  const cast = outcome.for + outcome.against + outcome.abstaining;
  if (cast > body.memberCount) {
    throw conflict(
      'decision.votes-exceed-membership',
      `${cast} votes recorded, but the body had ${body.memberCount} members on ${day}`,
      'outcome',
    );
  }
}

function assertVotesAdopt(outcome: DecisionOutcome): void {
  if (outcome.kind === 'vote' && outcome.for <= outcome.against) {
    throw invalid(
      'decision.votes-do-not-adopt',
      `${outcome.for} for and ${outcome.against} against is no majority to adopt`,
      'outcome',
    );
  }
}

function factDay(facts: ExternalFacts): string {
  const day = dayOf(facts.occurredAt, 'occurredAt');
  assertWithinPeriod(facts.period, day, 'occurredAt');
  return day;
}

const ids = (decision: DecisionView) => ({ decisionId: decision.decisionId, groupId: decision.groupId });

function changed<K extends string, V>(key: K, next: V | undefined, was: V | undefined): { [P in K]?: V } {
  return next !== undefined && next !== was ? ({ [key]: next } as { [P in K]: V }) : {};
}
