import type { DomainEvent } from '../domain/decider';
import type { EventCatalogue } from '../domain/event-catalogue';
import type {
  IntegrationEvent,
  IntegrationEventDefinition,
  IntegrationEventMapper,
  MappableEvent,
} from './integration-event';

type DataOf<E extends DomainEvent, T extends E['type']> = Extract<E, { type: T }>['data'];

/** How one domain event type of a context is published. */
export interface MapperSpec<Data, Field extends keyof Data & string = keyof Data & string> {
  /** The data fields the mapping reads; personal fields and free text stay out. */
  readonly fields: readonly Field[];
  readonly produces: readonly IntegrationEventDefinition[];
  readonly map: (event: MappableEvent<Pick<Data, Field>>) => readonly IntegrationEvent[];
  /** A typical event of the current version, personal fields filled in. */
  readonly sample: Data;
  /** A typical event of each older stored name the catalogue upcasts. */
  readonly olderSamples?: Readonly<Record<string, object>>;
  /** The stream of the samples, for a mapper that reads the aggregate's id from it. */
  readonly sampleStreamId?: string;
}

export type MapperSpecs<E extends DomainEvent> = { readonly [T in E['type']]?: MapperSpec<DataOf<E, T>> };

/**
 * Types a spec so that `map` sees only the allow-listed fields:
 * `mapping<MemberJoined['data']>()({ fields: ['groupId', 'role'], map: (e) => ..., ... })`.
 */
export const mapping =
  <Data>() =>
  <Field extends keyof Data & string>(spec: MapperSpec<Data, Field>): MapperSpec<Data, Field> =>
    spec;

/**
 * One mapper per stored name of each mapped domain event type: the current name and every older
 * name the catalogue upcasts. Personal fields come from the catalogue, so the registry can refuse
 * an allow-list that contains one.
 */
export function mappersFor<E extends DomainEvent>(
  catalogue: EventCatalogue<E>,
  specs: MapperSpecs<E>,
): IntegrationEventMapper[] {
  const mappers: IntegrationEventMapper[] = [];
  for (const [type, spec] of Object.entries(specs) as [
    E['type'],
    MapperSpec<Record<string, unknown>, string> | undefined,
  ][]) {
    if (!spec) continue;
    const def = catalogue.definitionOf(type);
    const common = {
      fields: spec.fields,
      personalFields: def.personalFields ?? [],
      produces: spec.produces,
      map: spec.map as IntegrationEventMapper['map'],
      sampleStreamId: spec.sampleStreamId,
    };
    mappers.push({ ...common, storedType: def.storedName, sample: spec.sample });
    for (const [olderName, upcast] of Object.entries(def.upcasters ?? {})) {
      const sample = spec.olderSamples?.[olderName];
      if (!sample) throw new Error(`mapper for ${def.storedName}: olderSamples must hold a sample of ${olderName}`);
      mappers.push({ ...common, storedType: olderName, upcast, sample });
    }
  }
  return mappers;
}
