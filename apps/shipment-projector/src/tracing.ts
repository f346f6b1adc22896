// The first import of main.ts: the SDK's instrumentations must be registered before anything
// loads `http`, `pg` or express (see @ferry/observability/tracing-sdk).
import { startTracing } from '@ferry/observability/tracing-sdk';

startTracing({ serviceName: 'shipment-projector' });
