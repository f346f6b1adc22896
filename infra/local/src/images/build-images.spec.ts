import { imageTable, tagsOf } from './build-images';
import type { ImageMetadata } from './image-metadata';

const metadata: ImageMetadata = {
  version: '0.1.0',
  revision: '4b22ccab7edf2c9941edc88567e68737f2942750',
  shortRevision: '4b22cca',
  created: '2026-01-01T00:00:00Z',
  source: '',
};

describe('tagsOf', () => {
  it('tags an image with the version and the short revision', () => {
    expect(tagsOf('wms-adapter', metadata)).toEqual([
      'localhost/ferry/wms-adapter:0.1.0',
      'localhost/ferry/wms-adapter:4b22cca',
    ]);
  });

  it('tags with the version alone outside a git checkout', () => {
    expect(tagsOf('ops-cli', { ...metadata, shortRevision: undefined })).toEqual([
      'localhost/ferry/ops-cli:0.1.0',
    ]);
  });
});

describe('imageTable', () => {
  it('prints size in MB, build time in seconds and cache use, one aligned row per image', () => {
    const lines = imageTable([
      {
        app: 'a',
        tags: ['x:1'],
        sizeBytes: 196_600_000,
        buildMs: 2400,
        steps: 27,
        cachedSteps: 10,
      },
      {
        app: 'b',
        tags: ['longer:1'],
        sizeBytes: 1_000_000,
        buildMs: 62_700,
        steps: 27,
        cachedSteps: 1,
      },
    ]);
    expect(lines).toEqual([
      'image     size (MB)  build (s)  cached steps',
      'x:1           196.6        2.4         10/27',
      'longer:1        1.0       62.7          1/27',
    ]);
  });
});
