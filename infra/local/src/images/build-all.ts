import { join } from 'node:path';
import { ensureBaseImages } from './base-images';
import { buildImage, type BuiltImage } from './build-images';
import { ensureContainerTools } from './container-tools';
import { openContainerStore } from './container-store';
import { imageApps, readImageMetadata } from './image-metadata';

export interface BuildAllResult {
  readonly images: readonly BuiltImage[];
  /** Making or finding the tools, the container store and the base images. */
  readonly setupMs: number;
  readonly totalMs: number;
}

/**
 * Builds the image of every app (or of `only`) on this machine: installs the container tools
 * if missing, makes the Debian base images once (cached), then builds each app's image from
 * infra/images/Containerfile, one after the other so the first fills the shared layers.
 */
export async function buildAllImages(
  home: string,
  log: (line: string) => void,
  only: readonly string[] = [],
): Promise<BuildAllResult> {
  const started = Date.now();
  await ensureContainerTools(log);
  const store = await openContainerStore(home, log);
  log(`container store: ${join(home, 'containers')} (${store.driver})`);
  await ensureBaseImages(store, join(home, 'cache', 'images'), log);
  const setupMs = Date.now() - started;
  const metadata = await readImageMetadata();
  const apps = imageApps();
  const unknown = only.filter((app) => !apps.includes(app));
  if (unknown.length > 0)
    throw new Error(`no such app: ${unknown.join(', ')} (apps: ${apps.join(', ')})`);
  const images: BuiltImage[] = [];
  for (const app of only.length > 0 ? only : apps) {
    log(`building ${app} (${metadata.version}, ${metadata.shortRevision ?? 'no git revision'})`);
    images.push(await buildImage(store, app, metadata, log));
  }
  return { images, setupMs, totalMs: Date.now() - started };
}
