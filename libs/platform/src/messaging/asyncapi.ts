import { stringify } from 'yaml';
import { TENANT_SOURCE_PREFIX } from './cloud-events';
import {
  parseIntegrationEventType,
  PLATFORM_CONTEXT,
  type IntegrationEventDefinition,
  type JsonSchema,
} from './integration-event';
import type { KafkaConfig } from './kafka-config';

export interface AsyncApiOptions extends Pick<KafkaConfig, 'topicPrefix' | 'partitions' | 'retentionMs'> {
  /** Version of the document (the contract), not of the platform. */
  readonly version: string;
  /** Folder of the schema files, relative to the document. */
  readonly schemaDir: string;
}

export interface AsyncApiDocuments {
  /** docs/asyncapi.yaml */
  readonly asyncapi: string;
  /** File name (in `schemaDir`) → JSON Schema text, one per integration event type. */
  readonly schemas: Readonly<Record<string, string>>;
}

const TENANT_ID = '^[a-z][a-z0-9-]{0,31}$';
const DRAFT_07 = 'application/schema+json;version=draft-07';

export function schemaFileName(type: string): string {
  return `${type}.json`;
}

/** A definition's JSON Schema as published: with `$schema`, `$id` and title. */
export function publishedSchema(def: IntegrationEventDefinition): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `urn:kooperacja:schema:${def.type}`,
    title: def.type,
    description: def.summary,
    ...def.schema,
  };
}

/** The CloudEvents headers of a record of `type`, as a JSON Schema (used by the docs and the tests). */
export function cloudEventHeadersSchema(type: string): JsonSchema {
  return {
    type: 'object',
    required: [
      'ce_specversion',
      'ce_id',
      'ce_source',
      'ce_type',
      'ce_time',
      'ce_subject',
      'ce_tenantid',
      'ce_recordedtime',
      'content-type',
    ],
    properties: {
      ce_specversion: { type: 'string', const: '1.0', description: 'CloudEvents version.' },
      ce_id: {
        type: 'string',
        description:
          'Unique per event and the same every time the event is published (relay retries, replays): deduplicate on it. ' +
          'The stored event id; `<event id>:<type>` for a second event mapped from the same stored event.',
      },
      ce_source: {
        type: 'string',
        pattern: `^${TENANT_SOURCE_PREFIX}[a-z][a-z0-9-]{0,31}$`,
        description: 'The tenant (macroregion) that recorded the fact.',
      },
      ce_type: { type: 'string', const: type, description: 'Event type with its major version.' },
      ce_time: {
        type: 'string',
        format: 'date-time',
        description: 'Business time: when the fact happened (a business date is midnight UTC).',
      },
      ce_subject: { type: 'string', description: 'The aggregate (stream id); also the record key.' },
      ce_tenantid: { type: 'string', pattern: TENANT_ID, description: 'Extension: the tenant id.' },
      ce_recordedtime: {
        type: 'string',
        format: 'date-time',
        description: 'Extension: when the platform recorded the fact (often long after `ce_time`).',
      },
      ce_synthetic: {
        type: 'string',
        const: 'true',
        description: 'Extension, present only on events of the synthetic pilot generator: not real data.',
      },
      'content-type': { type: 'string', const: 'application/json' },
    },
  };
}

/**
 * docs/asyncapi.yaml (AsyncAPI 3.0) and one JSON Schema per integration event type, generated
 * from the definitions so that the documents cannot drift from what the relay publishes.
 */
export function renderAsyncApi(
  definitions: readonly IntegrationEventDefinition[],
  options: AsyncApiOptions,
): AsyncApiDocuments {
  const sorted = [...definitions].sort((a, b) => a.type.localeCompare(b.type));
  const byChannel = new Map<string, IntegrationEventDefinition[]>();
  for (const def of sorted) {
    const { context, major } = parseIntegrationEventType(def.type);
    const id = `${context}.v${major}`;
    byChannel.set(id, [...(byChannel.get(id) ?? []), def]);
  }
  if (!byChannel.has(`${PLATFORM_CONTEXT}.v1`)) byChannel.set(`${PLATFORM_CONTEXT}.v1`, []);

  const topicConfig = {
    partitions: options.partitions,
    topicConfiguration: { 'cleanup.policy': ['delete'], 'retention.ms': options.retentionMs },
    bindingVersion: '0.5.0',
  };
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const [id, defs] of [...byChannel].sort(([a], [b]) => a.localeCompare(b))) {
    const [context, version] = id.split('.');
    const address = `${options.topicPrefix}.${context}.${version}`;
    const messages = Object.fromEntries(
      defs.map((d) => [messageKey(d.type), { $ref: `#/components/messages/${d.type.replace(/\./g, '_')}` }]),
    );
    channels[id] = {
      address,
      title: `${context} events, major version ${version.slice(1)}`,
      description:
        context === PLATFORM_CONTEXT
          ? `Platform-wide facts: personal data erased (record key: the subject's privacy stream). ` +
            `Per-tenant mode: \`${options.topicPrefix}.<tenant>.${context}.${version}\`.`
          : `Integration events of the ${context} context, every tenant on one topic (tenant in \`ce_tenantid\`). ` +
            `Record key: the aggregate (stream id), so one aggregate's events keep their order. ` +
            `Per-tenant mode (\`KAFKA_TOPIC_MODE=per-tenant\`): \`${options.topicPrefix}.<tenant>.${context}.${version}\`.`,
      messages,
      bindings: { kafka: { topic: address, ...topicConfig } },
    };
    if (defs.length > 0) {
      operations[`publish-${context}-${version}`] = {
        action: 'send',
        title: `The relay publishes ${context} events`,
        channel: { $ref: `#/channels/${id}` },
        messages: defs.map((d) => ({ $ref: `#/channels/${id}/messages/${messageKey(d.type)}` })),
      };
    }
  }

  const componentMessages = Object.fromEntries(
    sorted.map((def) => [
      def.type.replace(/\./g, '_'),
      {
        name: def.type,
        title: def.type,
        summary: def.summary,
        ...(def.description ? { description: def.description } : {}),
        contentType: 'application/json',
        headers: cloudEventHeadersSchema(def.type),
        payload: { schemaFormat: DRAFT_07, schema: { $ref: `${options.schemaDir}/${schemaFileName(def.type)}` } },
        bindings: {
          kafka: {
            key: { type: 'string', description: 'The aggregate: event-store stream id (same as ce_subject).' },
            bindingVersion: '0.5.0',
          },
        },
        examples: [
          {
            name: 'example',
            headers: exampleHeaders(def.type),
            payload: def.example,
          },
        ],
      },
    ]),
  );

  const document = {
    asyncapi: '3.0.0',
    info: {
      title: 'Kooperacja integration events',
      version: options.version,
      description: INFO,
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: '127.0.0.1:19092',
        protocol: 'kafka',
        description: 'The single-node broker of scripts/kafka/broker.sh (tests, npm start).',
      },
      compose: {
        host: 'kafka:9092',
        protocol: 'kafka',
        description: 'The broker of docker-compose.yml.',
      },
    },
    channels,
    operations,
    components: { messages: componentMessages },
  };
  const header =
    '# Generated by `npm run cli -- kafka docs` from the contexts\u2019 contracts/integration: do not edit.\n';
  const schemas = Object.fromEntries(
    sorted.map((def) => [schemaFileName(def.type), `${JSON.stringify(publishedSchema(def), null, 2)}\n`]),
  );
  return { asyncapi: header + stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }), schemas };
}

function messageKey(type: string): string {
  const { name, major } = parseIntegrationEventType(type);
  return `${name}.v${major}`;
}

function exampleHeaders(type: string): Record<string, string> {
  return {
    ce_specversion: '1.0',
    ce_id: '0b7f4a52-5c4e-4d0e-9a51-3d2f1c6b8e01',
    ce_source: `${TENANT_SOURCE_PREFIX}mr2`,
    ce_type: type,
    ce_time: '2019-05-14T00:00:00Z',
    ce_subject: 'example-aggregate-1',
    ce_tenantid: 'mr2',
    ce_recordedtime: '2024-02-01T09:30:12.345Z',
    'content-type': 'application/json',
  };
}

const INFO = `Facts recorded by the Kooperacja platform, for downstream services (ministry reporting, regional
systems). Each record is a CloudEvent 1.0 in Kafka binary mode: the attributes are \`ce_*\` headers,
the value is the JSON \`data\`.

- **Complete, at least once.** A relay reads the event store from a checkpoint per tenant and moves
  the checkpoint only after the broker acknowledged; after a crash or an outage it publishes again
  from the checkpoint. Deduplicate on \`ce_id\`.
- **Ordered per aggregate.** The record key is the aggregate (stream id); one aggregate's events are
  in one partition, in the order they were recorded.
- **No personal data.** Names, contact details and free text never leave; persons appear only as
  pseudonymous ids.
- **Versioned.** \`ce_type\` ends in the major version, which is also part of the topic name.

See docs/kafka.md for topics, consuming, deduplication, replay and the per-tenant mode.`;
