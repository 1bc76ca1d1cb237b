import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import type { Contender } from './contender';

/**
 * The peer: Emmett's PostgreSQL event store, through its public API.
 * Emmett counts versions from 1 (the number of events), we count revisions from 0, so our
 * revision r is its version r + 1. For a new stream we pass version 0n rather than
 * STREAM_DOES_NOT_EXIST: 0.42 turns STREAM_DOES_NOT_EXIST into "no check" (an extra lookup, then
 * an unconditional write), while 0n makes it insert the stream row and fail if one exists —
 * the same check ours does.
 */
export function emmett(url: string): Contender {
  const store = getPostgreSQLEventStore(url);
  return {
    async setup() {
      await store.schema.migrate();
    },
    async append(streamId, events, expected) {
      await store.appendToStream(
        streamId,
        events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } })),
        { expectedStreamVersion: expected === 'no_stream' ? 0n : BigInt(expected + 1) },
      );
    },
    async readStream(streamId) {
      return (await store.readStream(streamId)).events.length;
    },
    close: () => store.close(),
  };
}
