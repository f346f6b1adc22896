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
import { useBodyParsers } from './body-parsers';
import { ErrorResponses } from './error-responses';

export interface ServiceOptions {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  readonly maxBodyBytes?: number;
  /**
   * Paths whose bodies reach the handler as the exact bytes received (`request.body` is a
   * Buffer), unparsed: for signature checks that must come before anything reads the body.
   */
  readonly rawBodyPaths?: readonly string[];
}

/**
 * Starts a Ferry service: JSON logs, capped body parsers, JSON error answers, graceful shutdown
 * on SIGTERM/SIGINT (Nest runs every onModuleDestroy: consumers commit and leave).
 */
export async function runService(
  module: Type | DynamicModule,
  options: ServiceOptions,
): Promise<INestApplication> {
  // Nest declares its options as classes; a literal is its documented way to pass them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    logger: new ConsoleLogger(options.name, { json: true }),
  });
  useBodyParsers(app, {
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    rawBodyPaths: options.rawBodyPaths ?? [],
  });
  app.useGlobalFilters(new ErrorResponses(jsonLogger(options.name)));
  app.enableShutdownHooks();
  await app.listen(options.port, options.host);
  return app;
}
