import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCachedDir, isCached } from './cached-dir';

describe('ensureCachedDir', () => {
  const root = (): string => mkdtempSync(join(tmpdir(), 'ferry-cache-'));

  it('fills once and reuses the result', async () => {
    const target = join(root(), 'kafka-4.1.2');
    const fill = jest.fn((scratch: string): Promise<void> => {
      writeFileSync(join(scratch, 'a.jar'), 'jar');
      return Promise.resolve();
    });
    expect(await ensureCachedDir(target, fill)).toEqual({ directory: target, downloaded: true });
    expect(await ensureCachedDir(target, fill)).toEqual({ directory: target, downloaded: false });
    expect(fill).toHaveBeenCalledTimes(1);
    expect(existsSync(join(target, 'a.jar'))).toBe(true);
  });

  it('does not take a folder without the completion marker as complete', async () => {
    const target = join(root(), 'apicurio-registry-3.0.9');
    mkdirSync(target);
    writeFileSync(join(target, 'half.jar'), 'truncated');
    expect(isCached(target)).toBe(false);
    await ensureCachedDir(target, (scratch): Promise<void> => {
      writeFileSync(join(scratch, 'whole.jar'), 'jar');
      return Promise.resolve();
    });
    expect(existsSync(join(target, 'half.jar'))).toBe(false);
    expect(existsSync(join(target, 'whole.jar'))).toBe(true);
  });

  it('leaves no completed folder when filling fails', async () => {
    const target = join(root(), 'kafka-4.1.2');
    await expect(
      ensureCachedDir(target, () => Promise.reject(new Error('network down'))),
    ).rejects.toThrow('network down');
    expect(isCached(target)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});
