import { HttpException } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { normalPath, pathOf } from './request-path';

export interface BodyParsing {
  readonly maxBodyBytes: number;
  /**
   * Paths whose bodies are kept as the bytes received (`request.body` is a Buffer, or undefined
   * without a body) and never parsed here: a signature over the exact bytes is checked before
   * anything reads them. The size cap applies to them as to every other body.
   */
  readonly rawBodyPaths: readonly string[];
}

/**
 * Registers the body parsers: raw bytes (any content type) for `rawBodyPaths`, JSON for every
 * other path, and a translation of their refusals into Ferry's HTTP errors, so that an oversized,
 * malformed or undecodable body gets the same JSON answer as any other refusal.
 */
export function useBodyParsers(app: NestExpressApplication, parsing: BodyParsing): void {
  const rawPaths = new Set(parsing.rawBodyPaths.map(normalPath));
  const isRaw = (request: IncomingMessage): boolean => rawPaths.has(normalPath(pathOf(request)));
  // A body read by the first parser is not read again: the second sees the request finished.
  app.useBodyParser('raw', { limit: parsing.maxBodyBytes, type: isRaw });
  app.useBodyParser('json', {
    limit: parsing.maxBodyBytes,
    type: (request: IncomingMessage) => !isRaw(request) && isJson(request),
  });
  app.use((error: unknown, _request: Request, _response: Response, next: NextFunction) => {
    next(bodyParserRefusal(error) ?? error);
  });
}

function isJson(request: IncomingMessage): boolean {
  const [type = ''] = (request.headers['content-type'] ?? '').split(';');
  return type.trim().toLowerCase() === 'application/json';
}

/**
 * Pure: the HTTP error of a body parser's refusal (body-parser marks each with a `type`), or
 * undefined for anything else.
 */
export function bodyParserRefusal(error: unknown): HttpException | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  const type = String(error.type);
  if (type === 'entity.too.large')
    return refusal(413, 'body_too_large', 'Request body is larger than this service accepts');
  if (type === 'entity.parse.failed')
    return refusal(400, 'malformed_json', 'Request body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported')
    return refusal(415, 'unsupported_encoding', 'Request body encoding is not supported');
  const status = 'status' in error && typeof error.status === 'number' ? error.status : 0;
  if (status >= 400 && status < 500)
    return refusal(status, 'unreadable_body', 'Request body could not be read');
  return undefined;
}

function refusal(status: number, error: string, message: string): HttpException {
  return new HttpException({ error, message }, status);
}
