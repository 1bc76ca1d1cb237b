import { eventIdFor } from '@kooperacja/platform';
import { v5 as uuidv5 } from 'uuid';

// Namespaces of the ids the history derives. Fixed forever: changing one would make a second
// import of the same file append everything again under new ids.
const COMMAND_NAMESPACE = '5e73fde2-c82d-425c-9370-aec19d129256';
const NAMED_ID_NAMESPACE = '6bb7455a-c206-4120-af60-b928f52d7ebe';
const BATCH_NAMESPACE = 'b15d5e0b-a371-4a73-976f-fae1944f541f';

/** A fact id: a lower-case slug such as `mr2-budget-2021`, unique within its tenant. */
export const FACT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_FACT_ID = 120;

/**
 * The command id of a fact: the same tenant and fact id always give the same command id, so
 * importing a file twice appends nothing the second time (the runner sees the id applied).
 */
export function commandIdFor(tenantId: string, factId: string): string {
  return uuidv5(`${tenantId}/${factId}`, COMMAND_NAMESPACE);
}

/** The id of the n-th event a fact appended (the runner derives event ids from the command id). */
export function eventIdOfFact(tenantId: string, factId: string, index = 0): string {
  return eventIdFor(commandIdFor(tenantId, factId), index);
}

/** A uuid standing for a name in a history file (`id:mr2-pgd-kartuski`), stable per tenant. */
export function namedId(tenantId: string, name: string): string {
  return uuidv5(`${tenantId}/${name}`, NAMED_ID_NAMESPACE);
}

/** Correlation id of one import batch (a file or a synthetic pilot) for one tenant. */
export function batchCorrelationId(tenantId: string, batch: string): string {
  return uuidv5(`${tenantId}/${batch}`, BATCH_NAMESPACE);
}

const NAMED = /^id:([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const EVENT_OF_FACT = /^event:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Replaces references in a fact's data with the uuids they stand for, at any depth:
 * `id:<name>` → {@link namedId}; `event:<fact id>` → the first event that fact appended (for
 * corrections, which point at an event). Other values are returned as they are.
 */
export function resolveReferences<T>(value: T, tenantId: string): T {
  if (typeof value === 'string') {
    const named = NAMED.exec(value);
    if (named) return namedId(tenantId, named[1]) as T;
    const event = EVENT_OF_FACT.exec(value);
    if (event) return eventIdOfFact(tenantId, event[1]) as T;
    return value;
  }
  // Copies only what changes: most data (all of the synthetic pilot's) holds no reference.
  if (Array.isArray(value)) {
    const resolved = value.map((v) => resolveReferences(v, tenantId));
    return (resolved.some((v, i) => v !== value[i]) ? resolved : value) as T;
  }
  if (value !== null && typeof value === 'object') {
    let copy: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const r = resolveReferences(v, tenantId);
      if (r !== v) {
        copy ??= { ...(value as Record<string, unknown>) };
        copy[k] = r;
      }
    }
    return (copy ?? value) as T;
  }
  return value;
}
