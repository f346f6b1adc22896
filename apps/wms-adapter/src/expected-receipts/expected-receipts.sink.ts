import { PurchaseOrderStateContract, Topics, type PurchaseOrderState } from '@ferry/contracts';
import { SinkGuard } from '@ferry/kafka-runtime';
import type { ConsumerDeclaration } from '@ferry/service-host';
import { toExpectedReceipt } from './expected-receipt';
import type { WmsClient } from './wms-client';

/**
 * Confirmed purchase orders from the ERP → expected receipts in the WMS. The WMS takes each
 * (purchase order, version) once, so a redelivered event changes nothing; an older version
 * arriving late is answered `stale` by the WMS and counted here.
 */
export function expectedReceiptsSink(wms: WmsClient): ConsumerDeclaration<PurchaseOrderState> {
  const guard = new SinkGuard('wms', 'purchaseOrder');
  return {
    name: 'wms-expected-receipts',
    topic: Topics.purchaseOrders,
    contract: PurchaseOrderStateContract,
    downstream: 'wms',
    apply: async (_tx, events) => {
      const outcome: Record<string, number> = {};
      const count = (name: string) => {
        outcome[name] = (outcome[name] ?? 0) + 1;
      };
      for (const event of events) {
        if (guard.isEcho(event.headers, event.value.sourceSystem)) {
          count('echo_dropped');
          continue;
        }
        const body = toExpectedReceipt(event.value);
        if (!body) {
          count('not_expected_yet');
          continue;
        }
        count(await wms.putExpectedReceipt(event.value.purchaseOrderId, body, event.value.eventId));
      }
      return outcome;
    },
  };
}
