import { inventoryEntityId, type InventoryLevelSet } from '@ferry/contracts';
import {
  classifyStateOutcomes,
  newestPerKey,
  type KeyResult,
  type StateOutcome,
} from '@ferry/persistence';

export type InventoryOutcome = StateOutcome;
export type { KeyResult };

/** The row an event writes; derived from the fields, not trusted from the envelope. */
export function rowKey(event: InventoryLevelSet): string {
  return inventoryEntityId(event.sku, event.location);
}

export function newestPerEntity(events: readonly InventoryLevelSet[]): InventoryLevelSet[] {
  return newestPerKey(events, rowKey);
}

export function classifyOutcomes(
  events: readonly InventoryLevelSet[],
  results: ReadonlyMap<string, KeyResult>,
): Record<InventoryOutcome, number> {
  return classifyStateOutcomes(events, results, rowKey);
}
