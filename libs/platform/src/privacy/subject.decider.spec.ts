import { given } from '../testing/decider-spec';
import { subjectDecider } from './subject.decider';
import { subjectEventCatalogue, subjectStreamId, type PersonalDataErased } from './subject.events';

const subjectId = '1d9e7c55-0b6a-4f43-9a0b-3f2e1d0c9b8a';
const erase = (erasedAt = '2026-11-23T10:15:00.000Z') => ({
  type: 'EraseSubject' as const,
  data: { subjectId, erasedAt },
});

describe('data subject privacy record', () => {
  it('records the erasure of a subject, with when it happened', () => {
    given(subjectDecider)
      .when(erase())
      .then([
        { type: 'PersonalDataErased', data: { subjectId, erasedAt: '2026-11-23T10:15:00.000Z', basis: 'request' } },
      ]);
  });

  it('records nothing when the subject was erased already: a repeated request keeps the first receipt', () => {
    const erased: PersonalDataErased = {
      type: 'PersonalDataErased',
      data: { subjectId, erasedAt: '2026-11-23T10:15:00.000Z', basis: 'request' },
    };
    given(subjectDecider, [erased]).when(erase('2026-12-01T08:00:00.000Z')).then([]);
  });

  it('stores the erasure under a versioned name, in a stream of its own per subject, with no personal field', () => {
    expect(subjectEventCatalogue.storedNameOf('PersonalDataErased')).toBe('privacy.PersonalDataErased.v1');
    expect(subjectEventCatalogue.definitionOf('PersonalDataErased').personalFields).toBeUndefined();
    expect(subjectStreamId(subjectId.toUpperCase())).toBe(`privacy.subject-${subjectId}`);
  });
});
