/** A JSON Schema (draft-07) document or fragment. */
export type JsonSchema = { readonly [keyword: string]: unknown };

/**
 * The name of a published event: `pl.kooperacja.<context>.<kebab-name>.v<major>`. The context
 * picks the topic, the major version is part of the topic name (a breaking change is a new type
 * on a new topic, published next to the old one until its consumers moved).
 */
export const INTEGRATION_EVENT_TYPE =
  /^pl\.kooperacja\.([a-z][a-z0-9]*)\.([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\.v([1-9]\d*)$/;

/** The context whose topic carries platform-wide facts (tenant offboarded, personal data erased). */
export const PLATFORM_CONTEXT = 'platform';

export interface IntegrationEventType {
  readonly context: string;
  readonly name: string;
  readonly major: number;
}

/** Splits an integration event type into its parts; throws on a malformed name. */
export function parseIntegrationEventType(type: string): IntegrationEventType {
  const match = INTEGRATION_EVENT_TYPE.exec(type);
  if (!match) {
    throw new RangeError(`integration event type "${type}" must match pl.kooperacja.<context>.<kebab-name>.v<N>`);
  }
  return { context: match[1], name: match[2], major: Number(match[3]) };
}

/** An event as downstream services receive it: a documented type and its JSON data. */
export interface IntegrationEvent<Data = unknown> {
  readonly type: string;
  readonly data: Data;
}

/** The published contract of one integration event type: documented in docs/asyncapi.yaml. */
export interface IntegrationEventDefinition<Data = unknown> {
  readonly type: string;
  /** One line for the AsyncAPI message summary. */
  readonly summary: string;
  readonly description?: string;
  /** JSON Schema (draft-07) of `data`; published as docs/schemas/<type>.json. */
  readonly schema: JsonSchema;
  /** A valid `data`, shown in the documentation and checked against the schema by the tests. */
  readonly example: Data;
}

/**
 * What a mapper sees of a stored event: the allow-listed data fields and the aggregate. Never
 * the actor, never the command metadata, never a field outside the allow-list.
 */
export interface MappableEvent<Data = Record<string, unknown>> {
  readonly tenantId: string;
  readonly streamId: string;
  /** Business time of the stored event. */
  readonly occurredAt: string;
  readonly data: Data;
}

/**
 * Maps one stored event type to zero or more integration events. Pure: no I/O, no clock. The
 * relay hands `map` only the `fields` of the stored data (after upcasting an older version), so a
 * personal field can only leave when someone puts it in the allow-list, which the registry refuses
 * for the catalogue's `personalFields`.
 */
export interface IntegrationEventMapper {
  /** Stored event type name, e.g. 'groups.MemberJoined.v1'. */
  readonly storedType: string;
  /** Top-level data fields `map` may read. */
  readonly fields: readonly string[];
  /** The stored type's personal fields (from its event catalogue): never allowed in `fields`. */
  readonly personalFields: readonly string[];
  /** Reads an older stored version as the current one, before the allow-list applies. */
  readonly upcast?: (data: never) => object;
  /** Every integration event type `map` may return. */
  readonly produces: readonly IntegrationEventDefinition[];
  readonly map: (event: MappableEvent) => readonly IntegrationEvent[];
  /** Stored data of a typical event, personal fields included: the tests map it and check the output. */
  readonly sample: object;
  /** The stream of the sample, for a mapper that reads the aggregate's id from it. */
  readonly sampleStreamId?: string;
}
