import type { HistoryFact } from '../history-file/history-fact';
import { namedId } from '../history-file/ids';
import type { HistoryCommandName } from '../import/history-commands';
import type { HistoryChunk } from '../import/history-importer';
import { Random } from './prng';

/** Facts waiting to be ordered: by business day, then by rank (convening before joining…). */
interface Pending {
  readonly day: string;
  readonly rank: number;
  readonly seq: number;
  readonly fact: HistoryFact;
}

/**
 * Writes the facts of one chunk of the synthetic pilot: ids derived from the seed, the tenant and
 * a local name, the metadata that marks every fact synthetic, and a PRNG of the chunk's own.
 */
export class ChunkWriter {
  readonly rng: Random;
  private readonly facts: HistoryFact[] = [];
  private readonly source: string;
  private readonly metadata: HistoryFact['metadata'];

  constructor(
    readonly seed: number,
    readonly tenantId: string,
    readonly label: string,
  ) {
    this.rng = Random.for(seed, tenantId, label);
    this.source = `synthetic pilot (generator seed ${seed})`;
    this.metadata = { synthetic: true, syntheticSeed: seed };
  }

  /** A stable uuid for something this chunk creates (a group, a person, a case…). */
  id(local: string): string {
    return namedId(this.tenantId, `syn${this.seed}-${local}`);
  }

  fact(local: string, command: HistoryCommandName, occurredAt: string, data: Record<string, unknown>): HistoryFact {
    return { id: `syn${this.seed}-${local}`, command, occurredAt, source: this.source, data, metadata: this.metadata };
  }

  /** Adds facts in the order given. */
  add(...facts: HistoryFact[]): void {
    this.facts.push(...facts);
  }

  /** A list of facts of one stream (or related streams) to be added in business order. */
  timeline(): Timeline {
    return new Timeline(this);
  }

  chunk(exclusive = false): HistoryChunk {
    return { tenantId: this.tenantId, label: this.label, exclusive, facts: this.facts };
  }
}

export class Timeline {
  private readonly pending: Pending[] = [];

  constructor(private readonly writer: ChunkWriter) {}

  at(day: string, rank: number, fact: HistoryFact): void {
    this.pending.push({ day, rank, seq: this.pending.length, fact });
  }

  /** Hands the facts to the chunk sorted by day, rank and insertion. */
  flush(): void {
    this.pending.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.rank - b.rank || a.seq - b.seq));
    this.writer.add(...this.pending.map((p) => p.fact));
    this.pending.length = 0;
  }
}
