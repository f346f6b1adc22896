import { rmSync } from 'node:fs';
import type { InfraContext } from './context';
import { bringDown } from './down';

/** Down, then delete the data folder; the download cache and the logs stay. */
export async function resetInfra(context: InfraContext): Promise<void> {
  await bringDown(context);
  rmSync(context.layout.data, { recursive: true, force: true });
  context.log(`deleted ${context.layout.data} (kept the download cache ${context.layout.cache})`);
}
