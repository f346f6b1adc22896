import type { IncomingMessage } from 'node:http';

/** Routing ignores case and a trailing slash, so every match on a path here does too. */
export function normalPath(path: string): string {
  return path.replace(/\/+$/, '').toLowerCase() || '/';
}

/** The path of a request, without its query. */
export function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://ferry').pathname;
}
