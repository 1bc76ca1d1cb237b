import type { BodyFacts } from '@kooperacja/groups';
import { fold } from '@kooperacja/platform';
import { given } from '@kooperacja/platform/testing';
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
import { decisionDecider } from './decision.decider';
import type { DecisionEvent } from './decision.events';

const DECISION = 'de000000-0000-4000-8000-000000000001';
const GROUP = '0b0c2f36-3f38-4b7e-9a39-6c0f0c8f1a02';
const PERIOD = { start: '2018-04-01', end: '2023-11-30' };

/** A PGD of 15 in powiat kartuski (pomorskie), convened on 2018-10-01. */
const pgd = (over: Partial<BodyFacts> = {}): BodyFacts => ({
  exists: true,
  groupId: GROUP,
  kind: 'PGD',
  level: 'powiat',
  voivodeship: 'pomorskie',
  convenedOn: '2018-10-01',
  convened: true,
  memberCount: 15,
  ...over,
});
const raw = (value: unknown) => value as never;
const on = (occurredAt: string, extra: Partial<ExternalFacts> = {}): ExternalFacts => ({
  occurredAt,
  period: PERIOD,
  body: pgd(),
  ...extra,
});

const proposed: DecisionEvent = {
  type: 'DecisionProposed',
  data: {
    decisionId: DECISION,
    groupId: GROUP,
    subject: 'Założenia modelu kooperacji',
    text: 'PGD przyjmuje założenia modelu wypracowane przez PGR.',
    proposedOn: '2018-11-20',
  },
};
const votes = (yes: number, no: number, abstaining: number) => ({
  kind: 'vote' as const,
  for: yes,
  against: no,
  abstaining,
});
const adopted: DecisionEvent = {
  type: 'DecisionAdopted',
  data: {
    decisionId: DECISION,
    groupId: GROUP,
    adoptedOn: '2018-11-20',
    effectiveOn: '2018-12-01',
    outcome: votes(11, 2, 1),
  },
};
const rejected: DecisionEvent = {
  type: 'DecisionRejected',
  data: { decisionId: DECISION, groupId: GROUP, rejectedOn: '2018-11-20', outcome: votes(4, 9, 0) },
};
const amended: DecisionEvent = {
  type: 'DecisionAmended',
  data: {
    decisionId: DECISION,
    groupId: GROUP,
    amendedOn: '2019-02-12',
    text: 'PGD przyjmuje założenia modelu z poprawkami RGR.',
    reason: 'uwagi RGR',
  },
};
const revoked: DecisionEvent = {
  type: 'DecisionRevoked',
  data: { decisionId: DECISION, groupId: GROUP, revokedOn: '2019-06-03', reason: 'model zmieniony' },
};

const propose = (data: Partial<ProposeDecision['data']> = {}): ProposeDecision => ({
  type: 'ProposeDecision',
  data: {
    decisionId: DECISION,
    groupId: GROUP,
    subject: ' Założenia modelu kooperacji ',
    text: 'PGD przyjmuje założenia modelu wypracowane przez PGR.',
    ...on('2018-11-20'),
    ...data,
  },
});
const adopt = (data: Partial<AdoptDecision['data']> = {}): AdoptDecision => ({
  type: 'AdoptDecision',
  data: { outcome: votes(11, 2, 1), effectiveOn: '2018-12-01', ...on('2018-11-20'), ...data },
});
const reject = (data: Partial<RejectDecision['data']> = {}): RejectDecision => ({
  type: 'RejectDecision',
  data: { outcome: votes(4, 9, 0), ...on('2018-11-20'), ...data },
});
const amend = (data: Partial<AmendDecision['data']> = {}): AmendDecision => ({
  type: 'AmendDecision',
  data: { text: 'PGD przyjmuje założenia modelu z poprawkami RGR.', reason: 'uwagi RGR', ...on('2019-02-12'), ...data },
});
const revoke = (data: Partial<RevokeDecision['data']> = {}): RevokeDecision => ({
  type: 'RevokeDecision',
  data: { reason: 'model zmieniony', ...on('2019-06-03'), ...data },
});
const correct = (data: Partial<CorrectDecisionRecord['data']> = {}): CorrectDecisionRecord => ({
  type: 'CorrectDecisionRecord',
  data: { reason: 'protokół odczytany ponownie', ...on('2022-03-01'), ...data },
});

describe('every command on a proposed or adopted decision', () => {
  const cases: [string, DecisionEvent[], DecisionCommand][] = [
    ['AdoptDecision', [proposed], adopt()],
    ['RejectDecision', [proposed], reject()],
    ['AmendDecision', [proposed, adopted], amend()],
    ['RevokeDecision', [proposed, adopted], revoke()],
    ['CorrectDecisionRecord', [proposed, adopted], correct({ subject: 'Założenia modelu' })],
  ];
  const withData = (command: DecisionCommand, extra: Partial<ExternalFacts>) =>
    ({ ...command, data: { ...command.data, ...extra } }) as DecisionCommand;

  it.each(cases)('%s is accepted as given', (_name, history, command) => {
    expect(given(decisionDecider, history).when(command).events()).toHaveLength(1);
  });

  it.each(cases)('%s is refused for a decision never proposed (decision.not-found)', (_name, _history, command) => {
    given(decisionDecider, []).when(command).thenThrows('decision.not-found');
  });

  it.each(cases)('%s is refused to an editor limited to other voivodeships', (_name, history, command) => {
    given(decisionDecider, history)
      .when(withData(command, { allowedVoivodeships: ['lubuskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it.each(cases)('%s is refused when the body cannot be found (body.not-found)', (_name, history, command) => {
    given(decisionDecider, history)
      .when(withData(command, { body: null }))
      .thenThrows('body.not-found');
  });

  it.each(cases.filter(([name]) => name !== 'CorrectDecisionRecord'))(
    '%s is refused after the body was dissolved (body.dissolved)',
    (_name, history, command) => {
      const body = pgd({ dissolvedOn: '2018-11-19' });
      given(decisionDecider, history)
        .when(withData(command, { body, occurredAt: '2019-06-03' }))
        .thenThrows('body.dissolved', 'occurredAt');
    },
  );

  it.each(cases.filter(([name]) => name !== 'CorrectDecisionRecord'))(
    '%s is refused outside the project period',
    (_name, history, command) => {
      given(decisionDecider, history)
        .when(withData(command, { occurredAt: '2023-12-01' }))
        .thenThrows('fact.outside-project-period', 'occurredAt');
    },
  );

  it.each(cases.filter(([name]) => name !== 'CorrectDecisionRecord'))(
    '%s is refused when dated before the last fact of the decision',
    (_name, history, command) => {
      given(decisionDecider, history)
        .when(withData(command, { occurredAt: '2018-11-19' }))
        .thenThrows('decision.before-last-change', 'occurredAt');
    },
  );
});

describe('ProposeDecision', () => {
  it('records the proposal put to the body', () => {
    given(decisionDecider).when(propose()).then([proposed]);
  });

  it('accepts a proposal on the day the body is dissolved', () => {
    expect(
      given(decisionDecider)
        .when(propose({ body: pgd({ dissolvedOn: '2018-11-20' }) }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses proposing the same decision twice', () => {
    given(decisionDecider, [proposed]).when(propose()).thenThrows('decision.already-proposed', 'decisionId');
  });

  it('refuses a body not yet convened that day', () => {
    given(decisionDecider)
      .when(propose({ body: pgd({ convened: false }) }))
      .thenThrows('body.not-convened', 'occurredAt');
  });

  it('refuses a body dissolved before that day', () => {
    given(decisionDecider)
      .when(propose({ body: pgd({ dissolvedOn: '2018-11-19' }) }))
      .thenThrows('body.dissolved', 'occurredAt');
  });

  it('refuses a body that was never convened', () => {
    given(decisionDecider)
      .when(propose({ body: null }))
      .thenThrows('body.not-found');
  });

  it('refuses a tenant editor a body outside their voivodeships', () => {
    given(decisionDecider)
      .when(propose({ allowedVoivodeships: ['lubuskie', 'wielkopolskie'] }))
      .thenThrows('voivodeship.forbidden');
  });

  it.each([
    ['a decision id that is not a UUID', { decisionId: 'uchwała 1/2018' }, 'decision.id-invalid', 'decisionId'],
    ['a group id that is not a UUID', { groupId: 'PGD' }, 'decision.group-id-invalid', 'groupId'],
    ['no subject', { subject: '' }, 'decision.subject-invalid', 'subject'],
    ['a subject too long', { subject: 'x'.repeat(301) }, 'decision.subject-invalid', 'subject'],
    ['no text', { text: raw(undefined) }, 'decision.text-invalid', 'text'],
    ['a date that is no day', { occurredAt: '2018-11-31' }, 'date.invalid', 'occurredAt'],
    ['a date outside the period', { occurredAt: '2018-03-30' }, 'fact.outside-project-period', 'occurredAt'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(decisionDecider)
      .when(propose(data as never))
      .thenThrows(code, field);
  });
});

describe('AdoptDecision', () => {
  it('records the votes and the effective date', () => {
    given(decisionDecider, [proposed]).when(adopt()).then([adopted]);
  });

  it('records a consensus, effective from the day of adoption unless told otherwise', () => {
    given(decisionDecider, [proposed])
      .when(adopt({ outcome: { kind: 'consensus' }, effectiveOn: undefined, occurredAt: '2018-11-21' }))
      .then([
        {
          type: 'DecisionAdopted',
          data: {
            decisionId: DECISION,
            groupId: GROUP,
            adoptedOn: '2018-11-21',
            effectiveOn: '2018-11-21',
            outcome: { kind: 'consensus' },
          },
        },
      ]);
  });

  it('counts abstentions as none when left out', () => {
    const [event] = given(decisionDecider, [proposed])
      .when(adopt({ outcome: raw({ kind: 'vote', for: 9, against: 3 }) }))
      .events();
    expect(event.data).toMatchObject({ outcome: votes(9, 3, 0) });
  });

  it('accepts as many votes as the body had members that day', () => {
    expect(
      given(decisionDecider, [proposed])
        .when(adopt({ outcome: votes(10, 4, 1) }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses more votes than the body had members that day', () => {
    given(decisionDecider, [proposed])
      .when(adopt({ outcome: votes(10, 4, 1), body: pgd({ memberCount: 14 }) }))
      .thenThrows('decision.votes-exceed-membership', 'outcome');
  });

  it('refuses adopting by a vote with no majority for it', () => {
    given(decisionDecider, [proposed])
      .when(adopt({ outcome: votes(6, 6, 3) }))
      .thenThrows('decision.votes-do-not-adopt', 'outcome');
  });

  it('refuses adopting twice', () => {
    given(decisionDecider, [proposed, adopted]).when(adopt()).thenThrows('decision.already-adopted');
  });

  it('refuses adopting a rejected or revoked decision', () => {
    given(decisionDecider, [proposed, rejected]).when(adopt()).thenThrows('decision.already-rejected');
    given(decisionDecider, [proposed, adopted, revoked])
      .when(adopt({ occurredAt: '2019-07-01' }))
      .thenThrows('decision.revoked');
  });

  it('refuses an adoption dated before an amendment of the proposal', () => {
    const amendedProposal: DecisionEvent = { ...amended, data: { ...amended.data, amendedOn: '2018-11-25' } };
    given(decisionDecider, [proposed, amendedProposal])
      .when(adopt({ occurredAt: '2018-11-24' }))
      .thenThrows('decision.before-last-change', 'occurredAt');
  });

  it('refuses a body not yet convened on the adoption day', () => {
    given(decisionDecider, [proposed])
      .when(adopt({ body: pgd({ convened: false }) }))
      .thenThrows('body.not-convened', 'occurredAt');
  });

  it.each([
    ['an outcome of another kind', { outcome: raw({ kind: 'acclamation' }) }, 'decision.outcome-invalid', 'outcome'],
    ['no outcome', { outcome: raw(undefined) }, 'decision.outcome-invalid', 'outcome'],
    ['negative votes', { outcome: votes(5, -1, 0) }, 'decision.votes-invalid', 'outcome'],
    ['fractional votes', { outcome: votes(5.5, 1, 0) }, 'decision.votes-invalid', 'outcome'],
    ['a vote nobody cast', { outcome: votes(0, 0, 0) }, 'decision.votes-invalid', 'outcome'],
    ['an effective date that is no day', { effectiveOn: '2018-13-01' }, 'date.invalid', 'effectiveOn'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(decisionDecider, [proposed])
      .when(adopt(data as never))
      .thenThrows(code, field);
  });
});

describe('RejectDecision', () => {
  it('records the votes against', () => {
    given(decisionDecider, [proposed]).when(reject()).then([rejected]);
  });

  it('accepts a rejection with more votes for than against (a qualified majority was missed)', () => {
    expect(
      given(decisionDecider, [proposed])
        .when(reject({ outcome: votes(7, 5, 3) }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses more votes than the body had members that day', () => {
    given(decisionDecider, [proposed])
      .when(reject({ outcome: votes(8, 8, 0) }))
      .thenThrows('decision.votes-exceed-membership', 'outcome');
  });

  it('refuses rejecting a decision already decided', () => {
    given(decisionDecider, [proposed, adopted]).when(reject()).thenThrows('decision.already-adopted');
    given(decisionDecider, [proposed, rejected]).when(reject()).thenThrows('decision.already-rejected');
    given(decisionDecider, [proposed, adopted, revoked])
      .when(reject({ occurredAt: '2019-07-01' }))
      .thenThrows('decision.revoked');
  });

  it('refuses an outcome that is not a vote or a consensus', () => {
    given(decisionDecider, [proposed])
      .when(reject({ outcome: raw('no') }))
      .thenThrows('decision.outcome-invalid', 'outcome');
  });
});

describe('AmendDecision', () => {
  it('records the new text and why', () => {
    given(decisionDecider, [proposed, adopted]).when(amend()).then([amended]);
  });

  it('amends a proposal before the vote, and the adopted text is the amended one', () => {
    const [event] = given(decisionDecider, [proposed])
      .when(amend({ occurredAt: '2018-11-20' }))
      .events();
    const state = fold(decisionDecider, [proposed, event]);
    expect(state).toMatchObject({ status: 'proposed', text: 'PGD przyjmuje założenia modelu z poprawkami RGR.' });
  });

  it('refuses amending a rejected decision', () => {
    given(decisionDecider, [proposed, rejected]).when(amend()).thenThrows('decision.already-rejected');
  });

  it('refuses amending a revoked decision', () => {
    given(decisionDecider, [proposed, adopted, revoked])
      .when(amend({ occurredAt: '2019-07-01' }))
      .thenThrows('decision.revoked');
  });

  it('refuses a "new" text that is the text in force', () => {
    given(decisionDecider, [proposed, adopted])
      .when(amend({ text: ' PGD przyjmuje założenia modelu wypracowane przez PGR. ' }))
      .thenThrows('decision.amendment-unchanged', 'text');
  });

  it.each([
    ['no text', { text: ' ' }, 'decision.text-invalid', 'text'],
    ['no reason', { reason: '' }, 'decision.reason-invalid', 'reason'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(decisionDecider, [proposed, adopted])
      .when(amend(data as never))
      .thenThrows(code, field);
  });
});

describe('RevokeDecision', () => {
  it('records the revocation and why', () => {
    given(decisionDecider, [proposed, adopted, amended]).when(revoke()).then([revoked]);
  });

  it('refuses revoking a proposal', () => {
    given(decisionDecider, [proposed]).when(revoke()).thenThrows('decision.not-adopted');
  });

  it('refuses revoking a rejected decision', () => {
    given(decisionDecider, [proposed, rejected]).when(revoke()).thenThrows('decision.already-rejected');
  });

  it('refuses revoking twice', () => {
    given(decisionDecider, [proposed, adopted, revoked])
      .when(revoke({ occurredAt: '2019-07-01' }))
      .thenThrows('decision.revoked');
  });

  it('refuses a revocation before the last amendment', () => {
    given(decisionDecider, [proposed, adopted, amended])
      .when(revoke({ occurredAt: '2019-02-11' }))
      .thenThrows('decision.before-last-change', 'occurredAt');
  });

  it('refuses a revocation without a reason', () => {
    given(decisionDecider, [proposed, adopted])
      .when(revoke({ reason: ' ' }))
      .thenThrows('decision.reason-invalid', 'reason');
  });
});

describe('CorrectDecisionRecord', () => {
  it('records votes that were miscounted', () => {
    given(decisionDecider, [proposed, adopted])
      .when(correct({ outcome: votes(12, 1, 1) }))
      .then([
        {
          type: 'DecisionRecordCorrected',
          data: {
            decisionId: DECISION,
            groupId: GROUP,
            outcome: votes(12, 1, 1),
            reason: 'protokół odczytany ponownie',
          },
        },
      ]);
  });

  it('corrects the text in force, also in the amendment that set it', () => {
    const [event] = given(decisionDecider, [proposed, adopted, amended])
      .when(correct({ text: 'PGD przyjmuje założenia modelu z poprawkami RGR i PGR.' }))
      .events();
    const state = fold(decisionDecider, [proposed, adopted, amended, event]);
    expect(state).toMatchObject({
      text: 'PGD przyjmuje założenia modelu z poprawkami RGR i PGR.',
      amendments: [expect.objectContaining({ text: 'PGD przyjmuje założenia modelu z poprawkami RGR i PGR.' })],
    });
  });

  it('corrects the record of a revoked decision, which keeps its status', () => {
    const [event] = given(decisionDecider, [proposed, adopted, revoked])
      .when(correct({ effectiveOn: '2019-01-01' }))
      .events();
    expect(fold(decisionDecider, [proposed, adopted, revoked, event])).toMatchObject({
      status: 'revoked',
      effectiveOn: '2019-01-01',
    });
  });

  it('moves the decision day, checked against the body on the day as corrected', () => {
    expect(
      given(decisionDecider, [proposed, adopted])
        .when(correct({ decidedOn: '2018-11-27' }))
        .events(),
    ).toHaveLength(1);
    given(decisionDecider, [proposed, adopted])
      .when(correct({ decidedOn: '2018-11-27', body: pgd({ memberCount: 13 }) }))
      .thenThrows('decision.votes-exceed-membership', 'outcome');
    given(decisionDecider, [proposed, adopted])
      .when(correct({ decidedOn: '2018-11-27', body: pgd({ dissolvedOn: '2018-11-26' }) }))
      .thenThrows('body.dissolved', 'decidedOn');
  });

  it('refuses votes that would not have adopted an adopted decision', () => {
    given(decisionDecider, [proposed, adopted])
      .when(correct({ outcome: votes(3, 8, 0) }))
      .thenThrows('decision.votes-do-not-adopt', 'outcome');
  });

  it('refuses an outcome, a day or an effective date for a decision not yet decided', () => {
    given(decisionDecider, [proposed])
      .when(correct({ outcome: { kind: 'consensus' } }))
      .thenThrows('decision.not-decided', 'outcome');
    given(decisionDecider, [proposed])
      .when(correct({ decidedOn: '2018-11-21' }))
      .thenThrows('decision.not-decided', 'decidedOn');
  });

  it('refuses an effective date for a rejected decision', () => {
    given(decisionDecider, [proposed, rejected])
      .when(correct({ effectiveOn: '2018-12-01' }))
      .thenThrows('decision.not-adopted', 'effectiveOn');
  });

  it('refuses a decision day before the proposal or after the revocation', () => {
    given(decisionDecider, [proposed, adopted])
      .when(correct({ decidedOn: '2018-11-19' }))
      .thenThrows('decision.dates-out-of-order', 'decidedOn');
    given(decisionDecider, [proposed, adopted, revoked])
      .when(correct({ decidedOn: '2019-06-04' }))
      .thenThrows('decision.dates-out-of-order', 'decidedOn');
  });

  it.each([
    ['no reason', { subject: 'X', reason: '' }, 'correction.reason-invalid', 'reason'],
    ['nothing different', { outcome: votes(11, 2, 1), effectiveOn: '2018-12-01' }, 'correction.no-change', undefined],
    ['a decision day outside the period', { decidedOn: '2024-01-01' }, 'fact.outside-project-period', 'decidedOn'],
    ['a decision day that is no day', { decidedOn: '2018-11-32' }, 'date.invalid', 'decidedOn'],
    ['an empty subject', { subject: ' ' }, 'decision.subject-invalid', 'subject'],
    ['votes of no shape', { outcome: raw({ kind: 'vote', for: '11' }) }, 'decision.votes-invalid', 'outcome'],
  ] as const)('refuses %s', (_case, data, code, field) => {
    given(decisionDecider, [proposed, adopted])
      .when(correct(data as never))
      .thenThrows(code, field);
  });
});

describe('decision catalogue and state', () => {
  it('replays a decision’s whole life into its current record', () => {
    expect(fold(decisionDecider, [proposed, adopted, amended, revoked])).toEqual({
      status: 'revoked',
      decisionId: DECISION,
      groupId: GROUP,
      subject: 'Założenia modelu kooperacji',
      text: 'PGD przyjmuje założenia modelu z poprawkami RGR.',
      proposedOn: '2018-11-20',
      decidedOn: '2018-11-20',
      effectiveOn: '2018-12-01',
      outcome: votes(11, 2, 1),
      amendments: [
        { amendedOn: '2019-02-12', text: 'PGD przyjmuje założenia modelu z poprawkami RGR.', reason: 'uwagi RGR' },
      ],
      revokedOn: '2019-06-03',
      revocationReason: 'model zmieniony',
    });
  });
});
