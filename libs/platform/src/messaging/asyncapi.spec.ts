import { parse } from 'yaml';
import { cloudEventHeadersSchema, publishedSchema, renderAsyncApi } from './asyncapi';
import { toKafkaMessage } from './cloud-events';
import { IntegrationEventRegistry } from './integration-event-registry';
import { generatedAsyncApiProblems } from './testing/asyncapi-check';
import { relayTestMappers } from './testing/relay-test-context';
import { contractProblems, createAjv, sampleEvent } from './testing/schema-check';

const options = {
  topicPrefix: 'kooperacja',
  partitions: 6,
  retentionMs: 604_800_000,
  version: '1.0.0',
  schemaDir: './schemas',
};

describe('AsyncAPI document', () => {
  const registry = new IntegrationEventRegistry(relayTestMappers());
  const docs = renderAsyncApi(registry.definitions(), options);

  it('is a valid AsyncAPI 3 document whose schema files resolve', async () => {
    expect(await generatedAsyncApiProblems(docs)).toEqual([]);
  }, 120_000);

  it('has a channel per context and major version with partitions and retention, and the platform channel', () => {
    const doc = parse(docs.asyncapi);
    expect(Object.keys(doc.channels)).toEqual(['platform.v1', 'relaytest.v1']);
    expect(doc.channels['relaytest.v1'].address).toBe('kooperacja.relaytest.v1');
    expect(doc.channels['relaytest.v1'].bindings.kafka).toMatchObject({
      partitions: 6,
      topicConfiguration: { 'retention.ms': 604_800_000 },
    });
    expect(Object.keys(doc.channels['relaytest.v1'].messages)).toEqual([
      'thing-audited.v1',
      'thing-checked.v1',
      'thing-counted.v1',
    ]);
    expect(Object.keys(docs.schemas)).toEqual([
      'pl.kooperacja.relaytest.thing-audited.v1.json',
      'pl.kooperacja.relaytest.thing-checked.v1.json',
      'pl.kooperacja.relaytest.thing-counted.v1.json',
    ]);
  });

  it('every example and every mapped sample validates against its published schema', () => {
    expect(contractProblems(registry)).toEqual([]);
  });

  it('a published record’s headers validate against the documented CloudEvents headers', () => {
    const ajv = createAjv();
    const stored = sampleEvent('relaytest.ThingChecked.v1', { thingId: 't-1', ok: true, inspector: 'A' });
    const records = registry.map(stored).map((e, i) => toKafkaMessage('t', stored, e, i));
    expect(records).toHaveLength(2);
    for (const r of records) {
      const validate = ajv.compile(cloudEventHeadersSchema(r.headers.ce_type));
      expect(validate(r.headers) ? [] : validate.errors).toEqual([]);
    }
    const wrong = ajv.compile(cloudEventHeadersSchema('pl.kooperacja.relaytest.other.v1'));
    expect(wrong(records[0].headers)).toBe(false);
  });

  it('a schema that does not match the mapper is caught', () => {
    const stricter = (d: Parameters<typeof publishedSchema>[0]) => {
      const schema = publishedSchema(d) as { required: string[]; properties: object };
      return { ...schema, required: [...schema.required, 'extra'], properties: { ...schema.properties, extra: {} } };
    };
    expect(contractProblems(registry, stricter)).toContain(
      "example (pl.kooperacja.relaytest.thing-checked.v1): data must have required property 'extra'",
    );
  });
});
