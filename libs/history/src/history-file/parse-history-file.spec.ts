import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyDataDir, SEED_HISTORY_FILES } from '../demo/seed-history';
import { historySchema } from './history.schema';
import { HistoryFileError, parseHistoryFile } from './parse-history-file';

const fact = (overrides: string) => `
tenant: mr2
facts:
  - id: mr2-powiat-kartuski
    command: territory.invite-powiat
    occurredAt: '2018-04-01'
    source: seed 003
    data: { teryt: '2205', name: kartuski, voivodeship: pomorskie }
${overrides}`;

function problemsOf(text: string): readonly string[] {
  try {
    parseHistoryFile(text, 'test.yaml');
  } catch (error) {
    if (error instanceof HistoryFileError) return error.problems;
    throw error;
  }
  throw new Error('the file was accepted');
}

describe('history files', () => {
  it.each(SEED_HISTORY_FILES)('%s (shipped) follows the schema, with a source for every fact', (name) => {
    const history = parseHistoryFile(readFileSync(join(historyDataDir(), name), 'utf8'), name);
    expect(history.tenant).toBe(name.replace('.yaml', ''));
    expect(history.facts.length).toBeGreaterThan(0);
    for (const f of history.facts) {
      expect(f.id.startsWith(`${history.tenant}-`)).toBe(true);
      expect(f.source.trim()).not.toBe('');
    }
  });

  it('reads a file, keeping ISO dates as text and YAML merge keys', () => {
    const history = parseHistoryFile(
      fact(`  - id: mr2-powiat-sztumski
    command: territory.invite-powiat
    occurredAt: 2018-04-02
    source: seed 003
    data:
      <<: { name: sztumski, voivodeship: pomorskie }
      teryt: '2216'`),
    );
    expect(history.facts[1]).toMatchObject({
      occurredAt: '2018-04-02',
      data: { teryt: '2216', name: 'sztumski', voivodeship: 'pomorskie' },
    });
  });

  it('names the fact and the field for an unknown command, a missing source and a misspelt field', () => {
    const problems = problemsOf(`
facts:
  - id: mr1-a
    command: programme.establish-partnershp
    occurredAt: '2018-04-01'
    source: seed 004
    data: {}
  - id: mr1-b
    command: programme.amend-budget
    occurredAt: '2018-04-01'
    data: { budget: { total: { grosze: '100', currency: PLN } }, source: x }
  - id: mr1-c
    command: programme.amend-schedule
    occurredAt: '2018-04-01'
    source: seed 004
    data: { period: { start: '2018-04-01', end: '2019-01-01' }, sourse: x }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^facts\[0\] \(mr1-a\) command: must be equal to one of the allowed values/),
        "facts[1] (mr1-b) fact: must have required property 'source'",
        expect.stringMatching(/^facts\[2\] \(mr1-c\) data: must have required property 'source'/),
        'facts[2] (mr1-c) data: must NOT have additional properties (sourse)',
      ]),
    );
  });

  it('refuses a day that is not an ISO date and a TERYT code written as a number', () => {
    const problems = problemsOf(
      fact(`  - id: mr2-x
    command: territory.invite-powiat
    occurredAt: 1.04.2018
    source: seed 003
    data: { teryt: 2216, name: sztumski, voivodeship: pomorskie }`),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^facts\[1\] \(mr2-x\) occurredAt: must match pattern/),
        'facts[1] (mr2-x) data.teryt: must be string',
      ]),
    );
  });

  it('refuses a fact id used twice, which would make the second fact a repeat of the first', () => {
    expect(
      problemsOf(
        fact(`  - id: mr2-powiat-kartuski
    command: territory.invite-powiat
    occurredAt: '2018-04-02'
    source: seed 003
    data: { teryt: '2216', name: sztumski, voivodeship: pomorskie }`),
      ),
    ).toEqual(['facts[1]: id mr2-powiat-kartuski is already used by facts[0]']);
  });

  it('refuses metadata that would overwrite what the importer stamps', () => {
    const problems = problemsOf(fact('    metadata: { synthetic: true, commandId: x }'));
    expect(problems.join('\n')).toMatch(/facts\[0\] \(mr2-powiat-kartuski\) metadata/);
  });

  it('reports a YAML syntax error as a problem of the file', () => {
    expect(problemsOf('facts: [ { id: x')[0]).toMatch(/flow|end|Missing/i);
  });

  it('ships docs/data/history/history.schema.json equal to the schema the importer validates with', () => {
    const shipped = JSON.parse(readFileSync(join(historyDataDir(), 'history.schema.json'), 'utf8'));
    expect(shipped).toEqual(historySchema());
  });
});
