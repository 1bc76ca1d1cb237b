import Ajv from 'ajv';
import { publishedSchema } from '../asyncapi';
import type { IntegrationEventDefinition, JsonSchema } from '../integration-event';
import { IntegrationEventRegistry } from '../integration-event-registry';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Ajv (draft-07, strict) with the two formats our schemas use. */
export function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addFormat('date', (s: string) => {
    const m = DATE.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  });
  ajv.addFormat('date-time', (s: string) => DATE_TIME.test(s) && !Number.isNaN(Date.parse(s)));
  return ajv;
}

/**
 * Problems of the published contract: an example or a mapped sample that does not validate
 * against its type's schema. Empty when all is well.
 */
export function contractProblems(
  registry: IntegrationEventRegistry,
  schemaOf: (def: IntegrationEventDefinition) => JsonSchema = publishedSchema,
): string[] {
  const ajv = createAjv();
  const validators = new Map(registry.definitions().map((d) => [d.type, ajv.compile(schemaOf(d))]));
  const problems: string[] = [];
  const check = (type: string, data: unknown, what: string) => {
    const validate = validators.get(type)!;
    if (!validate(data)) problems.push(`${what} (${type}): ${ajv.errorsText(validate.errors)}`);
  };
  for (const def of registry.definitions()) check(def.type, def.example, 'example');
  for (const mapper of registry.mappers()) {
    const out = registry.map(sampleEvent(mapper.storedType, mapper.sample, 'mr1', mapper.sampleStreamId));
    if (out.length === 0) problems.push(`the sample of ${mapper.storedType} maps to nothing: give one that publishes`);
    for (const e of out) check(e.type, e.data, `sample of ${mapper.storedType}`);
  }
  return problems;
}

/** A stored event around sample data, for mapping in tests. */
export function sampleEvent(type: string, data: object, tenantId = 'mr1', streamId = 'sample-stream-1') {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    type,
    data,
    tenantId,
    streamId,
    revision: 0,
    position: { commit: 1n, prepare: 1n },
    recordedAt: new Date('2024-01-01T00:00:00Z'),
    metadata: {
      tenantId,
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      actor: { sub: 'Jan Kowalski', role: 'tenant-editor', tenantId },
      occurredAt: '2019-06-01',
      schemaVersion: 1,
    },
  };
}
