import { RULES, type Finding, type RuleName } from '../checks/rules';
import type { EndpointFigures, FuzzVerdict } from '../checks/verdict';

const n = (value: number): string => value.toLocaleString('en-US');

const refused = (row: EndpointFigures): number =>
  Object.values(row.refusedByStatus).reduce((sum, count) => sum + count, 0);

/** The numeric columns; `null` prints as n/a (nothing consumes that endpoint's events). */
const COLUMNS: readonly {
  readonly title: string;
  readonly value: (row: EndpointFigures) => number | null;
  readonly cell?: (row: EndpointFigures) => string;
}[] = [
  { title: 'requests', value: (row) => row.requests },
  { title: '2xx', value: (row) => row.success },
  {
    title: '4xx by status',
    value: refused,
    cell: (row) =>
      Object.entries(row.refusedByStatus)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, count]) => `${status}:${n(count)}`)
        .join(' ') || '-',
  },
  { title: '5xx', value: (row) => row.serverErrors },
  { title: 'no answer', value: (row) => row.unanswered },
  { title: 'off-contract', value: (row) => row.offContract },
  { title: 'accepted-then-failed', value: (row) => row.acceptedThenFailed },
  { title: 'published-unanswered', value: (row) => row.publishedUnanswered },
];

/** Pure: the table, one row per endpoint and a total. */
export function formatTable(figures: readonly EndpointFigures[]): string[] {
  const cells = (row: EndpointFigures) =>
    COLUMNS.map((column) => {
      const value = column.value(row);
      return column.cell ? column.cell(row) : value === null ? 'n/a' : n(value);
    });
  const totals = COLUMNS.map((column) =>
    n(figures.reduce((sum, row) => sum + (column.value(row) ?? 0), 0)),
  );
  const rows = [
    ['endpoint', ...COLUMNS.map((column) => column.title)],
    ...figures.map((row) => [row.endpoint, ...cells(row)]),
    ['total', ...totals],
  ];
  const widths =
    rows[0]?.map((_, index) => Math.max(...rows.map((row) => (row[index] ?? '').length))) ?? [];
  const line = (row: readonly string[]) =>
    row
      .map((cell, index) =>
        index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0),
      )
      .join('  ');
  const divider = widths.map((width) => '-'.repeat(width)).join('  ');
  const [header = '', ...body] = rows.map(line);
  return [header, divider, ...body.slice(0, -1), divider, ...body.slice(-1)];
}

/** Pure: each endpoint's refusals by status and error code. */
export function formatRefusals(figures: readonly EndpointFigures[]): string[] {
  return figures.map(
    (row) =>
      `  ${row.endpoint.padEnd(17)} ${
        Object.entries(row.refusedByError)
          .sort(([, a], [, b]) => b - a)
          .map(([code, count]) => `${code} ×${n(count)}`)
          .join(', ') || '-'
      }`,
  );
}

/** Pure: up to `perRule` findings of each broken rule, per endpoint, with their inputs. */
export function formatFindings(findings: readonly Finding[], perRule = 8, width = 160): string[] {
  const lines: string[] = [];
  for (const rule of Object.keys(RULES) as RuleName[]) {
    const broken = findings.filter((finding) => finding.rule === rule);
    if (broken.length === 0) continue;
    lines.push(`  ${rule} (${n(broken.length)}):`);
    const endpoints = [...new Set(broken.map((finding) => finding.endpoint))];
    for (const endpoint of endpoints) {
      const mine = broken.filter((finding) => finding.endpoint === endpoint);
      for (const finding of mine.slice(0, perRule)) {
        lines.push(`    ${endpoint}: ${finding.detail}`.slice(0, width + 40));
        if (finding.sample !== undefined)
          lines.push(`      input: ${finding.sample.slice(0, width)}`);
      }
      if (mine.length > perRule)
        lines.push(`    ${endpoint}: … and ${n(mine.length - perRule)} more`);
    }
  }
  return lines;
}

/** Pure: each rule with how often it was broken, then the verdict. */
export function formatVerdict(verdict: FuzzVerdict): string[] {
  return [
    ...(Object.entries(RULES) as [RuleName, string][]).map(
      ([rule, text]) =>
        `  ${verdict.broken[rule] === 0 ? 'ok    ' : 'BROKEN'} ${String(verdict.broken[rule]).padStart(6)}  ${text}`,
    ),
    '',
    verdict.passed
      ? 'verdict: PASS — every rule held'
      : `verdict: FAIL — ${n(verdict.findings.length)} findings break ${Object.values(verdict.broken).filter((count) => count > 0).length} of ${Object.keys(RULES).length} rules`,
  ];
}
