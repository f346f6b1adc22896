import 'reflect-metadata';
import {
  ConsoleLogger,
  type DynamicModule,
  type INestApplication,
  type Type,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jsonLogger } from '@ferry/observability';
import { ErrorResponses } from './error-responses';

export interface ServiceOptions {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly maxBodyBytes?: number;
  /** Keep each request's raw body as `req.rawBody` (for signature checks over exact bytes). */
  readonly rawBody?: boolean;
}

/**
 * Starts a Ferry service: JSON logs, a capped JSON body parser, JSON error answers, graceful
 * shutdown on SIGTERM/SIGINT (Nest runs every onModuleDestroy: consumers commit and leave).
 */
export async function runService(
  module: Type | DynamicModule,
  options: ServiceOptions,
): Promise<INestApplication> {
  // Nest declares its options as classes; a literal is its documented way to pass them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    rawBody: options.rawBody ?? false,
    logger: new ConsoleLogger(options.name, { json: true }),
  });
  app.useBodyParser('json', { limit: options.maxBodyBytes ?? 1024 * 1024 });
  app.useGlobalFilters(new ErrorResponses(jsonLogger(options.name)));
  app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  return app;
}
