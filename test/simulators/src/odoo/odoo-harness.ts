import type { SimClock } from '../clock';
import type { DeliveryFaults, DeliveryRecord } from '../http/outbox';
import type { ReadRecord } from './odoo-values';
import type { SearchOptions } from './orm';
import type { OdooCredentials } from './rpc-endpoints';
import type { SeededLocations, SeededWarehouse } from './seed-data';
import type { WebhookRule } from './webhook-rules';

/** What tests do to and read from the simulated Odoo besides calling its APIs. */
export interface OdooHarness {
  readonly credentials: OdooCredentials;
  readonly clock: SimClock;
  /** The locations seeded at start (when `seedWarehouse`), by role. */
  readonly locations: SeededLocations;
  /** The warehouse seeded at start (code WH) and its operation types; ids 0 without it. */
  readonly warehouse: SeededWarehouse;
  /** Active currencies by ISO code (EUR and USD, with 2 decimal places, and the company's). */
  readonly currencies: Readonly<Record<string, number>>;

  /** Inserts records that "were already there": no webhooks. Returns their ids. */
  seed(
    model: string,
    records: Record<string, unknown> | readonly Record<string, unknown>[],
  ): number[];
  /** A user creates a record in Odoo: automation rules fire. */
  create(model: string, vals: Record<string, unknown>): number;
  /** A user edits records in Odoo: automation rules fire. */
  write(model: string, ids: readonly number[], vals: Record<string, unknown>): void;
  unlink(model: string, ids: readonly number[]): void;
  /** A user clicks a button (button_confirm, button_validate, action_apply_inventory, …). */
  call(
    model: string,
    method: string,
    ids: readonly number[],
    context?: Readonly<Record<string, unknown>>,
  ): unknown;
  read(model: string, ids: readonly number[], fields?: readonly string[]): ReadRecord[];
  searchRead(
    model: string,
    domain?: unknown,
    fields?: readonly string[],
    options?: SearchOptions,
  ): ReadRecord[];
  /** Simulator-wide change counter of a record: strictly increasing on every write. */
  revisionOf(model: string, id: number): number | undefined;

  addWebhook(rule: WebhookRule): number;
  setWebhookFaults(faults: DeliveryFaults): void;
  webhookFaults(): DeliveryFaults;
  webhookDeliveries(): DeliveryRecord[];
  /** Resolves when every webhook triggered so far was sent (or failed). */
  webhooksIdle(): Promise<void>;
}
