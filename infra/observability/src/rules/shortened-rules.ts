import { parse, stringify } from 'yaml';

/**
 * A copy of a rule file for a test against a live Prometheus, where nothing can wait 15 minutes:
 * every duration (`for:`, range selectors, `offset`) divided by `factor`, and thresholds that are
 * seconds (a PromQL number, which no duration syntax marks) replaced as the caller lists them.
 * Everything else, expression structure, labels and annotations, stays as the real file has it.
 */
export interface ThresholdOverride {
  /** The text as it appears in the rule's expression, e.g. `> 300`; it must appear exactly once. */
  readonly from: string;
  readonly to: string;
}

const durationUnits: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  h: 3600,
  d: 86_400,
  w: 604_800,
  y: 31_536_000,
};

/** `15m` / 60 → `15s`; `1h30m` / 60 → `90s`; never below one millisecond. */
export function dividedDuration(duration: string, factor: number): string {
  let seconds = 0;
  const parts = duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g);
  for (const [, amount, unit] of parts)
    seconds += Number(amount) * (durationUnits[unit ?? ''] ?? 0);
  if (seconds === 0) throw new Error(`not a duration: ${duration}`);
  const milliseconds = Math.max(1, Math.round((seconds * 1000) / factor));
  return milliseconds % 1000 === 0 ? `${milliseconds / 1000}s` : `${milliseconds}ms`;
}

const durationToken = /(?:\d+(?:ms|s|m|h|d|w|y))+/g;

/** Ranges (`[5m]`, subqueries `[1h:1m]`) and offsets in an expression, divided. */
export function exprWithDurationsDivided(expr: string, factor: number): string {
  return expr
    .replace(
      /\[([^\]]+)\]/g,
      (_, inside: string) =>
        `[${inside.replace(durationToken, (duration) => dividedDuration(duration, factor))}]`,
    )
    .replace(
      /\boffset\s+(-?)((?:\d+(?:ms|s|m|h|d|w|y))+)/g,
      (_, sign: string, duration: string) => `offset ${sign}${dividedDuration(duration, factor)}`,
    );
}

function replacedOnce(expr: string, alert: string, override: ThresholdOverride): string {
  const count = expr.split(override.from).length - 1;
  if (count !== 1)
    throw new Error(
      `${alert}: "${override.from}" appears ${count} times in its expression, not once`,
    );
  return expr.replace(override.from, override.to);
}

export function shortenedRules(
  ruleFileText: string,
  factor: number,
  thresholds: Readonly<Record<string, readonly ThresholdOverride[]>> = {},
): string {
  const file = parse(ruleFileText) as { groups: { rules: Record<string, unknown>[] }[] };
  const unused = new Set(Object.keys(thresholds));
  for (const group of file.groups)
    for (const rule of group.rules) {
      let expr = exprWithDurationsDivided(String(rule['expr']), factor);
      const name = String(rule['alert'] ?? rule['record']);
      for (const override of thresholds[name] ?? []) expr = replacedOnce(expr, name, override);
      unused.delete(name);
      rule['expr'] = expr;
      for (const key of ['for', 'keep_firing_for'])
        if (typeof rule[key] === 'string') rule[key] = dividedDuration(rule[key], factor);
    }
  if (unused.size > 0) throw new Error(`no rules named ${[...unused].join(', ')}`);
  return stringify(file, { lineWidth: 0 });
}
