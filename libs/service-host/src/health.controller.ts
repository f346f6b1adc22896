import { Controller, Get, Header, Res } from '@nestjs/common';
import { renderMetrics } from '@ferry/observability';
import type { Response } from 'express';
import { ServiceHealth, type HealthReport } from './service-health';

@Controller()
export class HealthController {
  constructor(private readonly health: ServiceHealth) {}

  /** Restart the process when this fails: it answers, but a component is wedged. */
  @Get('health/live')
  live(@Res({ passthrough: true }) response: Response): HealthReport {
    const report = this.health.report();
    response.status(report.live ? 200 : 503);
    return report;
  }

  /** Every component started and connected: send traffic. 503 otherwise. */
  @Get('health/ready')
  ready(@Res({ passthrough: true }) response: Response): HealthReport {
    const report = this.health.report();
    response.status(report.ready ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metrics(@Res() response: Response): Promise<void> {
    const { contentType, body } = await renderMetrics();
    response.type(contentType).send(body);
  }
}
