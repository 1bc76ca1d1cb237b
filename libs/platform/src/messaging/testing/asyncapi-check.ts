import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import type { AsyncApiDocuments } from '../asyncapi';

/** Error and warning diagnostics of @asyncapi/parser for a document on disk (schemas resolved from its folder). */
export async function asyncApiProblems(path: string): Promise<string[]> {
  const { diagnostics } = await fromFile(new Parser(), path).parse();
  // Severity 0: error, 1: warning; 2 and 3 are hints (e.g. "a newer AsyncAPI version exists").
  return diagnostics
    .filter((d) => d.severity <= 1)
    .map((d) => `${d.severity === 0 ? 'error' : 'warning'} ${d.code} at ${d.path.join('.')}: ${d.message}`);
}

/** Writes generated documents to a temporary folder (as docs/ holds them) and checks them. */
export async function generatedAsyncApiProblems(docs: AsyncApiDocuments, schemaDir = 'schemas'): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'asyncapi-'));
  try {
    await mkdir(join(dir, schemaDir), { recursive: true });
    for (const [file, text] of Object.entries(docs.schemas)) await writeFile(join(dir, schemaDir, file), text);
    await writeFile(join(dir, 'asyncapi.yaml'), docs.asyncapi);
    return await asyncApiProblems(join(dir, 'asyncapi.yaml'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
