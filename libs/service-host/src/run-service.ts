import 'reflect-metadata';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from '@ferry/observability';
import type { NextFunction, Request, Response } from 'express';
import { useBodyParsers } from './body-parsers';
import { ErrorResponses } from './error-responses';
import { ingressAuthPolicy, type IngressAuthConfig } from './ingress/auth-options';
import { ingressGuard, type IngressRoute } from './ingress/ingress-guard';
import { opsEndpoints, sendOpsNotFound } from './ops-endpoints';
import { reportHealthMetrics } from './health-metrics';
import { httpMetrics } from './http-metrics';
import { LOGGER, NestLogger } from './logging/logger';
import { ServiceHealth } from './service-health';

/** The readiness component of the business endpoints' HTTP server. */
const BUSINESS_PORT = 'http';

export interface ServiceOptions {
  readonly name: string;
  readonly port: number;
  readonly host: string;
  /** Port of health and metrics alone (FERRY_OPS_PORT); on `port` beside the API when null. */
  readonly opsPort?: number | null;
  readonly maxBodyBytes?: number;
  /**
   * Paths whose bodies reach the handler as the exact bytes received (`request.body` is a
   * Buffer), unparsed: for signature checks that must come before anything reads the body.
   */
  readonly rawBodyPaths?: readonly string[];
  /**
   * Every business request needs a caller authenticated by `auth`, and on a listed route the
   * route's scope (see ingress-guard). Without it the service checks its callers itself (the ERP
   * adapter verifies its webhooks' signatures).
   */
  readonly ingress?: {
    readonly auth: IngressAuthConfig;
    readonly routes: readonly IngressRoute[];
  };
}

/**
 * Starts a Ferry service (its module imports ServiceHostModule.forRoot): one log format (the
 * injected LOGGER's JSON lines, Nest's own messages included), health and metrics (on their own
 * port if asked), the ingress guard, capped body parsers, JSON error answers, no framework
 * banner, graceful shutdown on SIGTERM/SIGINT (Nest runs every onModuleDestroy: consumers commit
 * and leave; then the pool closes).
 */
export async function runService(
  module: Type | DynamicModule,
  options: ServiceOptions,
): Promise<INestApplication> {
  // Read before anything starts: a bad auth configuration stops the service here.
  const policy = options.ingress && ingressAuthPolicy(options.ingress.auth);
  // Nest's messages wait until its logger is the service's own (useLogger below).
  // Nest declares its options as classes; a literal is its documented way to pass them.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.create<NestExpressApplication>(module, {
    bodyParser: false,
    bufferLogs: true,
  });
  const logger = app.get<Logger>(LOGGER);
  app.useLogger(new NestLogger(logger));
  app.disable('x-powered-by');
  // Not ready until every module started and the business port listens: the ops port may answer
  // well before that.
  const health = app.get(ServiceHealth);
  health.expect(BUSINESS_PORT);
  reportHealthMetrics(health);
  // Middleware runs in the order registered: ops endpoints (open), HTTP metrics (business requests
  // only), the guard, then body parsers.
  const ops = opsEndpoints(health);
  const opsServer = options.opsPort == null ? undefined : createServer(openOps(ops));
  if (opsServer === undefined)
    app.use((request: Request, response: Response, next: NextFunction) => {
      ops(request, response).then((answered) => {
        if (!answered) next();
      }, next);
    });
  app.use(
    httpMetrics([
      ...(options.ingress?.routes ?? []).map((route) => route.path),
      ...(options.rawBodyPaths ?? []),
    ]),
  );
  if (options.ingress && policy)
    app.use(
      ingressGuard({ service: options.name, policy, routes: options.ingress.routes, logger }),
    );
  useBodyParsers(app, {
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    rawBodyPaths: options.rawBodyPaths ?? [],
  });
  app.useGlobalFilters(new ErrorResponses(logger));
  app.enableShutdownHooks();
  if (opsServer !== undefined && options.opsPort != null)
    await listenOps(opsServer, options.opsPort, options.host, app, logger);
  await app.listen(options.port, options.host);
  health.markReady(BUSINESS_PORT);
  return app;
}

/** The ops port's handler: the ops endpoints, and 404 for anything else. */
function openOps(ops: ReturnType<typeof opsEndpoints>) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    ops(request, response).then(
      (answered) => {
        if (!answered) sendOpsNotFound(response);
      },
      () => {
        response.statusCode = 500;
        response.end();
      },
    );
  };
}

/** The ops server starts before the API and closes with it. */
async function listenOps(
  server: Server,
  port: number,
  host: string,
  app: INestApplication,
  logger: Logger,
): Promise<void> {
  server.listen(port, host);
  await once(server, 'listening');
  logger.info('health and metrics on their own port', { opsPort: port });
  const httpServer = app.getHttpServer() as Server;
  httpServer.once('close', () => {
    server.close();
  });
}
