import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Controller,
  Get,
  Module,
  NotFoundException,
  Param,
  type INestApplication,
} from '@nestjs/common';
import { renderMetrics } from '@ferry/observability';
import { methodLabel, routeLabel, statusClass } from './http-metrics';
import { runService } from './run-service';
import { ServiceHealth } from './service-health';
import { ServiceHostModule } from './service-host.module';

describe('HTTP metric labels', () => {
  it('labels a request by the template of the route that answered it', () => {
    expect(routeLabel('/v1/items/:id', undefined)).toBe('/v1/items/:id');
  });

  it('labels a request answered before routing by the known path it asked for', () => {
    expect(routeLabel(undefined, '/v1/inventory-levels')).toBe('/v1/inventory-levels');
  });

  it('labels any other path other, whatever it is', () => {
    expect(routeLabel(undefined, undefined)).toBe('other');
  });

  it.each([
    [200, '2xx'],
    [202, '2xx'],
    [301, '3xx'],
    [404, '4xx'],
    [429, '4xx'],
    [503, '5xx'],
    [101, '1xx'],
    [0, 'other'],
    [600, 'other'],
  ])('puts status %i in class %s', (status, label) => {
    expect(statusClass(status)).toBe(label);
  });

  it('keeps the usual methods and labels anything else other', () => {
    expect(methodLabel('post')).toBe('POST');
    expect(methodLabel('GET')).toBe('GET');
    expect(methodLabel('PROPFIND')).toBe('other');
    expect(methodLabel(undefined)).toBe('other');
  });
});

@Controller('v1/items')
class ItemsController {
  @Get(':id')
  item(@Param('id') id: string): { id: string } {
    if (id === 'missing') throw new NotFoundException();
    return { id };
  }
}

@Module({
  imports: [ServiceHostModule.forRoot({ name: 'metrics-test' })],
  controllers: [ItemsController],
})
class ItemsModule {}

/** The samples of `name` in the registry's text, as `labels value` lines. */
function samples(text: string, name: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => line.slice(name.length));
}

describe('a service run by runService', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await runService(ItemsModule, { name: 'metrics-test', port: 0, host: '127.0.0.1' });
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    url = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('counts business requests by route template and status class, never the ops endpoints', async () => {
    for (const path of ['/v1/items/1', '/v1/items/2', '/v1/items/missing', '/no/such/path/42'])
      await (await fetch(`${url}${path}`)).text();
    await (await fetch(`${url}/health/ready`)).text();
    await (await fetch(`${url}/metrics`)).text();

    const { body } = await renderMetrics();
    expect(samples(body, 'ferry_http_requests_total').sort()).toEqual([
      '{route="/v1/items/:id",method="GET",status_class="2xx"} 2',
      '{route="/v1/items/:id",method="GET",status_class="4xx"} 1',
      '{route="other",method="GET",status_class="4xx"} 1',
    ]);
    expect(samples(body, 'ferry_http_request_duration_seconds_count').sort()).toEqual([
      '{route="/v1/items/:id",method="GET",status_class="2xx"} 2',
      '{route="/v1/items/:id",method="GET",status_class="4xx"} 1',
      '{route="other",method="GET",status_class="4xx"} 1',
    ]);
  });

  it('reports its health as gauges computed at the scrape', async () => {
    const { body } = await renderMetrics();
    expect(samples(body, 'ferry_health_live')).toEqual([' 1']);
    expect(samples(body, 'ferry_health_ready')).toEqual([' 1']);
    app.get(ServiceHealth).markNotReady('downstream', 'test: gone');
    const after = await renderMetrics();
    expect(samples(after.body, 'ferry_health_live')).toEqual([' 1']);
    expect(samples(after.body, 'ferry_health_ready')).toEqual([' 0']);
  });
});
