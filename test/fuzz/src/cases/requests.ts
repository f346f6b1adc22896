import { CASE_MARKER, stampCase } from './baselines';
import { INVALID_UTF8_MARK } from './case-drafts';
import { documentedAnswer } from './documented-answers';
import type { FuzzCase, FuzzRequest, Mutation, OrderStep, RequestBody } from './fuzz-case';
import { addKeyAt, pathText, updateAt } from './json-paths';
import { isJsonArray, isJsonObject, toJsonText, type FuzzJson } from './json-text';
import { malformedJsonText } from './malformed-json';

function insertText(original: FuzzJson, text: string, at: 'start' | 'middle' | 'end'): FuzzJson {
  if (typeof original !== 'string') return text;
  const cut = at === 'start' ? 0 : at === 'end' ? original.length : Math.floor(original.length / 2);
  return `${original.slice(0, cut)}${text}${original.slice(cut)}`;
}

/** `count` copies of the array's first item, each with its own ids, so none is a duplicate. */
function repeatFirst(array: FuzzJson, count: number): FuzzJson {
  if (!isJsonArray(array) || array[0] === undefined) return array;
  const first = array[0];
  return Array.from({ length: count }, (_, copy) => suffixIds(first, `-r${copy}`));
}

const ID_FIELDS = new Set(['sku', 'receiptId', 'shipmentId']);

function suffixIds(value: FuzzJson, suffix: string): FuzzJson {
  if (isJsonArray(value)) return value.map((item) => suffixIds(item, suffix));
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      ID_FIELDS.has(key) && typeof item === 'string' ? `${item}${suffix}` : suffixIds(item, suffix),
    ]),
  );
}

/** Pure: the baseline with the case's one change made. */
export function applyMutation(value: FuzzJson, mutation: Mutation): FuzzJson {
  switch (mutation.kind) {
    case 'none':
      return value;
    case 'set':
      return updateAt(value, mutation.path, () => mutation.value);
    case 'insert':
      return updateAt(value, mutation.path, (old) => insertText(old, mutation.text, mutation.at));
    case 'delete':
      return updateAt(value, mutation.path, () => undefined);
    case 'add-key':
      return addKeyAt(value, mutation.path, mutation.key, mutation.value);
    case 'repeat':
      return updateAt(value, mutation.path, (old) => repeatFirst(old, mutation.count));
  }
}

function bodyOf(fuzzCase: FuzzCase, value: FuzzJson): RequestBody {
  const form = fuzzCase.bodyForm;
  switch (form.kind) {
    case 'json':
      return { kind: 'json', value };
    case 'malformed':
      return { kind: 'text', text: malformedJsonText(toJsonText(value), form.how, form.at) };
    case 'invalid-utf8': {
      const [before = '', after = ''] = toJsonText(value).split(INVALID_UTF8_MARK);
      return {
        kind: 'bytes',
        bytes: [...Buffer.from(before), ...form.bytes, ...Buffer.from(after)],
      };
    }
    case 'deep-nesting': {
      const [open, close] = form.of === 'array' ? ['[', ']'] : ['{"a":', '}'];
      return { kind: 'text', text: `${open.repeat(form.depth)}1${close.repeat(form.depth)}` };
    }
    case 'padded':
      return { kind: 'padded', value, toBytes: form.toBytes };
  }
}

/** The same order with something else changed: what a client that reuses an id sends. */
function otherOrder(value: FuzzJson): FuzzJson {
  return isJsonObject(value) && Object.hasOwn(value, 'channel')
    ? updateAt(value, ['channel'], () => 'fuzz-other-channel')
    : value;
}

const FollowUpKeys: Readonly<Record<OrderStep, 'same' | 'b' | 'c'>> = {
  'retry-same-key': 'same',
  'new-key-same-order': 'b',
  'same-key-other-body': 'same',
  'new-key-other-body': 'c',
};

/** Pure: the requests of a case, in the order they are sent. */
export function requestsOf(fuzzCase: FuzzCase): FuzzRequest[] {
  // Stamped before the change (an insertion must not split `{case}`) and after it (a body made
  // of copies of the template).
  const stamp = (json: FuzzJson) => stampCase(json, fuzzCase.index);
  const value = stamp(applyMutation(stamp(fuzzCase.template), fuzzCase.mutation));
  const key = fuzzCase.idempotencyKey?.split(CASE_MARKER).join(String(fuzzCase.index)) ?? null;
  const mutation = fuzzCase.mutation;
  const target = mutation.kind === 'none' ? '' : pathText(mutation.path);
  const common = {
    caseIndex: fuzzCase.index,
    endpoint: fuzzCase.endpoint,
    generator: fuzzCase.generator,
    target,
    contentType: fuzzCase.contentType,
    ...(fuzzCase.signing ? { signing: fuzzCase.signing } : {}),
  };
  const keyHeader = (idempotencyKey: string | null): Record<string, string> =>
    idempotencyKey === null ? {} : { 'Idempotency-Key': idempotencyKey };
  const expected = documentedAnswer(fuzzCase);
  const first: FuzzRequest = {
    ...common,
    step: 'first',
    body: bodyOf(fuzzCase, value),
    headers: fuzzCase.endpoint === 'orders' ? keyHeader(key) : {},
    ...(expected ? { expected } : {}),
  };
  const followUps = fuzzCase.followUps.map((step): FuzzRequest => {
    const which = FollowUpKeys[step];
    const stepKey = which === 'same' || key === null ? key : `fz-${fuzzCase.index}-${which}`;
    const stepValue = step.endsWith('other-body') ? otherOrder(value) : value;
    return { ...common, step, body: bodyOf(fuzzCase, stepValue), headers: keyHeader(stepKey) };
  });
  return [first, ...followUps];
}
