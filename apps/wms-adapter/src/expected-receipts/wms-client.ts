import { failureKindOfHttpStatus, FerryError } from '@ferry/failures';
import { measureDownstreamCall, type DownstreamCall } from '@ferry/observability';
import type { ExpectedReceiptBody } from './expected-receipt';

/** `ferry_downstream_call_*{system="wms"}` of the one call this client makes. */
const PUT_EXPECTED_RECEIPT: DownstreamCall = {
  system: 'wms',
  operation: 'expected-receipt.put',
};

/** The WMS answered with an error status: its kind is the status's. */
export class WmsHttpError extends FerryError {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message, failureKindOfHttpStatus(status));
  }
}

/** The WMS could not be reached at all (`code` as Node gives it: ECONNREFUSED, ETIMEDOUT, ...). */
export class WmsUnreachableError extends FerryError {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, 'unavailable', options);
  }
}

function socketCode(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'ETIMEDOUT';
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause) return String(cause.code);
  return 'ECONNRESET';
}

/** Ferry's writes into the WMS. Every write carries the event id as its correlation id. */
export class WmsClient {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs: number,
  ) {}

  putExpectedReceipt(
    purchaseOrderId: string,
    body: ExpectedReceiptBody,
    correlationId: string,
  ): Promise<string> {
    return measureDownstreamCall(PUT_EXPECTED_RECEIPT, () =>
      this.put(purchaseOrderId, body, correlationId),
    );
  }

  private async put(
    purchaseOrderId: string,
    body: ExpectedReceiptBody,
    correlationId: string,
  ): Promise<string> {
    const url = `${this.baseUrl}/api/expected-receipts/${encodeURIComponent(purchaseOrderId)}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', 'x-correlation-id': correlationId },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error: unknown) {
      const code = socketCode(error);
      throw new WmsUnreachableError(code, `WMS at ${this.baseUrl} unreachable (${code})`, {
        cause: error,
      });
    }
    const text = await response.text();
    if (!response.ok) {
      throw new WmsHttpError(
        response.status,
        `WMS refused expected receipt ${purchaseOrderId} v${body.version}: ` +
          `${response.status} ${text.slice(0, 300)}`,
      );
    }
    return response.headers.get('x-wms-outcome') ?? 'stored';
  }
}
