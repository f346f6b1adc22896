import fc from 'fast-check';
import { arrayLimit, BatchField, BodyLimitBytes, CASE_MARKER } from './baselines';
import {
  MALFORMED_JSON_FORMS,
  type BodyForm,
  type CaseDraft,
  type Endpoint,
  type GeneratorClass,
  type Mutation,
  type OrderStep,
  type Signing,
} from './fuzz-case';
import * as hostile from './hostile-values';
import { containerPaths, leafPaths, valueAt, type JsonPath } from './json-paths';
import { isJsonArray, isJsonObject, type FuzzJson } from './json-text';

const JSON_TYPE = 'application/json';
const MONEY_FIELDS = new Set(['unitPrice', 'shipping', 'tax']);

const plain = (generator: GeneratorClass, mutation: Mutation): Partial<CaseDraft> => ({
  generator,
  mutation,
});

/** The fields of a template, sorted by what kind of value they hold. */
function fieldsOf(template: FuzzJson) {
  const leaves = leafPaths(template);
  const last = (path: JsonPath) => path[path.length - 1];
  const of = (test: (value: FuzzJson | undefined) => boolean) =>
    leaves.filter((path) => test(valueAt(template, path)));
  const containers = containerPaths(template);
  return {
    leaves,
    strings: of((value) => typeof value === 'string'),
    numbers: of((value) => typeof value === 'number'),
    money: leaves.filter((path) => MONEY_FIELDS.has(String(last(path)))),
    keys: [...leaves, ...containers].filter((path) => typeof last(path) === 'string'),
    arrays: containers.filter((path) => isJsonArray(valueAt(template, path) ?? null)),
    objects: containers.filter((path) => isJsonObject(valueAt(template, path) ?? null)),
  };
}

/** One of `preferred`, or of `fallback` when there is none. */
function pathFrom(preferred: readonly JsonPath[], fallback: readonly JsonPath[]) {
  const paths = preferred.length > 0 ? preferred : fallback;
  return paths.length > 0 ? fc.constantFrom(...paths) : fc.constant<JsonPath>([]);
}

const insertion = (
  generator: GeneratorClass,
  paths: fc.Arbitrary<JsonPath>,
  text: fc.Arbitrary<string>,
) =>
  fc
    .record({ path: paths, text, at: fc.constantFrom('start', 'middle', 'end' as const) })
    .map(({ path, text: inserted, at }) =>
      plain(generator, { kind: 'insert', path, text: inserted, at }),
    );

const setting = (
  generator: GeneratorClass,
  paths: fc.Arbitrary<JsonPath>,
  value: (path: JsonPath) => fc.Arbitrary<FuzzJson>,
) =>
  paths.chain((path) =>
    value(path).map((item) => plain(generator, { kind: 'set', path, value: item })),
  );

/** The field-level and structural mutations of `template`, weighted, as partial drafts. */
function mutationArbitraries(endpoint: Endpoint, template: FuzzJson) {
  const fields = fieldsOf(template);
  const strings = pathFrom(fields.strings, fields.leaves);
  const numbers = pathFrom(fields.numbers, fields.leaves);
  const constant =
    <T extends FuzzJson>(arbitrary: fc.Arbitrary<T>) =>
    () =>
      arbitrary;
  const arrays = fields.arrays;
  return [
    insertion('nul', strings, hostile.nulCharacter),
    insertion('control-char', strings, hostile.controlCharacter),
    insertion('lone-surrogate', strings, hostile.loneSurrogate),
    insertion('unicode', strings, hostile.unicodeText),
    setting('blank-string', strings, constant(hostile.blankText)),
    setting('long-string', strings, constant(hostile.longText)),
    setting('int-limit', numbers, constant(hostile.intLimit)),
    setting('fraction', numbers, constant(hostile.fraction)),
    setting('huge-number-token', numbers, constant(hostile.hugeNumberToken)),
    setting('nan-ish-string', numbers, constant(hostile.nanIshText)),
    setting(
      'decimal-digits',
      pathFrom(fields.money, fields.strings),
      constant(hostile.decimalText),
    ),
    setting('wrong-type', pathFrom(fields.leaves, []), (path) =>
      hostile.wrongTypeOf(valueAt(template, path) ?? null),
    ),
    pathFrom(fields.keys, []).map((path) => plain('missing-field', { kind: 'delete', path })),
    fc
      .record({
        path: pathFrom(fields.objects, [[]]),
        key: hostile.extraKey,
        value: hostile.extraValue,
      })
      .map(({ path, key, value }) => plain('extra-field', { kind: 'add-key', path, key, value })),
    arrays.length > 0
      ? fc
          .constantFrom(...arrays)
          .map((path) => plain('empty-array', { kind: 'set', path, value: [] }))
      : fc.constant(
          plain('empty-array', {
            kind: 'set',
            path: [],
            value: BatchField[endpoint] ? { [BatchField[endpoint]]: [] } : [],
          }),
        ),
    arrays.length > 0
      ? fc.constantFrom(...arrays).chain((path) => {
          const limit = arrayLimit(endpoint, path[path.length - 1]);
          return fc
            .constantFrom(limit, limit + 1, 2 * limit)
            .map((count) => plain('huge-array', { kind: 'repeat', path, count }));
        })
      : fc.constantFrom(1000, 1001).map((count) =>
          plain('huge-array', {
            kind: 'set',
            path: [],
            value: Array<FuzzJson>(count).fill(template),
          }),
        ),
    fc
      .constantFrom<FuzzJson>([], [template], 'text', 42, null, true, {})
      .map((value) => plain('top-level-type', { kind: 'set', path: [], value })),
  ];
}

const malformedForm = fc.record({
  kind: fc.constant('malformed' as const),
  how: fc.constantFrom(...MALFORMED_JSON_FORMS),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** Mutations of the whole body on the wire; the value stays the valid baseline. */
function bodyArbitraries(endpoint: Endpoint, template: FuzzJson) {
  const strings = pathFrom(fieldsOf(template).strings, []);
  const limit = BodyLimitBytes[endpoint];
  return [
    malformedForm.map((bodyForm) => ({ generator: 'malformed-json' as const, bodyForm })),
    fc.record({ path: strings, bytes: hostile.invalidUtf8 }).map(({ path, bytes }) => ({
      generator: 'invalid-utf8' as const,
      // A private-use character marks where the bytes go; rendering swaps it for them.
      mutation: { kind: 'insert' as const, path, text: INVALID_UTF8_MARK, at: 'middle' as const },
      bodyForm: { kind: 'invalid-utf8' as const, bytes },
    })),
    fc
      .record({
        depth: fc.constantFrom(100, 1000, 10_000, 100_000),
        of: fc.constantFrom('array', 'object' as const),
      })
      .map(({ depth, of }) => ({
        generator: 'deep-nesting' as const,
        bodyForm: { kind: 'deep-nesting' as const, depth, of },
      })),
    hostile.wrongContentType.map((contentType) => ({
      generator: 'wrong-content-type' as const,
      contentType,
    })),
    fc.integer({ min: limit + 1, max: 2 * limit }).map((toBytes) => ({
      generator: 'oversized-body' as const,
      bodyForm: { kind: 'padded' as const, toBytes },
    })),
  ];
}

export const INVALID_UTF8_MARK = '\ue000';

const FOLLOW_UPS: readonly (readonly OrderStep[])[] = [
  [],
  [],
  ['retry-same-key'],
  ['new-key-same-order'],
  ['retry-same-key', 'new-key-same-order'],
  ['same-key-other-body'],
  ['new-key-other-body'],
];

const SIGNING_CLASSES: readonly { generator: GeneratorClass; signing: readonly Signing[] }[] = [
  { generator: 'unsigned', signing: ['none', 'signature-only'] },
  { generator: 'bad-signature', signing: ['wrong-secret'] },
  { generator: 'stale-signature', signing: ['stale'] },
  { generator: 'malformed-signature', signing: ['malformed-header'] },
];

/** Only for the order API and the webhook: their own headers. */
function endpointArbitraries(endpoint: Endpoint) {
  if (endpoint === 'orders')
    return [
      hostile.hostileIdempotencyKey.map((idempotencyKey) => ({
        generator: 'hostile-idempotency-key' as const,
        idempotencyKey,
      })),
    ];
  if (endpoint !== 'odoo-webhook') return [];
  // A refused signature must be refused before the body is read: half of them carry a bad body.
  return SIGNING_CLASSES.map(({ generator, signing }) =>
    fc
      .record({
        signing: fc.constantFrom(...signing),
        bodyForm: fc.oneof(fc.constant<BodyForm>({ kind: 'json' }), malformedForm),
      })
      .map((draft) => ({ generator, ...draft })),
  );
}

/**
 * Every draft a case of `endpoint` built on `template` can get: the baseline as it is (more
 * often than any one mutation, so that accepted requests are many), one field or structural
 * mutation, one body mutation, or one of the endpoint's own.
 */
export function caseDraftArbitrary(
  endpoint: Endpoint,
  template: FuzzJson,
): fc.Arbitrary<CaseDraft> {
  const choices: fc.Arbitrary<Partial<CaseDraft>>[] = [
    ...mutationArbitraries(endpoint, template),
    ...bodyArbitraries(endpoint, template),
    ...endpointArbitraries(endpoint),
  ];
  const partial = fc.oneof(
    { arbitrary: fc.constant(plain('valid', { kind: 'none' })), weight: 6 },
    ...choices.map((arbitrary) => ({ arbitrary, weight: 1 })),
  );
  return fc
    .record({
      partial,
      followUps: endpoint === 'orders' ? fc.constantFrom(...FOLLOW_UPS) : fc.constant([]),
    })
    .map(({ partial: draft, followUps }) => ({
      generator: draft.generator ?? 'valid',
      mutation: draft.mutation ?? { kind: 'none' },
      bodyForm: draft.bodyForm ?? { kind: 'json' },
      contentType: draft.contentType === undefined ? JSON_TYPE : draft.contentType,
      ...(endpoint === 'orders'
        ? {
            idempotencyKey:
              draft.idempotencyKey === undefined ? `fz-${CASE_MARKER}-a` : draft.idempotencyKey,
          }
        : {}),
      ...(endpoint === 'odoo-webhook' ? { signing: draft.signing ?? 'valid' } : {}),
      followUps: draft.generator === 'hostile-idempotency-key' ? [] : followUps,
    }));
}
