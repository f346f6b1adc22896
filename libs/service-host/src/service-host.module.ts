import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ServiceHealth } from './service-health';

/** Health, readiness and metrics endpoints every Ferry service exposes. */
@Global()
@Module({ controllers: [HealthController], providers: [ServiceHealth], exports: [ServiceHealth] })
export class ServiceHostModule {}
