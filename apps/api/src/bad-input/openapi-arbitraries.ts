import fc from 'fast-check';

/** The parts of an OpenAPI 3 document the generators read. */
export interface OpenApiDocument {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components?: { readonly schemas?: Record<string, Schema> };
}

export interface Operation {
  readonly operationId?: string;
  readonly 'x-roles'?: readonly string[];
  readonly parameters?: readonly { name: string; in: string; required?: boolean; schema?: Schema }[];
  readonly requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly items?: Schema;
  readonly properties?: Record<string, Schema>;
  readonly required?: readonly string[];
  readonly allOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly example?: unknown;
}

export interface WriteEndpoint {
  readonly method: 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path, e.g. `/api/v1/tenants/:tenantId/groups/:groupId/members`. */
  readonly path: string;
  readonly roles: readonly string[];
  readonly body?: Schema;
  /** Documented examples of the path parameters, e.g. `{ teryt: '2205023' }`. */
  readonly examples: Readonly<Record<string, unknown>>;
}

const WRITES = ['post', 'put', 'patch', 'delete'] as const;

/** Every write operation of the document: a new endpoint is covered the moment it is documented. */
export function writeEndpoints(doc: OpenApiDocument): WriteEndpoint[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    WRITES.filter((m) => ops[m]).map((method) => ({
      method,
      path: path.replace(/\{([^}]+)\}/g, ':$1'),
      roles: ops[method]['x-roles'] ?? [],
      body: ops[method].requestBody?.content?.['application/json']?.schema,
      examples: Object.fromEntries(
        (ops[method].parameters ?? [])
          .filter((p) => p.in === 'path' && p.schema?.example !== undefined)
          .map((p) => [p.name, p.schema!.example]),
      ),
    })),
  );
}

/** Strings an attacker, a careless client or a Polish user would send. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE es_events; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${jndi:ldap://x/a}',
  '../../../etc/passwd',
  'Zażółć gęślą jaźń',
  'ŁÓDŹ ŚLĄSKIE Świętokrzyskie',
  'null',
  'undefined',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31mred\u001b[0m',
  '\r\nSet-Cookie: x=1',
  '\ud800',
  '🙂'.repeat(50),
  'x'.repeat(10_000),
  '2019-02-30',
  '9999-99-99',
  '-1',
  '00000000-0000-0000-0000-000000000000',
] as const;

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  // Huge: under the body limit (validation must refuse it) and over it (413).
  { weight: 1, arbitrary: fc.constantFrom('ż'.repeat(200_000), 'a'.repeat(1_100_000)) },
);

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  nastyString,
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.constant({}),
);

/** Resolves `$ref` and `allOf` into one object schema. */
export function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolve(doc, doc.components?.schemas?.[name]);
  }
  if (schema.allOf?.length) {
    return schema.allOf
      .map((s) => resolve(doc, s))
      .reduce((a, b) => ({
        ...a,
        ...b,
        properties: { ...a.properties, ...b.properties },
        required: [...(a.required ?? []), ...(b.required ?? [])],
      }));
  }
  return schema;
}

/** A value that fits the schema in shape, with hostile content wherever a string goes. */
export function fitting(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const example = (raw?.example ?? schema.example) as unknown;
  // The documented example half of the time, so bodies also get past validation into the handlers.
  if (example !== undefined && schema.type !== 'object') {
    return fc.oneof(fc.constant(example), shaped(doc, schema, depth));
  }
  return shaped(doc, schema, depth);
}

function shaped(doc: OpenApiDocument, schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.oneof(fc.constantFrom(...schema.enum), nastyString);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return fc.oneof(...variants.map((v) => fitting(doc, v, depth + 1)));
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') {
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          nastyString,
        );
      }
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), nastyString);
      return nastyString;
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -5, max: 1_000 }), fc.constantFrom(-1, 0, 1e15, 0.5, Number.MAX_VALUE));
    case 'boolean':
      return fc.boolean();
    case 'array':
      if (depth > 3) return fc.constant([]);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(fitting(doc, schema.items, depth + 1), { maxLength: 4 }) },
        // Huge arrays: the body limit or the validation must stop them, never the database.
        { weight: 1, arbitrary: fc.constant(null).map(() => Array.from({ length: 20_000 }, (_, i) => i)) },
      );
    case 'object':
    default: {
      if (depth > 3) return fc.constant({});
      const props = Object.entries(schema.properties ?? {});
      if (props.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
      const required = new Set(schema.required ?? []);
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, fitting(doc, v, depth + 1)])), {
        requiredKeys: props.map(([k]) => k).filter((k) => required.has(k)),
      });
    }
  }
}

/** One request body to send: raw text (for malformed JSON) or a value, and what was done to it. */
export interface BadBody {
  readonly kind: string;
  readonly raw?: string;
  readonly value?: unknown;
}

const MALFORMED = ['{', '{"a":', '[1,2', '{"a":1,}', "{'a':1}", 'NaN', '\u0000', '{"a":"\\u12"}', '{"a":1}{"b":2}'];

/** Bodies for a write endpoint: shaped like its schema but hostile, broken or malformed. */
export function badBodies(doc: OpenApiDocument, schema: Schema | undefined): fc.Arbitrary<BadBody> {
  const shaped = fitting(doc, schema);
  const props = Object.keys(resolve(doc, schema).properties ?? {});
  const mutate = (mutation: (o: Record<string, unknown>, key: string) => void, kind: string) =>
    fc.tuple(shaped, props.length ? fc.constantFrom(...props) : fc.constant('x')).map(([value, key]): BadBody => {
      const o = value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
      mutation(o as Record<string, unknown>, key);
      return { kind: `${kind} ${key}`, value: o };
    });
  return fc.oneof(
    { weight: 4, arbitrary: shaped.map((value): BadBody => ({ kind: 'shaped', value })) },
    { weight: 2, arbitrary: mutate((o, k) => delete o[k], 'missing') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          mutate(() => undefined, 'wrong type of'),
          anyJson,
        )
        .map(([b, v]) => ({ ...b, value: { ...(b.value as object), [b.kind.split(' ').pop()!]: v } })),
    },
    { weight: 1, arbitrary: mutate((o) => (o.extraField = 'x'), 'extra field next to') },
    {
      weight: 1,
      arbitrary: mutate(
        (o) => Object.defineProperty(o, '__proto__', { value: { admin: true }, enumerable: true }),
        'prototype pollution next to',
      ),
    },
    { weight: 1, arbitrary: anyJson.map((value): BadBody => ({ kind: 'not an object', value })) },
    { weight: 1, arbitrary: fc.constantFrom(...MALFORMED).map((raw): BadBody => ({ kind: 'malformed JSON', raw })) },
  );
}
