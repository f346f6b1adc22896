import { watchedSecret } from '@ferry/config';
import type { RegistryCredentials } from './registry-access';

/**
 * The Authorization header for each request, undefined without credentials. A secret from a file
 * is re-read when the file changes, so a rotated password or token is used from the next request.
 */
export function registryAuthorization(
  credentials: RegistryCredentials,
): () => Promise<string | undefined> {
  switch (credentials.kind) {
    case 'none':
      return () => Promise.resolve(undefined);
    case 'basic': {
      const password = watchedSecret(credentials.password);
      return async () => {
        const pair = `${credentials.username}:${await password()}`;
        return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
      };
    }
    case 'bearer': {
      const token = watchedSecret(credentials.token);
      return async () => `Bearer ${await token()}`;
    }
  }
}
