/** The rules a run is judged by; each broken instance is one finding. */
export const RULES = {
  'no-5xx': 'no 5xx and no request left unanswered, whatever the input',
  'documented-refusals':
    'every refusal is a documented 4xx (and the one the docs fix, where they do)',
  'accepted-then-processed':
    'every event of a 2xx answer reaches its projection; none is dead-lettered',
  'published-only-when-accepted': 'nothing is published for a request that was not answered 2xx',
  'no-pending-keys': 'no Idempotency-Key is left pending',
  'orders-published-once': 'no order is published twice',
} as const;

export type RuleName = keyof typeof RULES;

/** One broken instance of a rule, with what shows it. */
export interface Finding {
  readonly rule: RuleName;
  readonly endpoint: string;
  readonly detail: string;
  readonly sample?: string;
}
