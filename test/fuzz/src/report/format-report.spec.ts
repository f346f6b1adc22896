import type { EndpointFigures, FuzzVerdict } from '../checks/verdict';
import { formatFindings, formatTable, formatVerdict } from './format-report';

const row = (
  endpoint: EndpointFigures['endpoint'],
  acceptedThenFailed: number | null,
): EndpointFigures => ({
  endpoint,
  requests: 1200,
  success: 700,
  refusedByStatus: { '413': 2, '400': 480 },
  refusedByError: { '400 invalid_snapshot': 480, '413 body_too_large': 2 },
  serverErrors: 18,
  unanswered: 0,
  offContract: 3,
  acceptedThenFailed,
  publishedUnanswered: 1,
});

describe('formatTable', () => {
  it('prints a row per endpoint and their totals, n/a where nothing consumes the events', () => {
    const lines = formatTable([row('inventory-single', 4), row('orders', null)]);
    expect(lines[0]).toMatch(/^endpoint\s+requests\s+2xx\s+4xx by status\s+5xx\s+no answer/);
    expect(lines[2]).toMatch(
      /^inventory-single\s+1,200\s+700\s+400:480 413:2\s+18\s+0\s+3\s+4\s+1$/,
    );
    expect(lines[3]).toMatch(/\sn\/a\s+1$/);
    expect(lines[5]).toMatch(/^total\s+2,400\s+1,400\s+964\s+36\s+0\s+6\s+4\s+2$/);
  });
});

describe('formatVerdict and formatFindings', () => {
  const verdict: FuzzVerdict = {
    figures: [],
    broken: {
      'no-5xx': 1,
      'documented-refusals': 0,
      'accepted-then-processed': 0,
      'published-only-when-accepted': 0,
      'no-pending-keys': 0,
      'orders-published-once': 0,
    },
    findings: [
      { rule: 'no-5xx', endpoint: 'orders', detail: 'case 3 first: 500', sample: '{"a":1}' },
    ],
    passed: false,
  };

  it('marks each broken rule and fails the run', () => {
    const lines = formatVerdict(verdict);
    expect(lines[0]).toMatch(/^ {2}BROKEN\s+1 {2}no 5xx/);
    expect(lines[1]).toMatch(/^ {2}ok\s+0/);
    expect(lines[lines.length - 1]).toBe('verdict: FAIL — 1 findings break 1 of 6 rules');
  });

  it('shows each finding with its input', () => {
    expect(formatFindings(verdict.findings)).toEqual([
      '  no-5xx (1):',
      '    orders: case 3 first: 500',
      '      input: {"a":1}',
    ]);
  });
});
