import type { Provider } from '@nestjs/common';
import {
  createOdooClient,
  OdooErpAdapter,
  PacedOdooClient,
  signaturePolicyProblems,
  tracedOdooClient,
  type WebhookSignaturePolicy,
} from '@ferry/erp-odoo';
import { ConfigError } from '@ferry/config';
import { ERP_ADAPTER_CONFIG, type ErpAdapterConfig } from '../config';

/** Odoo seen through the adapter port: what the webhook, the poll and the sink use. */
export const ERP_ADAPTER = Symbol('ErpAdapter');

export function webhookPolicyOf(config: ErpAdapterConfig): WebhookSignaturePolicy {
  return { secrets: config.webhookSecrets, toleranceSeconds: config.webhookToleranceSeconds };
}

/**
 * One paced client for every call this process makes to Odoo (webhook re-reads, the poll, sink
 * writes), so together they never exceed ODOO_REQUESTS_PER_SECOND and all honour a Retry-After.
 * A bad webhook policy stops the service at start, not at the first delivery.
 */
export const odooAdapterProvider: Provider = {
  provide: ERP_ADAPTER,
  inject: [ERP_ADAPTER_CONFIG],
  useFactory: (config: ErpAdapterConfig) => {
    const webhook = webhookPolicyOf(config);
    const problems = signaturePolicyProblems(webhook).map(
      (problem) => `FERRY_ODOO_WEBHOOK_SECRETS: ${problem}`,
    );
    if (problems.length > 0) throw new ConfigError(problems);
    // Traced inside the pacer: a span measures Odoo's answer, not the wait for a token.
    const odoo = tracedOdooClient(createOdooClient(config), {
      url: config.odooUrl,
      protocol: config.odooProtocol,
    });
    const client = new PacedOdooClient(odoo, {
      ratePerSecond: config.odooRequestsPerSecond,
      burst: config.odooRequestsPerSecond,
    });
    return new OdooErpAdapter({
      client,
      webhook,
      odooMajorVersion: config.odooMajorVersion,
      settleMs: config.pollSettleMs,
    });
  },
};
