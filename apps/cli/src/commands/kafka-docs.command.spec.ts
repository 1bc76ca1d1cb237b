import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { allIntegrationEventMappers } from '@kooperacja/composition';
import { IntegrationEventRegistry } from '@kooperacja/platform/messaging';
import { asyncApiProblems, createAjv, REPO_ROOT } from '@kooperacja/platform/messaging/testing';
import { integrationEventDocs, staleDocs } from './kafka-docs.command';

const DOCS = join(REPO_ROOT, 'docs');

/** docs/asyncapi.yaml and docs/schemas are the published contract: valid, complete and current. */
jest.setTimeout(60_000);

describe('kafka docs', () => {
  const registry = new IntegrationEventRegistry(allIntegrationEventMappers());

  it('are what the contexts’ integration events generate (else: npm run cli -- kafka docs)', async () => {
    expect(await staleDocs(DOCS, await integrationEventDocs(false))).toEqual([]);
  }, 120_000);

  it('docs/asyncapi.yaml is a valid AsyncAPI 3 document, its schema files included', async () => {
    expect(await asyncApiProblems(join(DOCS, 'asyncapi.yaml'))).toEqual([]);
  }, 120_000);

  it('document every published type: a message on its topic and a JSON Schema its example satisfies', async () => {
    const doc = parse(await readFile(join(DOCS, 'asyncapi.yaml'), 'utf8')) as {
      components: { messages: Record<string, { name: string; examples: { payload: unknown }[] }> };
      channels: Record<string, { address: string; messages: Record<string, unknown> }>;
    };
    const documented = Object.values(doc.components.messages).map((m) => m.name);
    const types = registry.definitions().map((d) => d.type);
    expect(documented.sort()).toEqual(types);
    const ajv = createAjv();
    for (const message of Object.values(doc.components.messages)) {
      const schema = JSON.parse(await readFile(join(DOCS, 'schemas', `${message.name}.json`), 'utf8')) as object;
      const validate = ajv.compile(schema);
      for (const example of message.examples) expect(validate(example.payload) ? [] : validate.errors).toEqual([]);
      const [, , context, , version] = message.name.split('.');
      expect(doc.channels[`${context}.${version}`].address).toBe(`kooperacja.${context}.${version}`);
    }
  });
});
