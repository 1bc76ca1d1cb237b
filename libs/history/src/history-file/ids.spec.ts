import { eventIdFor } from '@kooperacja/platform';
import { commandIdFor, eventIdOfFact, namedId, resolveReferences } from './ids';

describe('ids derived from a history', () => {
  it('gives a fact the same command id on every import, and another one in another tenant', () => {
    expect(commandIdFor('mr2', 'mr2-budget-2021')).toBe(commandIdFor('mr2', 'mr2-budget-2021'));
    expect(commandIdFor('mr2', 'mr2-budget-2021')).not.toBe(commandIdFor('mr3', 'mr2-budget-2021'));
    expect(commandIdFor('mr2', 'mr2-budget-2021')).not.toBe(commandIdFor('mr2', 'mr2-budget-2022'));
  });

  it('points event:<fact id> at the first event the runner appends for that fact', () => {
    expect(eventIdOfFact('mr2', 'mr2-partnership')).toBe(eventIdFor(commandIdFor('mr2', 'mr2-partnership'), 0));
  });

  it('resolves id: and event: references at any depth and leaves other text as written', () => {
    const data = {
      groupId: 'id:mr2-pgd-kartuski',
      attendance: { kind: 'members', personIds: ['id:a', 'id:b'] },
      correctedEventId: 'event:mr2-partnership',
      subject: 'id: not a reference',
      text: 'identity',
      days: 1,
      clientPresent: null,
    };
    expect(resolveReferences(data, 'mr2')).toEqual({
      groupId: namedId('mr2', 'mr2-pgd-kartuski'),
      attendance: { kind: 'members', personIds: [namedId('mr2', 'a'), namedId('mr2', 'b')] },
      correctedEventId: eventIdOfFact('mr2', 'mr2-partnership'),
      subject: 'id: not a reference',
      text: 'identity',
      days: 1,
      clientPresent: null,
    });
  });
});
