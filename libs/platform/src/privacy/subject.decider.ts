import type { Decider } from '../domain/decider';
import type { PersonalDataErased, SubjectEvent } from './subject.events';

export type EraseSubject = {
  readonly type: 'EraseSubject';
  readonly data: { readonly subjectId: string; readonly erasedAt: string };
};

export interface SubjectState {
  /** The erasure on record, if any: erasing again records nothing new. */
  readonly erased?: PersonalDataErased['data'];
}

/** A data subject's privacy record: erased once, and from then on for good. */
export const subjectDecider: Decider<SubjectState, EraseSubject, SubjectEvent> = {
  initialState: () => ({}),
  evolve: (state, event) => (event.type === 'PersonalDataErased' ? { erased: event.data } : state),
  decide: (command, state) =>
    state.erased
      ? []
      : [
          {
            type: 'PersonalDataErased',
            data: { subjectId: command.data.subjectId, erasedAt: command.data.erasedAt, basis: 'request' },
          },
        ],
};
