import { Global, Module } from '@nestjs/common';
import { ServiceHealth } from './service-health';

/**
 * The health every Ferry service reports; `runService` answers it with the metrics on
 * `/health/*` and `/metrics` (see ops-endpoints).
 */
@Global()
@Module({ providers: [ServiceHealth], exports: [ServiceHealth] })
export class ServiceHostModule {}
