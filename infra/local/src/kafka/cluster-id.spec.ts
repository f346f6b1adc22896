import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureClusterId, newClusterId } from './cluster-id';

describe('newClusterId', () => {
  it('makes a 22-character URL-safe base64 id', () => {
    expect(newClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('redraws an id that would start with a dash', () => {
    const draws = [Buffer.alloc(16, 0xfb), Buffer.alloc(16, 0x01)];
    const id = newClusterId(() => draws.shift() ?? Buffer.alloc(16, 0x02));
    expect(id.startsWith('-')).toBe(false);
    expect(draws).toHaveLength(0);
  });
});

describe('ensureClusterId', () => {
  it('keeps the first id it stored', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ferry-cluster-')), 'brokers-1', 'cluster.id');
    const first = ensureClusterId(file);
    expect(ensureClusterId(file)).toBe(first);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
  });
});
