import { rmSync } from 'node:fs';
import { dropRegistryState } from '../registry/registry-service';
import type { InfraContext } from './context';
import { bringDown } from './down';

/**
 * Down, then drop the registry's database and delete the data folder; the download cache and the
 * logs stay. The registry's database goes first: should it fail, the Kafka data whose records
 * name its schema ids is still there.
 */
export async function resetInfra(context: InfraContext): Promise<void> {
  await bringDown(context);
  await dropRegistryState(context);
  rmSync(context.layout.data, { recursive: true, force: true });
  context.log(`deleted ${context.layout.data} (kept the download cache ${context.layout.cache})`);
}
