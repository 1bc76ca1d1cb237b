import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { HistoryFile } from '../history-file/history-fact';
import { parseHistoryFile } from '../history-file/parse-history-file';

/** The real history of the three macroregions, in the order they are imported. */
export const SEED_HISTORY_FILES = ['mr1.yaml', 'mr2.yaml', 'mr3.yaml'] as const;

const RELATIVE_DIR = join('docs', 'data', 'history');

/**
 * Where docs/data/history is: KOOPERACJA_HISTORY_DIR, else the first folder up from this file
 * (sources or dist/) or from the working directory that has it.
 */
export function historyDataDir(): string {
  const fromEnv = process.env.KOOPERACJA_HISTORY_DIR;
  if (fromEnv) return fromEnv;
  for (const start of [__dirname, process.cwd()]) {
    for (let dir = start; ; dir = dirname(dir)) {
      const candidate = join(dir, RELATIVE_DIR);
      if (existsSync(join(candidate, SEED_HISTORY_FILES[0]))) return candidate;
      if (dirname(dir) === dir) break;
    }
  }
  throw new Error(`cannot find ${RELATIVE_DIR}; set KOOPERACJA_HISTORY_DIR`);
}

export interface LoadedHistoryFile {
  /** The file's name, which names its import batch (correlation id). */
  readonly name: string;
  readonly history: HistoryFile;
}

export async function readHistoryFile(path: string): Promise<LoadedHistoryFile> {
  return { name: basename(path), history: parseHistoryFile(await readFile(path, 'utf8'), path) };
}

/** mr1.yaml, mr2.yaml and mr3.yaml, parsed and checked against the schema. */
export async function readSeedHistory(dir = historyDataDir()): Promise<LoadedHistoryFile[]> {
  return Promise.all(SEED_HISTORY_FILES.map((name) => readHistoryFile(join(dir, name))));
}
