import type { InventoryLevelSet } from '@ferry/contracts';

/** What the WMS sends for one InventoryLevelSet: the adapter's `POST /v1/inventory-levels` item. */
export interface Snapshot {
  readonly sku: string;
  readonly location: string;
  readonly onHand: number;
  readonly reserved: number;
  readonly inTransit: number;
  readonly unit: string;
  readonly version: number;
}

export function snapshotOf(event: InventoryLevelSet): Snapshot {
  return {
    sku: event.sku,
    location: event.location,
    onHand: event.onHand,
    reserved: event.reserved,
    inTransit: event.inTransit,
    unit: event.unit,
    version: event.sourceVersion,
  };
}

export interface Intake {
  readonly url: string;
  readonly authorization: string;
}

/** Posts one batch; throws with the answer unless the adapter accepted it (202). */
export async function postSnapshots(intake: Intake, snapshots: readonly Snapshot[]): Promise<void> {
  const response = await fetch(`${intake.url}/v1/inventory-levels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: intake.authorization },
    body: JSON.stringify({ snapshots }),
  });
  if (response.status !== 202)
    throw new Error(
      `the adapter answered ${response.status}: ${(await response.text()).slice(0, 500)}`,
    );
  await response.arrayBuffer();
}

/** Sends every request, `concurrency` at a time, in order of the list. */
export async function sendAll(
  intake: Intake,
  requests: readonly (readonly Snapshot[])[],
  concurrency: number,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const request = requests[next++];
      if (request) await postSnapshots(intake, request);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
}

/** Nearest-rank percentile of `values` (sorted here), `p` in (0, 100]. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}
