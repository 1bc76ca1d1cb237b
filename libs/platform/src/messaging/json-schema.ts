import type { JsonSchema } from './integration-event';

/**
 * Small builders for the JSON Schemas (draft-07) of integration events, so the contracts read
 * like the data they describe. Every object is closed (`additionalProperties: false`): a field
 * that is not documented is never published.
 */
export const js = {
  string: (description?: string, extra: JsonSchema = {}): JsonSchema => ({
    type: 'string',
    ...desc(description),
    ...extra,
  }),
  date: (description?: string): JsonSchema => ({ type: 'string', format: 'date', ...desc(description) }),
  integer: (description?: string, minimum?: number): JsonSchema => ({
    type: 'integer',
    ...(minimum === undefined ? {} : { minimum }),
    ...desc(description),
  }),
  number: (description?: string, minimum?: number): JsonSchema => ({
    type: 'number',
    ...(minimum === undefined ? {} : { minimum }),
    ...desc(description),
  }),
  boolean: (description?: string): JsonSchema => ({ type: 'boolean', ...desc(description) }),
  enum: (values: readonly (string | number)[], description?: string): JsonSchema => ({
    enum: [...values],
    ...desc(description),
  }),
  array: (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...desc(description) }),
  nullable: (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] }),
  /** A closed object; every property is required unless named in `optional`. */
  object: (
    properties: Record<string, JsonSchema>,
    optional: readonly string[] = [],
    description?: string,
  ): JsonSchema => ({
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties).filter((p) => !optional.includes(p)),
    properties,
    ...desc(description),
  }),
};

function desc(description: string | undefined): JsonSchema {
  return description ? { description } : {};
}
