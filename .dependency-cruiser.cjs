/** Architecture rules; `npm run lint` fails on any violation. See docs/architecture.md. */
const CONTEXTS = '(programme|territory|groups|decisions|pilot|comparison)';

module.exports = {
  forbidden: [
    {
      name: 'pure-deciders-and-events',
      comment: 'Deciders and event files are pure: no framework, ORM, broker or driver.',
      severity: 'error',
      from: { path: '\\.(decider|events)\\.ts$' },
      to: { path: '(^|/)node_modules/(@nestjs/|typeorm|kafkajs|pg/|pg$|@eventstore/)' },
    },
    {
      name: 'no-reaching-into-another-context',
      comment: 'A bounded context may use another only through its index or contracts/.',
      severity: 'error',
      from: { path: `^libs/${CONTEXTS}/src/` },
      to: {
        path: `^libs/${CONTEXTS}/src/`,
        pathNot: ['^libs/$1/src/', `^libs/${CONTEXTS}/src/(index\\.ts|contracts/)`],
      },
    },
    {
      name: 'platform-knows-no-context',
      comment: 'The platform is below every bounded context.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: [`^libs/${CONTEXTS}/`, '^libs/composition/', '^apps/'] },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-are-separate',
      comment: 'Apps share code through libs, never through each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/', pathNot: '^apps/api/src/standalone\\.ts$' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'standalone-runs-only-the-projector-entry',
      comment: '`npm start` runs the projector next to the API through its one exported entry.',
      severity: 'error',
      from: { path: '^apps/api/src/standalone\\.ts$' },
      to: { path: '^apps/', pathNot: ['^apps/api/', '^apps/projector/src/projector\\.ts$'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
