import type { Compatibility } from '../catalog/topics';

/**
 * Which way data must be readable between two versions of an event:
 * - `backward`: the newer schema reads data written with the older one (consumers upgrade first);
 * - `forward`: the older schema reads data written with the newer one (producers upgrade first).
 */
export type ReadDirection = 'backward' | 'forward';

/**
 * Every level of the catalog is transitive: a new version is compared with every earlier one,
 * not only the latest, because compacted topics keep events of every version readable forever.
 */
export const DirectionsOf: Readonly<Record<Compatibility, readonly ReadDirection[]>> = {
  FULL_TRANSITIVE: ['backward', 'forward'],
  BACKWARD_TRANSITIVE: ['backward'],
  FORWARD_TRANSITIVE: ['forward'],
};
