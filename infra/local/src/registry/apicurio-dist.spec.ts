import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRunnableJar } from './apicurio-dist';

function folderWith(...files: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'ferry-apicurio-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), '');
  }
  return folder;
}

describe('findRunnableJar', () => {
  it('finds the 3.0.x runner jar', () => {
    const folder = folderWith('apicurio-registry-app-3.0.9-runner.jar', 'lib/a.jar');
    expect(findRunnableJar(folder)).toBe(join(folder, 'apicurio-registry-app-3.0.9-runner.jar'));
  });

  it('finds a fast-jar at the top or under quarkus-app', () => {
    const top = folderWith('quarkus-run.jar', 'lib/main/a.jar');
    expect(findRunnableJar(top)).toBe(join(top, 'quarkus-run.jar'));
    const nested = folderWith('quarkus-app/quarkus-run.jar');
    expect(findRunnableJar(nested)).toBe(join(nested, 'quarkus-app', 'quarkus-run.jar'));
  });

  it('answers undefined when there is nothing to run', () => {
    expect(findRunnableJar(folderWith('lib/a.jar'))).toBeUndefined();
  });
});
