/**
 * A position in the global log. PostgreSQL: `commit` is the appending transaction id and
 * `prepare` the event's sequence number; EventStoreDB: its commit and prepare positions.
 * Ordering is by `commit`, then `prepare`.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

/** Before the first event. */
export const START: Position = Object.freeze({ commit: 0n, prepare: 0n });

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** A compact text form for APIs, logs and checkpoints: `<commit>/<prepare>`. */
export function formatPosition(p: Position): string {
  return `${p.commit}/${p.prepare}`;
}

export function parsePosition(text: string): Position {
  const match = /^(-?\d+)\/(-?\d+)$/.exec(text.trim());
  if (!match) throw new RangeError(`not a position: "${text}" (expected <commit>/<prepare>)`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}
