import {
  CommandRunner,
  WrongExpectedRevisionError,
  eventsToAppend,
  fold,
  type Command,
  type CommandResult,
  type DomainEvent,
  type EventStore,
  type RunCommand,
} from '@kooperacja/platform';

interface CachedStream {
  state: unknown;
  revision: number;
  /** What each command id appended, for an idempotent repeat. */
  readonly applied: Map<string, { events: readonly DomainEvent[]; eventIds: readonly string[] }>;
}

/**
 * The platform's `CommandRunner` contract (load, decide, append with the expected revision,
 * a repeated command id writes nothing) for the synthetic pilot's fast path: each stream's
 * folded state is kept between commands instead of reading and folding the stream again,
 * which on long streams is quadratic. Only valid while it is the one writer of its streams
 * (the fast path's in-memory store, one chunk at a time); the handler path uses the real runner.
 */
export class CachingCommandRunner extends CommandRunner {
  private readonly streams = new Map<string, CachedStream>();

  constructor(private readonly events: EventStore) {
    super(events);
  }

  override async run<S, C extends Command, E extends DomainEvent>(
    cmd: RunCommand<S, C, E>,
  ): Promise<CommandResult<S, E>> {
    const { context, streamId } = cmd;
    const stream = await this.streamOf(cmd);
    const done = stream.applied.get(context.commandId);
    if (done) {
      return {
        streamId,
        events: done.events as E[],
        eventIds: done.eventIds,
        revision: stream.revision,
        state: stream.state as S,
        alreadyApplied: true,
      };
    }
    if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== stream.revision) {
      throw new WrongExpectedRevisionError(
        streamId,
        cmd.expectedRevision,
        stream.revision < 0 ? 'no_stream' : stream.revision,
      );
    }
    const state = stream.state as S;
    const decided = cmd.decider.decide(cmd.command, state);
    if (decided.length === 0) {
      return { streamId, events: [], eventIds: [], revision: stream.revision, state, alreadyApplied: false };
    }
    const toAppend = eventsToAppend(cmd, decided);
    const result = await this.events.append(
      context.tenantId,
      streamId,
      toAppend,
      stream.revision < 0 ? 'no_stream' : stream.revision,
    );
    stream.state = decided.reduce(cmd.decider.evolve, state);
    stream.revision = result.nextExpectedRevision;
    const eventIds = toAppend.map((e) => e.id);
    stream.applied.set(context.commandId, { events: decided, eventIds });
    return {
      streamId,
      events: decided,
      eventIds,
      revision: stream.revision,
      state: stream.state as S,
      alreadyApplied: result.idempotent,
    };
  }

  private async streamOf<S, C extends Command, E extends DomainEvent>(cmd: RunCommand<S, C, E>): Promise<CachedStream> {
    const key = `${cmd.context.tenantId}\u0000${cmd.streamId}`;
    let stream = this.streams.get(key);
    if (!stream) {
      const history = await this.events.readStream(cmd.context.tenantId, cmd.streamId);
      const applied: CachedStream['applied'] = new Map();
      for (const e of history) {
        const done = applied.get(e.metadata.commandId) ?? { events: [], eventIds: [] };
        applied.set(e.metadata.commandId, {
          events: [...done.events, cmd.catalogue.toDomain(e.type, e.data)],
          eventIds: [...done.eventIds, e.id],
        });
      }
      stream = {
        state: fold(
          cmd.decider,
          history.map((e) => cmd.catalogue.toDomain(e.type, e.data)),
        ),
        revision: history.length ? history[history.length - 1].revision : -1,
        applied,
      };
      this.streams.set(key, stream);
    }
    return stream;
  }
}
