import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { shutdownTracing } from '@ferry/observability';

/**
 * Flushes the spans not yet exported when the service stops (SIGTERM): Nest runs this hook
 * after every module's onModuleDestroy (consumers committed and left, the HTTP server closed),
 * so the last slices' and requests' spans are in the flush. Bounded, see shutdownTracing.
 */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return shutdownTracing();
  }
}
