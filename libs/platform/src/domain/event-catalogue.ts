import type { DomainEvent } from './decider';
import type { PersonalDataRef } from '../event-store/event-store.port';

/** How one domain event type is stored: an explicit, versioned name, never a class name. */
export interface EventTypeDefinition {
  /** Domain type, e.g. 'MemberJoined'. */
  readonly type: string;
  /** Current stored name, e.g. 'groups.MemberJoined.v2'. */
  readonly storedName: string;
  /** Names of data fields holding personal data (erasable; never in ids, types or keys). */
  readonly personalFields?: readonly string[];
  /**
   * The data field naming the person the personal fields are about (a stable pseudonymous id,
   * e.g. 'personId'). Their values are encrypted under that subject's key, so erasing the
   * subject erases them. Without one, the stream is the subject.
   */
  readonly subjectField?: string;
  /** Older stored names, each with a pure function reading its data as the current version. */
  readonly upcasters?: Readonly<Record<string, (data: never) => object>>;
}

/** Maps a context's domain events to stored names and back, upcasting old versions. */
export class EventCatalogue<E extends DomainEvent> {
  private readonly byType = new Map<string, EventTypeDefinition>();
  private readonly byStoredName = new Map<string, { def: EventTypeDefinition; upcast?: (data: never) => object }>();

  constructor(
    /** Prefix of every stored name, e.g. 'groups.'. */
    readonly prefix: string,
    definitions: readonly EventTypeDefinition[],
  ) {
    for (const def of definitions) {
      if (!def.storedName.startsWith(prefix) || !/\.v\d+$/.test(def.storedName)) {
        throw new Error(`stored name ${def.storedName} must start with ${prefix} and end with .v<N>`);
      }
      if (this.byType.has(def.type)) throw new Error(`event type ${def.type} defined twice`);
      this.byType.set(def.type, def);
      this.byStoredName.set(def.storedName, { def });
      for (const [oldName, upcast] of Object.entries(def.upcasters ?? {})) {
        this.byStoredName.set(oldName, { def, upcast });
      }
    }
  }

  storedNameOf(type: E['type']): string {
    const def = this.byType.get(type);
    if (!def) throw new Error(`no stored name for event type ${type}`);
    return def.storedName;
  }

  schemaVersionOf(type: E['type']): number {
    return Number(/\.v(\d+)$/.exec(this.storedNameOf(type))![1]);
  }

  definitionOf(type: E['type']): EventTypeDefinition {
    const def = this.byType.get(type);
    if (!def) throw new Error(`unknown event type ${type}`);
    return def;
  }

  /** True when this catalogue can read events stored under `storedName`. */
  knows(storedName: string): boolean {
    return this.byStoredName.has(storedName);
  }

  /** Reads a stored event as the current domain event, upcasting older versions. */
  toDomain(storedName: string, data: unknown): E {
    const entry = this.byStoredName.get(storedName);
    if (!entry) throw new Error(`unknown stored event type ${storedName}`);
    const current = entry.upcast ? entry.upcast(data as never) : data;
    return { type: entry.def.type, data: current } as E;
  }

  /**
   * Which personal fields of this event are set and whose they are: what the event store
   * encrypts under the subject's key. Undefined when the event holds no personal value.
   */
  personalDataOf(type: E['type'], data: object, streamId: string): PersonalDataRef | undefined {
    const def = this.definitionOf(type);
    const values = data as Record<string, unknown>;
    const fields = (def.personalFields ?? []).filter((f) => values[f] !== undefined && values[f] !== null);
    if (fields.length === 0) return undefined;
    const subject = def.subjectField ? values[def.subjectField] : undefined;
    return { subjectId: typeof subject === 'string' && subject ? subject : streamId, fields };
  }

  definitions(): EventTypeDefinition[] {
    return [...this.byType.values()];
  }
}
