import type { ExistingGroup } from '../group/group.state';

interface Entry {
  readonly state: ExistingGroup;
  readonly revision: number;
  readonly lastEventId: string;
}

/**
 * The states a projection process last wrote, so a batch need not read a busy group's rows back.
 * An entry is used only while the table still says the same last event (revision and id): a
 * rolled-back batch, another process taking the partition, or a rebuild all show up as a
 * difference, and the rows are read again.
 */
export class GroupStateCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 5_000) {}

  get(table: string, tenantId: string, groupId: string, revision: number, lastEventId: string): ExistingGroup | null {
    const key = `${table}/${tenantId}/${groupId}`;
    const entry = this.entries.get(key);
    if (!entry || entry.revision !== revision || entry.lastEventId !== lastEventId) return null;
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return entry.state;
  }

  set(table: string, tenantId: string, groupId: string, entry: Entry): void {
    const key = `${table}/${tenantId}/${groupId}`;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
