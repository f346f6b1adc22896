import { infraStatus } from '@ferry/local-infra';
import { isLocalProcess } from './cpu-account';

/** The brokers Ferry started on this machine; none when KAFKA_BROKERS points elsewhere. */
export async function localBrokerPids(): Promise<number[]> {
  const pids = (await infraStatus())
    .filter((service) => service.name.startsWith('kafka-') && service.running)
    .map((service) => service.pid)
    .filter((pid): pid is number => pid !== undefined);
  const local = await Promise.all(pids.map(async (pid) => isLocalProcess(pid, 'java')));
  return pids.filter((_, index) => local[index]);
}
