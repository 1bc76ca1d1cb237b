import { v5 as uuidv5 } from 'uuid';
import type { Actor, EventMetadata, EventStore, EventToAppend, RecordedEvent } from '../event-store/event-store.port';
import { WrongExpectedRevisionError } from '../event-store/errors';
import { fold, type Command, type Decider, type DomainEvent } from './decider';
import type { EventCatalogue } from './event-catalogue';

const EVENT_ID_NAMESPACE = '7d4bd3f4-5f0e-4d8c-9a55-3b0f3f6c2a11';

/** Who asked, on whose behalf, and under which command id (stable across retries). */
export interface CommandContext {
  readonly tenantId: string;
  readonly actor: Actor;
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string;
  /** Extra metadata stamped on every event, e.g. `{ source: 'seed 003' }` or `{ synthetic: true }`. */
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** tenant-editor only: voivodeships its token covers (see `assertVoivodeshipAllowed`); not stored. */
  readonly voivodeships?: readonly string[];
}

export interface RunCommand<S, C extends Command, E extends DomainEvent> {
  readonly decider: Decider<S, C, E>;
  readonly catalogue: EventCatalogue<E>;
  readonly streamId: string;
  readonly command: C;
  /** Business time of the fact (ISO date or date-time), given by the caller. */
  readonly occurredAt: string;
  readonly context: CommandContext;
  /** When the caller pins a revision (optimistic concurrency from the client), no retry. */
  readonly expectedRevision?: number;
}

export interface CommandResult<S, E extends DomainEvent> {
  readonly streamId: string;
  readonly events: readonly E[];
  readonly eventIds: readonly string[];
  /** Revision of the stream after the command (-1 when it still does not exist). */
  readonly revision: number;
  readonly state: S;
  /** True when this command id had already been applied: nothing new was written. */
  readonly alreadyApplied: boolean;
}

/** Derives the id of the n-th event of a command, so a retried command appends the same ids. */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}/${index}`, EVENT_ID_NAMESPACE);
}

/**
 * The write side's one shell: load the stream, fold, decide, append with the expected
 * revision, retry on a concurrent write. Business rules live in the decider.
 */
export class CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly options: { maxAttempts?: number; onAppended?: () => void } = {},
  ) {}

  async run<S, C extends Command, E extends DomainEvent>(cmd: RunCommand<S, C, E>): Promise<CommandResult<S, E>> {
    const maxAttempts = cmd.expectedRevision === undefined ? (this.options.maxAttempts ?? 5) : 1;
    for (let attempt = 1; ; attempt++) {
      const history = await this.store.readStream(cmd.context.tenantId, cmd.streamId);
      const current = history.length ? history[history.length - 1].revision : -1;
      const past = history.map((e) => cmd.catalogue.toDomain(e.type, e.data));
      const state = fold(cmd.decider, past);

      const applied = history.filter((e) => e.metadata.commandId === cmd.context.commandId);
      if (applied.length > 0) {
        return {
          streamId: cmd.streamId,
          events: applied.map((e) => cmd.catalogue.toDomain(e.type, e.data)),
          eventIds: applied.map((e) => e.id),
          revision: current,
          state,
          alreadyApplied: true,
        };
      }
      if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== current) {
        throw new WrongExpectedRevisionError(cmd.streamId, cmd.expectedRevision, current < 0 ? 'no_stream' : current);
      }

      const decided = cmd.decider.decide(cmd.command, state);
      if (decided.length === 0) {
        return { streamId: cmd.streamId, events: [], eventIds: [], revision: current, state, alreadyApplied: false };
      }
      const toAppend = eventsToAppend(cmd, decided);
      try {
        const result = await this.store.append(
          cmd.context.tenantId,
          cmd.streamId,
          toAppend,
          current < 0 ? 'no_stream' : current,
        );
        this.options.onAppended?.();
        return {
          streamId: cmd.streamId,
          events: decided,
          eventIds: toAppend.map((e) => e.id),
          revision: result.nextExpectedRevision,
          state: decided.reduce(cmd.decider.evolve, state),
          alreadyApplied: result.idempotent,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= maxAttempts) throw error;
      }
    }
  }

  /** Loads an aggregate's current state and revision, for reads on the write side. */
  async load<S, E extends DomainEvent>(
    tenantId: string,
    streamId: string,
    decider: Pick<Decider<S, never, E>, 'initialState' | 'evolve'>,
    catalogue: EventCatalogue<E>,
  ): Promise<{ state: S; revision: number; history: RecordedEvent[] }> {
    const history = await this.store.readStream(tenantId, streamId);
    const state = fold(
      decider,
      history.map((e) => catalogue.toDomain(e.type, e.data)),
    );
    return { state, revision: history.length ? history[history.length - 1].revision : -1, history };
  }
}

/** The events a command decided, as the store appends them: ids, stored names, metadata, personal fields. */
export function eventsToAppend<E extends DomainEvent>(
  cmd: Pick<RunCommand<unknown, Command, E>, 'catalogue' | 'context' | 'occurredAt' | 'streamId'>,
  decided: readonly E[],
): EventToAppend[] {
  return decided.map((e, i) => {
    const personalData = cmd.catalogue.personalDataOf(e.type, e.data, cmd.streamId);
    return {
      id: eventIdFor(cmd.context.commandId, i),
      type: cmd.catalogue.storedNameOf(e.type),
      data: e.data,
      metadata: metadataFor(cmd.context, cmd.occurredAt, cmd.catalogue.schemaVersionOf(e.type)),
      ...(personalData ? { personalData } : {}),
    };
  });
}

function metadataFor(context: CommandContext, occurredAt: string, schemaVersion: number): EventMetadata {
  return {
    ...context.metadata,
    tenantId: context.tenantId,
    commandId: context.commandId,
    correlationId: context.correlationId,
    causationId: context.causationId,
    actor: context.actor,
    occurredAt,
    schemaVersion,
  };
}
