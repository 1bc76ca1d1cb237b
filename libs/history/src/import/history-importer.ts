import {
  CommandRunner,
  DomainError,
  type AppendResult,
  type CommandContext,
  type EventStore,
  type EventToAppend,
  type ExpectedRevision,
  type ProjectPeriodLookup,
  type TenantDirectory,
} from '@kooperacja/platform';
import { GroupsFacade } from '@kooperacja/groups';
import { ProgrammePeriodLookup } from '@kooperacja/programme';
import type { HistoryFact } from '../history-file/history-fact';
import { batchCorrelationId, commandIdFor, resolveReferences } from '../history-file/ids';
import { Bounded } from './bounded';
import { dispatchersFor, type HistoryCommandName } from './history-commands';

/** The actor every imported fact is recorded by. */
export const HISTORY_IMPORT_ACTOR_SUB = 'history-import';

export interface HistoryImporterPorts {
  readonly store: EventStore;
  readonly tenants: TenantDirectory;
  /** The programme context's lookup over `store` unless given (the same the API uses). */
  readonly periods?: ProjectPeriodLookup;
  /** The platform's `CommandRunner` unless given (the synthetic fast path keeps state in memory). */
  readonly runner?: (store: EventStore) => CommandRunner;
}

/** A fact a handler refused, with the refusal's stable code. */
export interface Refusal {
  readonly tenantId: string;
  readonly factId: string;
  readonly command: HistoryCommandName;
  readonly code: string;
  readonly kind: DomainError['kind'];
  readonly field?: string;
  readonly message: string;
}

export type FactOutcome = 'applied' | 'already-applied' | 'refused';

export interface FactResult {
  readonly tenantId: string;
  readonly factId: string;
  readonly command: HistoryCommandName;
  readonly outcome: FactOutcome;
  readonly refusal?: Refusal;
}

export interface ImportReport {
  readonly facts: number;
  /** Facts recorded now. */
  readonly applied: number;
  /** Facts whose command id was already in their stream: nothing written. */
  readonly alreadyApplied: number;
  readonly refused: readonly Refusal[];
  /** Facts not attempted because an earlier one was refused (without `continueOnError`). */
  readonly skipped: number;
  readonly eventsAppended: number;
}

export interface ImportOptions {
  readonly tenantId: string;
  /** Names the import for the correlation id of its events, e.g. `mr2.yaml` or `synthetic-42`. */
  readonly batch: string;
  /** Go on after a refusal (the report lists it); by default the import stops there. */
  readonly continueOnError?: boolean;
  readonly onFact?: (result: FactResult) => void;
}

/** Facts of one tenant that may be imported alongside other chunks, unless `exclusive`. */
export interface HistoryChunk {
  readonly tenantId: string;
  readonly label: string;
  /** Imported alone, after every chunk before it and before any after it. */
  readonly exclusive?: boolean;
  readonly facts: readonly HistoryFact[];
}

export const emptyReport = (): ImportReport => ({
  facts: 0,
  applied: 0,
  alreadyApplied: 0,
  refused: [],
  skipped: 0,
  eventsAppended: 0,
});

export function addReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    facts: a.facts + b.facts,
    applied: a.applied + b.applied,
    alreadyApplied: a.alreadyApplied + b.alreadyApplied,
    refused: [...a.refused, ...b.refused],
    skipped: a.skipped + b.skipped,
    eventsAppended: a.eventsAppended + b.eventsAppended,
  };
}

/** The command context of a fact: same tenant and fact id, same command id, on every import. */
export function contextOfFact(
  fact: HistoryFact,
  tenantId: string,
  batch: string,
  correlationId = batchCorrelationId(tenantId, batch),
): CommandContext {
  return {
    tenantId,
    actor: { sub: HISTORY_IMPORT_ACTOR_SUB, role: 'tenant-admin', tenantId },
    commandId: commandIdFor(tenantId, fact.id),
    correlationId,
    causationId: correlationId,
    metadata: {
      ...fact.metadata,
      source: fact.source,
      factId: fact.id,
      imported: true,
      ...(fact.note ? { note: fact.note } : {}),
    },
  };
}

/**
 * Imports facts through the contexts' own handlers, in order, each under a command id derived
 * from (tenant, fact id): a fact imported before is reported `already-applied` and writes nothing.
 */
export class HistoryImporter {
  private readonly periods: ProjectPeriodLookup;
  private readonly groups: GroupsFacade;

  constructor(private readonly ports: HistoryImporterPorts) {
    this.periods = ports.periods ?? new ProgrammePeriodLookup(ports.store);
    this.groups = new GroupsFacade(ports.store);
  }

  async importFacts(facts: Iterable<HistoryFact>, options: ImportOptions): Promise<ImportReport> {
    const store = new CountingEventStore(this.ports.store);
    const dispatch = dispatchersFor({
      runner: this.ports.runner ? this.ports.runner(store) : new CommandRunner(store),
      periods: this.periods,
      tenants: this.ports.tenants,
      groups: this.groups,
    });
    const { tenantId, batch } = options;
    const correlationId = batchCorrelationId(tenantId, batch);
    let [count, applied, alreadyApplied, skipped] = [0, 0, 0, 0];
    const refused: Refusal[] = [];
    for (const fact of facts) {
      count++;
      if (refused.length && !options.continueOnError) {
        skipped++;
        continue;
      }
      const result = await this.apply(fact, dispatch[fact.command], tenantId, batch, correlationId);
      if (result.outcome === 'refused') refused.push(result.refusal!);
      else if (result.outcome === 'applied') applied++;
      else alreadyApplied++;
      options.onFact?.(result);
    }
    return { facts: count, applied, alreadyApplied, refused, skipped, eventsAppended: store.appended };
  }

  /**
   * Imports chunks (e.g. of a synthetic pilot), up to `concurrency` at a time; an `exclusive`
   * chunk waits for those before it and holds back those after it.
   */
  async importChunks(
    chunks: Iterable<HistoryChunk>,
    options: Omit<ImportOptions, 'tenantId' | 'onFact'> & { readonly concurrency?: number },
  ): Promise<ImportReport> {
    const jobs = new Bounded(options.concurrency ?? 4);
    let total = emptyReport();
    for (const chunk of chunks) {
      if (total.refused.length && !options.continueOnError) {
        total = addReports(total, { ...emptyReport(), facts: chunk.facts.length, skipped: chunk.facts.length });
        continue;
      }
      const job = async () => {
        // Read `total` only after the await: chunks finish in any order.
        const report = await this.importFacts(chunk.facts, { ...options, tenantId: chunk.tenantId });
        total = addReports(total, report);
      };
      if (chunk.exclusive) {
        await jobs.done();
        await job();
      } else {
        await jobs.start(job);
      }
    }
    await jobs.done();
    return total;
  }

  private async apply(
    fact: HistoryFact,
    dispatch: ReturnType<typeof dispatchersFor>[HistoryCommandName],
    tenantId: string,
    batch: string,
    correlationId: string,
  ): Promise<FactResult> {
    const base = { tenantId, factId: fact.id, command: fact.command };
    try {
      const outcome = (await dispatch(
        resolveReferences(fact.data, tenantId),
        contextOfFact(fact, tenantId, batch, correlationId),
        fact.occurredAt,
      )) as { alreadyApplied?: boolean };
      return { ...base, outcome: outcome.alreadyApplied ? 'already-applied' : 'applied' };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw new Error(`fact ${fact.id} (${fact.command}) of ${tenantId} failed: ${String(error)}`, {
          cause: error,
        });
      }
      const refusal: Refusal = {
        ...base,
        code: error.code,
        kind: error.kind,
        ...(error.field ? { field: error.field } : {}),
        message: error.message,
      };
      return { ...base, outcome: 'refused', refusal };
    }
  }
}

/** Counts the events an import actually wrote (an idempotent retry writes none). */
class CountingEventStore implements EventStore {
  appended = 0;

  constructor(private readonly inner: EventStore) {}

  async append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const result = await this.inner.append(tenantId, streamId, events, expected);
    if (!result.idempotent) this.appended += events.length;
    return result;
  }

  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  readAll: EventStore['readAll'] = (...args) => this.inner.readAll(...args);
  headPosition: EventStore['headPosition'] = (...args) => this.inner.headPosition(...args);
}
