import { Global, Module } from '@nestjs/common';
import { ServiceHealth } from './service-health';
import { TracingShutdown } from './tracing-shutdown';

/**
 * The health every Ferry service reports; `runService` answers it with the metrics on
 * `/health/*` and `/metrics` (see ops-endpoints), and the flush of its spans at shutdown.
 */
@Global()
@Module({ providers: [ServiceHealth, TracingShutdown], exports: [ServiceHealth] })
export class ServiceHostModule {}
