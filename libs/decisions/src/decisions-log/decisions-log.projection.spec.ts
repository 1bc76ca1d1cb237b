import { fold } from '@kooperacja/platform';
import type { DecisionView } from '../contracts/read-model';
import { decisionDecider } from '../decision/decision.decider';
import type { DecisionEvent } from '../decision/decision.events';
import { evolveDecision } from '../decision/decision.state';
import { rowOf, viewOf } from './decisions-log.projection';
import { escapeLike } from './decisions-log.query';

const ids = { decisionId: 'de000000-0000-4000-8000-000000000001', groupId: '0b0c2f36-3f38-4b7e-9a39-6c0f0c8f1a02' };

const history: DecisionEvent[] = [
  { type: 'DecisionProposed', data: { ...ids, subject: 'Koszyk usług', text: 'v1', proposedOn: '2019-01-15' } },
  { type: 'DecisionAmended', data: { ...ids, amendedOn: '2019-01-20', text: 'v2', reason: 'Uwagi PUP' } },
  {
    type: 'DecisionAdopted',
    data: {
      ...ids,
      adoptedOn: '2019-02-01',
      effectiveOn: '2019-03-01',
      outcome: { kind: 'vote', for: 9, against: 2, abstaining: 1 },
    },
  },
  { type: 'DecisionAmended', data: { ...ids, amendedOn: '2019-05-01', text: 'v3', reason: 'Nowe przepisy' } },
  {
    type: 'DecisionRecordCorrected',
    data: {
      ...ids,
      text: 'v3 poprawione',
      outcome: { kind: 'vote', for: 10, against: 2, abstaining: 0 },
      reason: 'Błąd',
    },
  },
  { type: 'DecisionRevoked', data: { ...ids, revokedOn: '2019-09-01', reason: 'Nowy koszyk' } },
];

describe('decisions log rows', () => {
  it('hold everything evolve needs: folding through the row at every step gives the record itself', () => {
    let throughRows: DecisionView | undefined;
    history.forEach((event, revision) => {
      const before = throughRows ?? decisionDecider.initialState();
      throughRows = viewOf(rowOf(evolveDecision(before, event) as DecisionView, revision));
      expect(throughRows).toEqual(fold(decisionDecider, history.slice(0, revision + 1)));
    });
    expect(rowOf(throughRows!, 5)).toMatchObject({
      status: 'revoked',
      decision_date: '2019-02-01',
      votes_for: 10,
      amendment_count: 2,
      text: 'v3 poprawione',
    });
  });

  it('dates an undecided proposal by its proposal day', () => {
    expect(rowOf(fold(decisionDecider, history.slice(0, 2)) as DecisionView, 1).decision_date).toBe('2019-01-15');
  });

  it('matches the subject literally: LIKE wildcards in the search text are escaped', () => {
    expect(escapeLike('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});
