import type {
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  TenantScope,
} from '../event-store/event-store.port';
import type { Position } from '../event-store/position';
import { isSealed, open, seal, type SealedValue } from './envelope';
import type { SubjectKeyStore } from './subject-keys';

/**
 * Crypto-shredding around any event store adapter. On append, the personal fields the command
 * runner names (`EventToAppend.personalData`, from the event catalogue) are sealed under their
 * subject's key; on read every sealed field is opened, and a destroyed key reads as erased.
 * The adapter below only ever sees ciphertext; contexts need no code of their own.
 */
export class PersonalDataProtectingStore implements EventStore {
  constructor(
    /** The adapter that stores the sealed events. */
    readonly inner: EventStore,
    private readonly keys: SubjectKeyStore,
  ) {}

  async append(
    tenantId: string,
    streamId: string,
    events: readonly EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    const subjects = events.flatMap((e) => (e.personalData ? [e.personalData.subjectId] : []));
    const keys = subjects.length ? await this.keys.keysForWriting(tenantId, subjects) : new Map<string, Buffer>();
    const sealed = events.map(({ personalData, ...event }) => {
      if (!personalData) return event;
      const key = keys.get(personalData.subjectId)!;
      const data = { ...(event.data as Record<string, unknown>) };
      for (const field of personalData.fields) {
        if (data[field] === undefined || data[field] === null || isSealed(data[field])) continue;
        data[field] = seal(key, personalData.subjectId, { tenantId, field }, data[field]);
      }
      return { ...event, data };
    });
    return this.inner.append(tenantId, streamId, sealed, expectedRevision);
  }

  async readStream(tenantId: string, streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(tenantId, streamId, options));
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
  }

  async untilReadable(tenantId: string, timeoutMs?: number): Promise<void> {
    await this.inner.untilReadable?.(tenantId, timeoutMs);
  }

  headPosition(tenant: TenantScope): Promise<Position | null> {
    return this.inner.headPosition(tenant);
  }

  /** Opens every sealed field, with one key lookup per tenant in the batch. */
  private async openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const wanted = new Map<string, Set<string>>();
    for (const e of events) {
      for (const value of Object.values(e.data as object)) {
        if (!isSealed(value)) continue;
        const set = wanted.get(e.tenantId) ?? new Set<string>();
        wanted.set(e.tenantId, set.add(value.sub));
      }
    }
    if (wanted.size === 0) return events;
    const keys = new Map<string, Map<string, Buffer>>();
    for (const [tenantId, subjects] of wanted) {
      keys.set(tenantId, await this.keys.keysForReading(tenantId, [...subjects]));
    }
    return events.map((e) => {
      const tenantKeys = keys.get(e.tenantId);
      if (!tenantKeys) return e;
      let data: Record<string, unknown> | undefined;
      for (const [field, value] of Object.entries(e.data as Record<string, unknown>)) {
        if (!isSealed(value)) continue;
        data ??= { ...(e.data as Record<string, unknown>) };
        data[field] = open(tenantKeys.get((value as SealedValue).sub) ?? null, value, { tenantId: e.tenantId, field });
      }
      return data ? { ...e, data } : e;
    });
  }
}
