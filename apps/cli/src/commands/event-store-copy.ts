import {
  IdempotencyConflictError,
  WrongExpectedRevisionError,
  formatPosition,
  type EventStore,
  type EventToAppend,
  type Position,
  type RecordedEvent,
} from '@kooperacja/platform';

export interface CopyOptions {
  readonly tenant: string;
  /** Events read from the source per page. */
  readonly batchSize?: number;
  /** Start from the beginning even if the target already holds a copied prefix (re-verifies it). */
  readonly fromStart?: boolean;
  /** Stop after copying this many events (a throttled or staged copy; run again to continue). */
  readonly maxEvents?: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}

export interface CopyProgress {
  readonly read: number;
  readonly copied: number;
  /** Events the target already held (idempotent appends by event id). */
  readonly alreadyThere: number;
  readonly last?: Position;
}

export interface CopyResult extends CopyProgress {
  /** The source position the copy resumed after, when the target already held a prefix. */
  readonly resumedAfter?: Position;
  /** False when `maxEvents` stopped the copy before the end of the source. */
  readonly complete: boolean;
}

/**
 * Copies one tenant's events from `source` to `target` in the source's global order, keeping
 * each event's id, stream, revision, type, data and metadata. The target assigns its own
 * positions and record times, so the source's record time goes into `metadata.originalRecordedAt`
 * (kept when already there: a copy of a copy keeps the first one).
 *
 * Resumable: the target's newest event of the tenant is looked up in the source and the copy
 * continues after it; every append is idempotent by event id, so repeating a stretch (a crash
 * between appends, `fromStart`) writes nothing twice. Each append carries the revision the
 * source had before it, so a target stream holding other events stops the copy with a conflict.
 */
export async function copyTenantEvents(
  source: EventStore,
  target: EventStore,
  options: CopyOptions,
): Promise<CopyResult> {
  const batchSize = options.batchSize ?? 500;
  await source.untilReadable?.(options.tenant); // a copy never stops short of a commit made before it
  const resumedAfter = options.fromStart ? undefined : await resumePoint(source, target, options.tenant);
  let after = resumedAfter;
  let read = 0;
  let copied = 0;
  let alreadyThere = 0;
  let last: Position | undefined;
  for (;;) {
    const page = await source.readAll({ tenant: options.tenant, after, limit: batchSize });
    for (const group of appendGroups(page)) {
      const room = options.maxEvents === undefined ? group.length : options.maxEvents - copied;
      if (room <= 0) return { read, copied, alreadyThere, last, resumedAfter, complete: false };
      const slice = group.slice(0, room);
      const written = await appendCopy(target, options.tenant, slice);
      copied += written;
      alreadyThere += slice.length - written;
      read += slice.length;
      last = slice[slice.length - 1].position;
      if (slice.length < group.length) return { read, copied, alreadyThere, last, resumedAfter, complete: false };
    }
    options.onProgress?.({ read, copied, alreadyThere, last });
    if (page.length < batchSize) return { read, copied, alreadyThere, last, resumedAfter, complete: true };
    after = page[page.length - 1].position;
  }
}

/**
 * Where the source's copied prefix ends: the source position of the target's newest event of
 * the tenant, if the source holds that same event; otherwise the start. The port reads forwards
 * only, so this pages through the target's copy of the tenant (reads, cheaper than re-appending).
 */
async function resumePoint(source: EventStore, target: EventStore, tenant: string): Promise<Position | undefined> {
  let newest: RecordedEvent | undefined;
  for (;;) {
    const page = await target.readAll({ tenant, after: newest?.position, limit: RESUME_PAGE });
    if (page.length > 0) newest = page[page.length - 1];
    if (page.length < RESUME_PAGE) break;
  }
  if (!newest) return undefined;
  const [original] = await source.readStream(tenant, newest.streamId, { fromRevision: newest.revision, limit: 1 });
  return original?.id === newest.id ? original.position : undefined;
}

const RESUME_PAGE = 5_000;

/** Consecutive events of one stream and one source commit: one append in the source, one in the target. */
export function appendGroups(events: readonly RecordedEvent[]): RecordedEvent[][] {
  const groups: RecordedEvent[][] = [];
  for (const e of events) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    if (
      previous &&
      previous.streamId === e.streamId &&
      previous.position.commit === e.position.commit &&
      previous.revision + 1 === e.revision
    ) {
      current.push(e);
    } else {
      groups.push([e]);
    }
  }
  return groups;
}

/** Appends a group at the revisions it had in the source; returns how many events were new. */
async function appendCopy(target: EventStore, tenant: string, group: readonly RecordedEvent[]): Promise<number> {
  const first = group[0];
  try {
    const result = await target.append(
      tenant,
      first.streamId,
      group.map(toCopy),
      first.revision === 0 ? 'no_stream' : first.revision - 1,
    );
    if (result.idempotent) return 0;
    if (result.nextExpectedRevision !== group[group.length - 1].revision) {
      throw new Error(`stream "${first.streamId}": copied events got other revisions in the target`);
    }
    return group.length;
  } catch (error) {
    // A previous run split this group at a page or `maxEvents` boundary: go one event at a time.
    if (error instanceof IdempotencyConflictError && group.length > 1) {
      let written = 0;
      for (const e of group) written += await appendCopy(target, tenant, [e]);
      return written;
    }
    if (error instanceof WrongExpectedRevisionError) {
      throw new Error(
        `stream "${first.streamId}" of tenant ${tenant} holds other events in the target ` +
          `(expected revision ${String(error.expected)}, found ${String(error.actual)}; source position ` +
          `${formatPosition(first.position)}): the target is not a copy of this source`,
        { cause: error },
      );
    }
    throw error;
  }
}

function toCopy(e: RecordedEvent): EventToAppend {
  return {
    id: e.id,
    type: e.type,
    data: e.data,
    metadata: { ...e.metadata, originalRecordedAt: e.metadata.originalRecordedAt ?? e.recordedAt.toISOString() },
  };
}
