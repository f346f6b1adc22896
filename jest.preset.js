// Shared Jest configuration of every Ferry project.
//   *.spec.ts      pure unit tests: no network, no services, fast.
//   *.int-spec.ts  integration tests against the real Kafka, schema registry and Postgres that
//                  `npm test` starts; they run only when FERRY_INTEGRATION=1.
// `@ferry/*` imports resolve through the npm workspace links to each package's `@ferry/source`
// export (its TypeScript sources), as they do for TypeScript: no list of packages here.
const path = require('node:path');

const root = __dirname;

module.exports = (projectDir) => ({
  displayName: path.relative(root, projectDir),
  rootDir: projectDir,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@ferry/source', 'node', 'node-addons'] },
  testMatch:
    process.env.FERRY_INTEGRATION === '1'
      ? ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.int-spec.ts']
      : ['<rootDir>/**/*.spec.ts'],
  // A project whose tests are all integration tests has none to run without FERRY_INTEGRATION.
  passWithNoTests: process.env.FERRY_INTEGRATION !== '1',
  // Integration hooks start and stop real processes; they get time to do it properly.
  testTimeout: 60_000,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/out-tsc/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
});
