import { Global, Module, type DynamicModule } from '@nestjs/common';
import { jsonLogger } from '@ferry/observability';
import { LOGGER } from './logging/logger';
import { ServiceHealth } from './service-health';
import { TracingShutdown } from './tracing-shutdown';

/**
 * What every Ferry service has: its health (answered on `/health/*` and `/metrics` by
 * runService, see ops-endpoints), its one logger (`LOGGER`, JSON lines named after the service),
 * and the flush of its spans at shutdown.
 */
@Global()
@Module({})
export class ServiceHostModule {
  static forRoot(service: { readonly name: string }): DynamicModule {
    return {
      module: ServiceHostModule,
      providers: [
        ServiceHealth,
        TracingShutdown,
        { provide: LOGGER, useValue: jsonLogger(service.name) },
      ],
      exports: [ServiceHealth, LOGGER],
    };
  }
}
