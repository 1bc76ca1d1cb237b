/* eslint-disable @typescript-eslint/no-require-imports */
const { readFileSync } = require('node:fs');

const swcrc = JSON.parse(readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const aliases = {
  '^@kooperacja/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@kooperacja/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper: aliases,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/bench', '<rootDir>/deploy'],
  modulePathIgnorePatterns: ['<rootDir>/dist'],
};

/** Three kinds of test, by suffix: see docs/testing.md. */
module.exports = {
  // Per-project testTimeout is ignored by jest: the global one applies to every project.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['**/*.int-spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['**/*.e2e-spec.ts'] },
  ],
};
