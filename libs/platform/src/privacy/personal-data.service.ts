import type { Actor, EventStore, RecordedEvent } from '../event-store/event-store.port';
import { CommandRunner, type CommandContext } from '../domain/command-runner';
import { notFound } from '../domain/decider';
import { formatPosition } from '../event-store/position';
import { subjectDecider } from './subject.decider';
import { PERSONAL_DATA_ERASED, subjectEventCatalogue, subjectStreamId } from './subject.events';
import type { SubjectKeyStore } from './subject-keys';

/** What an erasure did, when, and on whose request: the answer to the data subject. */
export interface ErasureReceipt {
  readonly tenantId: string;
  readonly subjectId: string;
  readonly erasedAt: string;
  readonly erasedBy: { readonly sub: string; readonly role: string };
  /** False when this request found the subject already erased (the receipt is the original's). */
  readonly erasedNow: boolean;
  /** The event that records the erasure in the subject's privacy stream. */
  readonly event: { readonly id: string; readonly type: string; readonly streamId: string };
  readonly what: readonly string[];
  readonly limits: readonly string[];
}

/** Everything the platform holds about one subject, for an access request (RODO art. 15). */
export interface SubjectExport {
  readonly tenantId: string;
  readonly subjectId: string;
  readonly generatedAt: string;
  readonly key: {
    readonly status: 'active' | 'erased' | 'none';
    readonly createdAt?: string;
    readonly erasedAt?: string;
  };
  /** Every event of the tenant that mentions the subject, personal fields opened (or shown erased). */
  readonly events: readonly SubjectEventEntry[];
  readonly note: string;
}

export interface SubjectEventEntry {
  readonly position: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly occurredAt: string | null;
  readonly recordedAt: string;
  readonly recordedBy: { readonly sub: string; readonly role: string } | null;
  readonly data: unknown;
}

export const ERASURE_WHAT = [
  "the subject's encryption key was destroyed: every personal field sealed under it, in every event, now reads as erased",
  'read models replace the personal values with the erased marker as the projector reaches the erasure event',
  'an integration event pl.kooperacja.platform.personal-data-erased.v1 (tenant and subject id only) tells downstream services to delete their copies',
];

export const ERASURE_LIMITS = [
  'database backups and WAL archives taken before the erasure still hold the key until they expire (see docs/privacy.md)',
  'copies downstream services made are deleted by them on the integration event, not by the platform',
];

const PAGE = 1000;

/** Erasure and access for data subjects of one tenant. */
export class PersonalDataService {
  constructor(
    /** The protected store: reads open personal fields. */
    private readonly store: EventStore,
    private readonly runner: CommandRunner,
    private readonly keys: SubjectKeyStore,
  ) {}

  /**
   * Destroys the subject's key, then records `privacy.PersonalDataErased.v1` (in that order, so
   * anything a projection reads after the event can no longer be opened). Idempotent.
   */
  async erase(context: CommandContext, subjectId: string): Promise<ErasureReceipt> {
    const record = await this.keys.destroy(context.tenantId, subjectId, context.actor.sub);
    if (!record) throw notFound('privacy.subject-unknown', `no personal data is held about subject ${subjectId}`);
    const erasedAt = record.erasedAt!.toISOString();
    const streamId = subjectStreamId(subjectId);
    const result = await this.runner.run({
      decider: subjectDecider,
      catalogue: subjectEventCatalogue,
      streamId,
      command: { type: 'EraseSubject', data: { subjectId, erasedAt } },
      occurredAt: erasedAt,
      context,
    });
    const { history } = await this.runner.load(context.tenantId, streamId, subjectDecider, subjectEventCatalogue);
    const event = history.find((e) => e.type === PERSONAL_DATA_ERASED)!;
    const recorded = (event.data as { erasedAt: string }).erasedAt;
    return {
      tenantId: context.tenantId,
      subjectId,
      erasedAt: recorded,
      erasedBy: actorOf(event.metadata.actor),
      erasedNow: record.destroyedNow || (result.events.length > 0 && !result.alreadyApplied),
      event: { id: event.id, type: event.type, streamId },
      what: ERASURE_WHAT,
      limits: ERASURE_LIMITS,
    };
  }

  /** Reads the tenant's whole log (rare requests; no index by subject on purpose: ids only). */
  async export(tenantId: string, subjectId: string, now = new Date()): Promise<SubjectExport> {
    const record = await this.keys.describe(tenantId, subjectId);
    const events: SubjectEventEntry[] = [];
    let after: RecordedEvent['position'] | undefined;
    for (;;) {
      const page = await this.store.readAll({ tenant: tenantId, after, limit: PAGE });
      for (const e of page) if (mentions(e.data, subjectId)) events.push(entryOf(e));
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
    if (!record && events.length === 0) {
      throw notFound('privacy.subject-unknown', `no data is held about subject ${subjectId}`);
    }
    return {
      tenantId,
      subjectId,
      generatedAt: now.toISOString(),
      key: record
        ? {
            status: record.erasedAt ? 'erased' : 'active',
            createdAt: record.createdAt.toISOString(),
            ...(record.erasedAt ? { erasedAt: record.erasedAt.toISOString() } : {}),
          }
        : { status: 'none' },
      events,
      note:
        'Read models and integration events are derived from these events and hold nothing more about the subject; ' +
        'integration events carry the pseudonymous id only.',
    };
  }
}

function mentions(data: unknown, subjectId: string): boolean {
  return JSON.stringify(data).toLowerCase().includes(subjectId.toLowerCase());
}

function actorOf(actor: Actor | undefined) {
  return actor ? { sub: actor.sub, role: actor.role } : { sub: 'unknown', role: 'unknown' };
}

function entryOf(e: RecordedEvent): SubjectEventEntry {
  return {
    position: formatPosition(e.position),
    type: e.type,
    streamId: e.streamId,
    revision: e.revision,
    occurredAt: typeof e.metadata.occurredAt === 'string' ? e.metadata.occurredAt : null,
    recordedAt: e.recordedAt.toISOString(),
    recordedBy: e.metadata.actor ? actorOf(e.metadata.actor) : null,
    data: e.data,
  };
}
