import { DomainError, fold, type Command, type Decider, type DomainEvent } from '../domain/decider';

/**
 * Given/when/then for deciders:
 * `given(decider, [past events]).when(command).then([expected events])` or `.thenThrows(code)`.
 */
export function given<S, C extends Command, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  events: readonly E[] = [],
) {
  const state = fold(decider, events);
  return {
    when(command: C) {
      const run = () => decider.decide(command, state);
      return {
        then(expected: readonly E[]) {
          expect(run()).toEqual(expected);
        },
        thenThrows(code: string, field?: string) {
          let error: unknown;
          try {
            run();
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toBe(code);
          if (field !== undefined) expect((error as DomainError).field).toBe(field);
        },
        /** The decided events, for assertions the plain `then` cannot express. */
        events: run,
      };
    },
  };
}
