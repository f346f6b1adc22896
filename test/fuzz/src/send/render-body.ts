import type { RequestBody } from '../cases/fuzz-case';
import { toJsonText } from '../cases/json-text';

/**
 * Pure: the bytes of a request body. A padded body is the JSON followed by spaces up to its size
 * (whitespace after a JSON value is still JSON: only the size is wrong).
 */
export function renderBody(body: RequestBody): Buffer {
  switch (body.kind) {
    case 'json':
      return Buffer.from(toJsonText(body.value));
    case 'text':
      return Buffer.from(body.text);
    case 'bytes':
      return Buffer.from(body.bytes);
    case 'padded': {
      const json = Buffer.from(toJsonText(body.value));
      return Buffer.concat([json, Buffer.alloc(Math.max(body.toBytes - json.length, 0), 0x20)]);
    }
  }
}

/** What a report shows of a body: its start, every control and lone surrogate escaped. */
export function bodySample(body: RequestBody, maxChars = 160): string {
  const text =
    body.kind === 'json' || body.kind === 'padded'
      ? toJsonText(body.value)
      : body.kind === 'text'
        ? body.text
        : Buffer.from(body.bytes).toString('latin1');
  const shown = JSON.stringify(text.slice(0, maxChars)).slice(1, -1);
  const size = body.kind === 'padded' ? body.toBytes : Buffer.byteLength(text);
  return text.length > maxChars ? `${shown}… (${size} bytes)` : shown;
}
