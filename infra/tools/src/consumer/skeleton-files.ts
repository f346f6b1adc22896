import { pascalCase } from '../naming';
import type { ConsumerPlan } from './consumer-plan';

/** The files every Ferry app has, as the workspace's own apps have them. */
export function skeletonFiles(plan: ConsumerPlan): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    'package.json': json({
      name: `@ferry/${plan.app}`,
      version: '0.1.0',
      private: true,
      main: './dist/main.js',
      nx: { tags: [`scope:${plan.scope}`, 'type:app'] },
    }),
    'tsconfig.json': json({
      extends: '../../tsconfig.base.json',
      files: [],
      include: [],
      references: [{ path: './tsconfig.build.json' }, { path: './tsconfig.spec.json' }],
    }),
    // `nx sync` writes the references from the project graph.
    'tsconfig.build.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        rootDir: 'src',
        outDir: 'dist',
        tsBuildInfoFile: 'dist/tsconfig.build.tsbuildinfo',
      },
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
      references: [],
    }),
    'tsconfig.spec.json': json({
      extends: '../../tsconfig.base.json',
      compilerOptions: {
        outDir: 'out-tsc/spec',
        emitDeclarationOnly: true,
        types: ['node', 'jest'],
      },
      include: ['src/**/*.spec.ts', 'src/**/*.int-spec.ts'],
      references: [{ path: './tsconfig.build.json' }],
    }),
    'jest.config.js': "module.exports = require('../../jest.preset.js')(__dirname);\n",
    'src/tracing.ts': `// The first import of main.ts: the SDK's instrumentations must be registered before anything
// loads \`http\`, \`pg\` or express (see @ferry/observability/tracing-sdk).
import { startTracing } from '@ferry/observability/tracing-sdk';

startTracing({ serviceName: '${plan.app}' });
`,
  };
}

/** The name its options object is exported as (the manifests' generator looks for one). */
export function optionsName(plan: ConsumerPlan): string {
  const camel = pascalCase(plan.app);
  return `${camel.charAt(0).toLowerCase()}${camel.slice(1)}Options`;
}

/** The consumer's options: Ferry's common block for a one-consumer service, on its topic. */
export function configFile(plan: ConsumerPlan, extra = '', imports = ''): string {
  return `import { Topics } from '@ferry/contracts';
import { consumerServiceOptions } from '@ferry/service-host';
${imports}
/** Everything ${plan.app} reads from its environment. */
export const ${optionsName(plan)} = {
  ...consumerServiceOptions({
    port: ${plan.port},
    topic: Topics.${plan.topic.key},
    topicVariable: '${plan.topicVariable}',
    group: '${plan.group}',
  }),${extra}
};
`;
}
