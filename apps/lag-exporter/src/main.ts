import './tracing';
import { listenOn, runService, runServiceMain } from '@ferry/service-host';
import { lagExporterOptions, readLagExporterConfig } from './config';
import { LagExporterModule } from './lag-exporter.module';

runServiceMain({
  name: 'lag-exporter',
  options: lagExporterOptions,
  // No schema of its own: it reads Kafka only.
  migrations: [],
  start: async () => {
    const config = readLagExporterConfig();
    await runService(LagExporterModule.forRoot(config), {
      name: 'lag-exporter',
      ...listenOn(config),
    });
  },
});
