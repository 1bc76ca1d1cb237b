/** Types of tally.js, for the tests that use it. */
export interface KafkaRecordLike {
  readonly key?: unknown;
  readonly value?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
}

export declare class Deduplicator {
  constructor(limit?: number);
  firstTime(id: string): boolean;
}

export declare class MacroregionTally {
  constructor(dedupe?: Deduplicator);
  readonly duplicates: number;
  readonly total: number;
  accept(message: KafkaRecordLike): 'counted' | 'duplicate';
  toJSON(): Record<string, Record<string, number>>;
  lines(): string[];
}

export declare function headersOf(message: KafkaRecordLike): Record<string, string>;
