import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';
import type { HistoryFile } from './history-fact';
import { historySchema } from './history.schema';

/** A history file that cannot be imported as written; `problems` name the fact and the field. */
export class HistoryFileError extends Error {
  override readonly name = 'HistoryFileError';
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

let validator: ValidateFunction | undefined;

function validate(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(historySchema());
  return validator;
}

/**
 * Reads a history file (YAML; JSON is YAML too), checks it against the documented schema and
 * that no fact id appears twice. Business rules are not checked here: the handlers do that.
 */
export function parseHistoryFile(text: string, file = 'history file'): HistoryFile {
  let document: unknown;
  try {
    // The core schema keeps 2018-04-01 a string (YAML 1.1 would make it a timestamp).
    document = parseYaml(text, { schema: 'core', merge: true, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    throw new HistoryFileError(file, [error instanceof Error ? error.message : String(error)]);
  }
  const check = validate();
  if (!check(document)) throw new HistoryFileError(file, describe(check.errors ?? [], document));
  const history = document as HistoryFile;
  const seen = new Map<string, number>();
  const duplicates: string[] = [];
  history.facts.forEach((fact, i) => {
    const first = seen.get(fact.id);
    if (first !== undefined) duplicates.push(`facts[${i}]: id ${fact.id} is already used by facts[${first}]`);
    else seen.set(fact.id, i);
  });
  if (duplicates.length) throw new HistoryFileError(file, duplicates);
  return history;
}

/** Ajv's errors as `facts[3] (mr2-budget-2021) data: must have required property 'source'`. */
function describe(errors: readonly ErrorObject[], document: unknown): string[] {
  const facts = (document as { facts?: { id?: unknown }[] } | null)?.facts;
  const lines = errors
    // "must match 'then' schema" only repeats the error found inside the then-branch.
    .filter((e) => e.keyword !== 'if')
    .map((e) => {
      const match = /^\/facts\/(\d+)(\/.*)?$/.exec(e.instancePath);
      const detail = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
      if (!match) return `${e.instancePath || '(file)'}: ${e.message}${detail}`;
      const index = Number(match[1]);
      const id = Array.isArray(facts) && typeof facts[index]?.id === 'string' ? ` (${facts[index].id})` : '';
      const path = (match[2] ?? '').slice(1).replace(/\//g, '.');
      return `facts[${index}]${id} ${path || 'fact'}: ${e.message}${detail}`;
    });
  return [...new Set(lines)];
}
