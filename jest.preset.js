// Shared Jest configuration of every Ferry project.
//   *.spec.ts      pure unit tests: no network, no services, fast.
//   *.int-spec.ts  integration tests against the real Kafka, schema registry and Postgres that
//                  `npm test` starts; they run only when FERRY_INTEGRATION=1.
// `@ferry/*` imports resolve through the npm workspace links to each package's `@ferry/source`
// export (its TypeScript sources), as they do for TypeScript: no list of packages here.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = __dirname;

/**
 * Folders below a project that are projects of their own (they have their own jest.config.js,
 * like test/simulators inside test): their tests run there, not twice.
 */
function nestedProjects(projectDir) {
  const nested = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      if (['node_modules', 'dist', 'out-tsc'].includes(entry.name)) continue;
      const child = path.join(dir, entry.name);
      if (existsSync(path.join(child, 'jest.config.js'))) nested.push(child);
      else visit(child);
    }
  };
  visit(projectDir);
  return nested;
}

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
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '/out-tsc/',
    ...nestedProjects(projectDir).map((dir) => `<rootDir>/${path.relative(projectDir, dir)}/`),
  ],
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
