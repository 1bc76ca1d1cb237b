/**
 * A domain event as a decider sees it: plain readonly data, no classes. `type` is the
 * domain name (e.g. 'MemberJoined'); the stored, versioned name lives in the context's
 * event catalogue.
 */
export type DomainEvent<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/**
 * A pure decider (Emmett's shape): `decide` turns a command and the current state into
 * events or throws a {@link DomainError}; `evolve` folds an event into state. Neither reads
 * the clock nor does I/O: business time arrives in the command.
 */
export interface Decider<State, C extends Command, E extends DomainEvent> {
  readonly initialState: () => State;
  readonly evolve: (state: State, event: E) => State;
  readonly decide: (command: C, state: State) => readonly E[];
}

/** Why a command was refused. */
export type DomainErrorKind =
  /** The input breaks a rule of its own (400). */
  | 'invalid'
  /** The aggregate does not exist (404). */
  | 'not_found'
  /** The aggregate's state does not allow it (409 / 422 by the API's mapping). */
  | 'conflict';

/** A business rule refused a command. `field` names the input at fault, when one is. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable, machine-readable reason, e.g. 'group.dissolved'. */
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (code: string, message: string, field?: string) =>
  new DomainError('invalid', code, message, field);
export const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
export const conflict = (code: string, message: string, field?: string) =>
  new DomainError('conflict', code, message, field);

/** Folds events into state with a decider's `evolve`. */
export function fold<State, E extends DomainEvent>(
  decider: Pick<Decider<State, never, E>, 'initialState' | 'evolve'>,
  events: Iterable<E>,
): State {
  let state = decider.initialState();
  for (const e of events) state = decider.evolve(state, e);
  return state;
}
