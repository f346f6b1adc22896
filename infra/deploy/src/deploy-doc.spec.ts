import { commandReferences, exampleOverlay, shellCommands } from './deploy-doc';

const page = [
  '# Deploying',
  '',
  '```sh',
  'npm run k8s -- --check                        # (CI) regenerate and compare',
  '# a comment line',
  'kubectl kustomize infra/k8s/overlays/prod',
  '```',
  '',
  '1. Secrets:',
  '',
  '   ```sh',
  '   kubectl -n ferry create secret generic order-api-credentials --from-literal=DATABASE_URL=postgres://x',
  '   kubectl -n ferry wait --for=condition=complete --timeout=15m job -l app.kubernetes.io/component=migrate',
  '   ```',
  '',
  '```yaml',
  '# not-this: one',
  '```',
  '',
  '```yaml',
  '# my-cluster/kustomization.yaml',
  'resources:',
  '  - ../infra/k8s/overlays/prod',
  '```',
].join('\n');

describe('docs/deploy.md as commands', () => {
  it('reads the sh blocks, indented ones too, without comments', () => {
    expect(shellCommands(page)).toEqual([
      'npm run k8s -- --check',
      'kubectl kustomize infra/k8s/overlays/prod',
      'kubectl -n ferry create secret generic order-api-credentials --from-literal=DATABASE_URL=postgres://x',
      'kubectl -n ferry wait --for=condition=complete --timeout=15m job -l app.kubernetes.io/component=migrate',
    ]);
  });

  it('names what each command refers to', () => {
    expect(
      commandReferences([
        ...shellCommands(page),
        'kubectl apply -k infra/k8s/overlays/prod/migrate',
        'kubectl delete -k infra/k8s/overlays/dev',
      ]),
    ).toEqual({
      scripts: ['k8s'],
      kustomizations: [
        'infra/k8s/overlays/prod',
        'infra/k8s/overlays/prod/migrate',
        'infra/k8s/overlays/dev',
      ],
      secrets: ['order-api-credentials'],
      jobSelectors: ['app.kubernetes.io/component=migrate'],
    });
  });

  it('finds the example overlay by its first line', () => {
    expect(exampleOverlay(page)).toEqual({
      dir: 'my-cluster',
      text: '# my-cluster/kustomization.yaml\nresources:\n  - ../infra/k8s/overlays/prod\n',
    });
    expect(() => exampleOverlay('no blocks')).toThrow(/no example overlay/);
  });
});
