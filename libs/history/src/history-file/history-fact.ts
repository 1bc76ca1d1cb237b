import type { HistoryCommandName } from '../import/history-commands';

/** Metadata values a fact may add to its events (e.g. `synthetic: true`). */
export type FactMetadataValue = string | number | boolean;

/**
 * One fact of a history: a command of a context with its input, the day it happened and the
 * document it comes from. The importer gives it a command id derived from (tenant, `id`).
 */
export interface HistoryFact {
  /** Stable, unique within the tenant, e.g. `mr2-budget-2021`. Never change it once imported. */
  readonly id: string;
  readonly command: HistoryCommandName;
  /** Business day (ISO date or date-time) the fact happened on. */
  readonly occurredAt: string;
  /** The source document: `seed 002`, or the title and site of a research page. */
  readonly source: string;
  /** Why a value or a day was chosen when the source does not state it plainly. Stored in metadata. */
  readonly note?: string;
  /** The command's input, exactly as its handler takes it (references `id:`/`event:` resolved). */
  readonly data: Readonly<Record<string, unknown>>;
  /** Extra event metadata, e.g. `{ synthetic: true, syntheticSeed: 42 }`. */
  readonly metadata?: Readonly<Record<string, FactMetadataValue>>;
}

/** A history file: the facts of one tenant, in the order they are to be applied. */
export interface HistoryFile {
  /** The tenant the facts belong to; `--tenant` may give or override it. */
  readonly tenant?: string;
  readonly title?: string;
  readonly facts: readonly HistoryFact[];
}

/** Metadata keys the importer sets itself; a fact may not set them. */
export const RESERVED_METADATA_KEYS = [
  'tenantId',
  'commandId',
  'correlationId',
  'causationId',
  'actor',
  'occurredAt',
  'schemaVersion',
  'source',
  'factId',
  'imported',
  'note',
] as const;
