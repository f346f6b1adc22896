import { Overlays } from './overlays';
import { maxConsumerReplicas, consumptionsOf, BaseScaling } from './workload-objects';
import { baseObjects, optionsByService } from './layout';
import { Workloads } from './workloads';

const consumers = Workloads.filter((workload) => workload.traffic === 'consumer');

describe('consumer autoscaling', () => {
  it('never scales a consumer past the partitions of any topic it reads (base and overlays)', () => {
    for (const workload of consumers) {
      const partitions = Math.min(...consumptionsOf(workload).map((c) => c.partitions));
      expect(maxConsumerReplicas(workload)).toBeLessThanOrEqual(partitions);
      for (const settings of Object.values(Overlays))
        expect(settings.consumer.maxReplicas ?? maxConsumerReplicas(workload)).toBeLessThanOrEqual(
          partitions,
        );
    }
  });

  it('generates ScaledObjects within those bounds, never scaled to zero', () => {
    const objects = [...baseObjects(optionsByService()).values()].flat();
    for (const workload of consumers) {
      const scaled = objects.find(
        (object) => object.kind === 'ScaledObject' && object.metadata.name === workload.name,
      );
      const spec = scaled?.['spec'] as {
        minReplicaCount: number;
        maxReplicaCount: number;
        triggers: unknown[];
      };
      expect(spec.maxReplicaCount).toBeLessThanOrEqual(maxConsumerReplicas(workload));
      expect(spec.minReplicaCount).toBeGreaterThanOrEqual(1);
      expect(spec.triggers).toHaveLength(consumptionsOf(workload).length);
    }
    for (const settings of Object.values(Overlays))
      expect(settings.consumer.minReplicas).toBeGreaterThanOrEqual(
        BaseScaling.consumer.minReplicas,
      );
  });
});
