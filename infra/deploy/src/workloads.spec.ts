import { readdirSync } from 'node:fs';
import { ServiceAccess } from '@ferry/contracts';
import { appsDir } from './paths';
import { NotDeployed, Workloads } from './workloads';

describe('the workload table', () => {
  it('deploys every app of apps/ or says why not', () => {
    const apps = readdirSync(appsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    const covered = new Set([...Workloads.map((w) => w.service), ...Object.keys(NotDeployed)]);
    expect(apps.filter((app) => !covered.has(app))).toEqual([]);
    expect([...covered].filter((app) => !apps.includes(app))).toEqual([]);
  });

  it('deploys every service that has Kafka access', () => {
    const deployed = new Set<string>(Workloads.map((w) => w.service));
    expect(ServiceAccess.map((a) => a.service).filter((s) => !deployed.has(s))).toEqual([]);
  });

  it('runs a consumer workload exactly for the services that consume', () => {
    for (const access of ServiceAccess) {
      const consumers = Workloads.filter(
        (w) => w.service === access.service && w.traffic === 'consumer',
      );
      expect([access.service, consumers.length]).toEqual([
        access.service,
        access.consumes.length > 0 ? 1 : 0,
      ]);
    }
  });

  it('splits a service that both takes HTTP traffic and writes into an external system', () => {
    const takesTraffic = (service: string) =>
      Workloads.some((w) => w.service === service && w.traffic === 'http');
    for (const workload of Workloads.filter(
      (w) => 'calls' in w && w.traffic === 'consumer' && takesTraffic(w.service),
    )) {
      const intake = Workloads.find((w) => w.service === workload.service && w.traffic === 'http');
      expect([workload.name, 'role' in workload && workload.role]).toEqual([workload.name, 'sink']);
      expect(intake && 'role' in intake ? intake.role : undefined).toBe('intake');
    }
  });

  it('names each workload once', () => {
    const names = Workloads.map((w) => w.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
