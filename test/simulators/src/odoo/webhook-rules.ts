import { Outbox, type DeliveryFaults } from '../http/outbox';
import type { SigningOptions } from '../http/signing';
import type { ChangeAction, ChangeEvent, OdooOrm } from './orm';
import { pythonJsonDumps } from './python-json';

/**
 * An automation rule with the "Send Webhook Notification" action (Odoo 17+). Odoo posts
 * `{"_model", "_id", "_action": "<name>(#<id>)", ...fields read with load=None}` to `url`
 * with a 1 s timeout and no retry.
 */
export interface WebhookRule {
  readonly model: string;
  readonly url: string;
  /** The automation's name, shown in `_action`; defaults to "Ferry <model>". */
  readonly name?: string;
  readonly trigger?: 'on_create' | 'on_write' | 'on_create_or_write' | 'on_unlink';
  /** `webhook_field_ids`: fields added to the payload (none: only _model, _id, _action). */
  readonly fields?: readonly string[];
  /** "Apply on": only records matching this domain after the change notify. */
  readonly filterDomain?: unknown;
  /** "When updating": on_write only fires when one of these fields was written. */
  readonly triggerFields?: readonly string[];
}

interface ActiveRule extends WebhookRule {
  readonly actionId: number;
}

const FIRES: Readonly<Record<NonNullable<WebhookRule['trigger']>, readonly ChangeAction[]>> = {
  on_create: ['create'],
  on_write: ['write'],
  on_create_or_write: ['create', 'write'],
  on_unlink: ['unlink'],
};

export interface WebhookSenderOptions {
  readonly signing?: SigningOptions;
  readonly timeoutMs?: number;
  readonly faults?: DeliveryFaults;
  readonly random?: () => number;
}

/** Turns committed ORM changes into webhook deliveries, as Odoo's automation rules do. */
export class WebhookSender {
  readonly outbox: Outbox;
  private readonly rules: ActiveRule[] = [];
  private nextActionId = 500;
  private muted = 0;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly orm: OdooOrm,
    options: WebhookSenderOptions,
  ) {
    this.outbox = new Outbox({
      timeoutMs: options.timeoutMs ?? 1000,
      maxAttempts: 1,
      ...(options.signing ? { signing: options.signing } : {}),
      ...(options.random ? { random: options.random } : {}),
    });
    if (options.faults) this.outbox.setFaults(options.faults);
    this.unsubscribe = orm.onChange((event) => {
      this.onChange(event);
    });
  }

  addRule(rule: WebhookRule): number {
    if (!this.orm.hasModel(rule.model)) throw new Error(`unknown model ${rule.model}`);
    this.nextActionId += 1;
    this.rules.push({ ...rule, actionId: this.nextActionId });
    return this.nextActionId;
  }

  clearRules(): void {
    this.rules.length = 0;
  }

  /** Runs `work` without notifying (seeding data that existed before the test). */
  silently<T>(work: () => T): T {
    this.muted += 1;
    try {
      return work();
    } finally {
      this.muted -= 1;
    }
  }

  close(): void {
    this.unsubscribe();
    this.outbox.close();
  }

  private onChange(event: ChangeEvent): void {
    if (this.muted > 0) return;
    for (const rule of this.rules) {
      if (
        rule.model !== event.model ||
        !FIRES[rule.trigger ?? 'on_create_or_write'].includes(event.action)
      )
        continue;
      if (
        event.action === 'write' &&
        rule.triggerFields &&
        !rule.triggerFields.some((field) => event.fields.includes(field))
      )
        continue;
      const payload = this.payload(rule, event);
      if (payload === undefined) continue;
      this.outbox.enqueue({
        url: rule.url,
        rawBody: pythonJsonDumps(payload),
        label: `${event.model}#${event.id} ${event.action}`,
      });
    }
  }

  private payload(rule: ActiveRule, event: ChangeEvent): Record<string, unknown> | undefined {
    const base = {
      _model: event.model,
      _id: event.id,
      _action: `${rule.name ?? `Ferry ${rule.model}`}(#${rule.actionId})`,
    };
    if (event.action === 'unlink') return base;
    if (rule.filterDomain !== undefined) {
      const matching = this.orm.search(event.model, rule.filterDomain, { activeTest: false });
      if (!matching.includes(event.id)) return undefined;
    }
    if (!rule.fields || rule.fields.length === 0) return base;
    const [values] = this.orm.read(event.model, [event.id], rule.fields, null);
    return { ...values, ...base };
  }
}
