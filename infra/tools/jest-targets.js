// @ts-check
/**
 * Nx plugin (registered in nx.json): every project with a jest.config.js gets two targets.
 *
 *   test              its unit tests (*.spec.ts): no services, whatever FERRY_INTEGRATION says
 *   integration-test  its integration tests (*.int-spec.ts) with FERRY_INTEGRATION=1, against the
 *                     Kafka, schema registry and Postgres that KAFKA_BROKERS, SCHEMA_REGISTRY_URL
 *                     and DATABASE_URL name (see jest.preset.js)
 *
 * What they depend on and which environment is part of their cache key is in nx.json's
 * targetDefaults, beside the other targets' caching rules. `npm test` does not go through these
 * targets: it runs every project in one Jest process (see infra/local/src/commands/run-tests.ts).
 */
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { createNodesFromFiles } = require('@nx/devkit');

/** Jest in the project's folder with its own config, as `npx jest --config jest.config.js`. */
const jest = 'jest --config jest.config.js';

/**
 * @param {string} projectRoot
 * @returns {Record<string, import('@nx/devkit').TargetConfiguration>}
 */
function jestTargets(projectRoot) {
  return {
    test: {
      command: jest,
      options: { cwd: projectRoot, env: { FERRY_INTEGRATION: '0' } },
      metadata: {
        technologies: ['jest'],
        description: 'Runs the unit tests (*.spec.ts).',
      },
    },
    'integration-test': {
      // Only the *.int-spec.ts files; a project without any has nothing to run, and passes.
      command: `${jest} --testPathPatterns "\\.int-spec\\.ts$" --passWithNoTests`,
      options: { cwd: projectRoot, env: { FERRY_INTEGRATION: '1' } },
      metadata: {
        technologies: ['jest'],
        description:
          'Runs the integration tests (*.int-spec.ts) against KAFKA_BROKERS, SCHEMA_REGISTRY_URL and DATABASE_URL.',
      },
    },
  };
}

/** @type {import('@nx/devkit').CreateNodesV2} */
exports.createNodesV2 = [
  '**/jest.config.js',
  (configFiles, options, context) =>
    createNodesFromFiles(
      (configFile) => {
        const projectRoot = dirname(configFile);
        // The root jest.config.js runs every project at once; it is no project of its own.
        if (projectRoot === '.') return {};
        const isProject =
          existsSync(join(context.workspaceRoot, projectRoot, 'package.json')) ||
          existsSync(join(context.workspaceRoot, projectRoot, 'project.json'));
        if (!isProject) return {};
        return { projects: { [projectRoot]: { targets: jestTargets(projectRoot) } } };
      },
      configFiles,
      options,
      context,
    ),
];
