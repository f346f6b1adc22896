import type { Middleware } from 'mappersmith';

/**
 * Signs each request of the registry client with the Authorization header of the moment (a
 * rotated token is taken up without a restart). The library's own `auth` option only knows a
 * fixed user and password.
 */
export function authorizationMiddleware(
  authorization: () => Promise<string | undefined>,
): Middleware {
  return () => ({
    async prepareRequest(next) {
      const request = await next();
      const value = await authorization();
      return value === undefined ? request : request.enhance({ headers: { authorization: value } });
    },
  });
}
