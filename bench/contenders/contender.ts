import type { BenchEvent } from '../events';

export type ContenderName = 'ours' | 'peer' | 'limit';

/** Our revision convention: 'no_stream', or the 0-based revision of the stream's last event. */
export type Expected = 'no_stream' | number;

/** One way of storing events; each runs in its own process against its own fresh database. */
export interface Contender {
  /** Creates the schema. Not timed. */
  setup(): Promise<void>;
  /** Appends `events` in one call, failing unless the stream is at `expected`. */
  append(streamId: string, events: BenchEvent[], expected: Expected): Promise<void>;
  /** Reads a whole stream back and returns how many events it holds. */
  readStream(streamId: string): Promise<number>;
  close(): Promise<void>;
}
