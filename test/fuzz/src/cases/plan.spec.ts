import { createHash } from 'node:crypto';
import { toJsonText } from './json-text';
import { ENDPOINTS, GENERATOR_CLASSES, type FuzzCase } from './fuzz-case';
import { planFuzzCases } from './plan';
import { requestsOf } from './requests';

const requestCount = (cases: readonly FuzzCase[]) =>
  cases.reduce((sum, fuzzCase) => sum + 1 + fuzzCase.followUps.length, 0);

/** A digest of every request: headers, body (a padded one by its JSON and size) and the rest. */
function digest(cases: readonly FuzzCase[]): string {
  const hash = createHash('sha256');
  for (const fuzzCase of cases)
    for (const { body, ...rest } of requestsOf(fuzzCase)) {
      hash.update(JSON.stringify(rest));
      if (body.kind === 'text') hash.update(body.text);
      else if (body.kind === 'bytes') hash.update(Buffer.from(body.bytes));
      else
        hash
          .update(toJsonText(body.value))
          .update(body.kind === 'padded' ? `+${body.toBytes}` : '');
    }
  return hash.digest('hex');
}

describe('planFuzzCases', () => {
  const plan = planFuzzCases(20261129, 10_000);

  it('sends the same requests for the same seed and others for another seed', () => {
    const first = digest(planFuzzCases(20261129, 2000));
    expect(digest(planFuzzCases(20261129, 2000))).toBe(first);
    expect(digest(planFuzzCases(7, 2000))).not.toBe(first);
  });

  it('plans exactly the requests asked for', () => {
    expect(requestCount(plan)).toBe(10_000);
    const sizes = Array.from({ length: 40 }, (_, index) => index + 1);
    expect(sizes.map((size) => requestCount(planFuzzCases(3, size)))).toEqual(sizes);
  });

  it('uses every generator class on every endpoint it applies to in 10,000 requests', () => {
    const classes = new Set(plan.map((fuzzCase) => fuzzCase.generator));
    expect(GENERATOR_CLASSES.filter((name) => !classes.has(name))).toEqual([]);
    const endpoints = new Set(plan.map((fuzzCase) => fuzzCase.endpoint));
    expect(ENDPOINTS.filter((name) => !endpoints.has(name))).toEqual([]);
    for (const endpoint of ENDPOINTS) {
      const used = new Set(plan.filter((c) => c.endpoint === endpoint).map((c) => c.generator));
      expect(used.has('nul') && used.has('oversized-body') && used.has('valid')).toBe(true);
    }
  });

  it('retries orders with the same key and with new keys', () => {
    const steps = new Set(plan.flatMap((fuzzCase) => fuzzCase.followUps));
    expect([...steps].sort()).toEqual([
      'new-key-other-body',
      'new-key-same-order',
      'retry-same-key',
      'same-key-other-body',
    ]);
  });

  it('signs webhook deliveries only, and gives Idempotency-Keys to orders only', () => {
    const misplaced = plan.filter(
      (fuzzCase) =>
        (fuzzCase.signing !== undefined) !== (fuzzCase.endpoint === 'odoo-webhook') ||
        (fuzzCase.idempotencyKey !== undefined) !== (fuzzCase.endpoint === 'orders'),
    );
    expect(misplaced).toEqual([]);
  });
});
