// Mutation testing (`pnpm test:mutation`): StrykerJS with its Vitest runner changes the core and the drop-in's
// rule files one small edit at a time and checks that some test notices. Not part of `pnpm test` (it takes
// long on 2 cores); CONTRIBUTING.md shows the latest score. `pnpm test:mutation --mutate packages/core/src/rules.ts` runs one file (no `--`: pnpm would pass it on);
// `pnpm test:mutation --since <rev>` the files changed since a commit (scripts/mutation.mjs).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/core/src/**/*.ts',
    // Types and re-exports hold nothing to mutate.
    '!packages/core/src/types.ts',
    '!packages/core/src/index.ts',
    'packages/dropin/src/attributes.ts',
    'packages/dropin/src/clicks.ts',
    'packages/dropin/src/framework.ts',
    'packages/dropin/src/gate.ts',
    'packages/dropin/src/notes.ts',
    'packages/dropin/src/rank.ts',
    'packages/dropin/src/ranking.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
}
