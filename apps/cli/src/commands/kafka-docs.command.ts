import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { parse } from 'yaml';
import { allIntegrationEventMappers } from '@kooperacja/composition';
import { IntegrationEventRegistry, readKafkaConfig, renderAsyncApi } from '@kooperacja/platform/messaging';
import { kafkaCommand } from './kafka-command';

/** Version of the published contract (docs/asyncapi.yaml `info.version`): bump the minor on additions. */
export const CONTRACT_VERSION = '1.1.0';

/**
 * docs/asyncapi.yaml and docs/schemas/*.json as generated from every context's mappers, keyed by
 * path relative to the docs folder; formatted like the repository (prettier) when `format`.
 */
export async function integrationEventDocs(format = true): Promise<Map<string, string>> {
  const defaults = readKafkaConfig({ KAFKA_BROKERS: 'localhost:9092' })!;
  const registry = new IntegrationEventRegistry(allIntegrationEventMappers());
  const docs = renderAsyncApi(registry.definitions(), {
    topicPrefix: defaults.topicPrefix,
    partitions: defaults.partitions,
    retentionMs: defaults.retentionMs,
    version: CONTRACT_VERSION,
    schemaDir: './schemas',
  });
  const files = new Map<string, string>(Object.entries(docs.schemas).map(([name, text]) => [`schemas/${name}`, text]));
  files.set('asyncapi.yaml', docs.asyncapi);
  if (!format) return files;
  // prettier is a development tool: this command is run in a checkout, not in the image.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(resolve('docs/asyncapi.yaml'))) ?? {};
  for (const [path, text] of files) {
    files.set(path, await prettier.format(text, { ...options, parser: path.endsWith('.yaml') ? 'yaml' : 'json' }));
  }
  return files;
}

/**
 * Files under `docsDir` whose content (parsed: formatting aside, which `npm run lint` checks)
 * differs from the generated ones, and schema files no type publishes any more.
 */
export async function staleDocs(docsDir: string, files: Map<string, string>): Promise<string[]> {
  const stale: string[] = [];
  const read = (path: string, text: string): unknown => (path.endsWith('.yaml') ? parse(text) : JSON.parse(text));
  for (const [path, text] of files) {
    const current = await readFile(join(docsDir, path), 'utf8').catch(() => null);
    if (current === null || !isDeepStrictEqual(read(path, current), read(path, text))) stale.push(path);
  }
  for (const name of await readdir(join(docsDir, 'schemas')).catch(() => [] as string[])) {
    if (name.endsWith('.json') && !files.has(`schemas/${name}`)) stale.push(`schemas/${name}`);
  }
  return stale.sort();
}

export function registerKafkaDocsCommand(program: Command): void {
  kafkaCommand(program)
    .command('docs')
    .description('generate docs/asyncapi.yaml and docs/schemas/*.json from the contexts’ integration events')
    .option('--check', 'write nothing; exit 1 when the documents are not up to date')
    .option('--dir <path>', 'docs folder', 'docs')
    .action(async (flags: { check?: boolean; dir: string }) => {
      const files = await integrationEventDocs();
      const stale = await staleDocs(flags.dir, files);
      if (flags.check) {
        if (stale.length) {
          console.error(`out of date: ${stale.join(', ')}\nrun: npm run cli -- kafka docs`);
          process.exitCode = 1;
        } else console.log(`${files.size} documents up to date`);
        return;
      }
      await mkdir(join(flags.dir, 'schemas'), { recursive: true });
      for (const path of stale) {
        const text = files.get(path);
        if (text === undefined) await rm(join(flags.dir, path));
        else await writeFile(join(flags.dir, path), text);
      }
      console.log(stale.length ? `updated: ${stale.join(', ')}` : 'documents were up to date');
    });
}
