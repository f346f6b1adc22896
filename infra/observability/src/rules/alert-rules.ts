import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { alertRulesFile } from '../paths';

/** One alerting rule of a Prometheus rule file, as written. */
export interface AlertRule {
  readonly group: string;
  readonly alert: string;
  readonly expr: string;
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

interface RuleFile {
  groups: { name: string; rules: Record<string, unknown>[] }[];
}

function asStrings(value: unknown): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) throw new Error('not a map');
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

/** The alerting rules of a rule file's text (recording rules are skipped). */
export function alertRulesOf(text: string): AlertRule[] {
  const file = parse(text) as RuleFile;
  return file.groups.flatMap((group) =>
    group.rules.flatMap((rule) => {
      if (typeof rule['alert'] !== 'string') return [];
      return [
        {
          group: group.name,
          alert: rule['alert'],
          expr: String(rule['expr']),
          ...(typeof rule['for'] === 'string' ? { for: rule['for'] } : {}),
          labels: asStrings(rule['labels']),
          annotations: asStrings(rule['annotations']),
        },
      ];
    }),
  );
}

export function loadAlertRules(file = alertRulesFile): AlertRule[] {
  return alertRulesOf(readFileSync(file, 'utf8'));
}
