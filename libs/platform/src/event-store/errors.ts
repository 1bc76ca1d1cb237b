import type { ExpectedRevision } from './event-store.port';

/** The stream was not at the revision the caller expected. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's current revision, or 'no_stream'. */
    readonly actual: number | 'no_stream',
  ) {
    super(`stream "${streamId}": expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** Some, not all, of the appended event ids are already stored: not a clean retry. */
export class IdempotencyConflictError extends Error {
  override readonly name = 'IdempotencyConflictError';
  constructor(
    readonly streamId: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream "${streamId}": event ids already stored in another append: ${eventIds.join(', ')}`);
  }
}

/** A call without a tenant, or with a malformed one. */
export class TenantRequiredError extends Error {
  override readonly name = 'TenantRequiredError';
  constructor(detail: string) {
    super(`a tenant is required: ${detail}`);
  }
}

/** The event store could not be reached; the caller may retry. */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
  constructor(cause: unknown) {
    super(`event store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
