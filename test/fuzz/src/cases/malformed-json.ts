import type { MalformedJson } from './fuzz-case';

/**
 * `json` spoilt the way `how` says; `at` (0 to 1) places a truncation. Every form but `empty`
 * and `bom` is text no JSON parser accepts (an empty body reads as `{}`, and a UTF-8 byte order
 * mark is dropped by the decoder).
 */
export function malformedJsonText(json: string, how: MalformedJson, at: number): string {
  switch (how) {
    case 'truncated':
      return json.slice(0, 1 + Math.floor(at * Math.max(json.length - 2, 0)));
    case 'trailing-garbage':
      return `${json}}`;
    case 'trailing-comma':
      return json.replace(/([}\]])$/, ',$1');
    case 'single-quotes':
      return json.replaceAll('"', "'");
    case 'unquoted-key':
      return json.replace(/"([^"\\]+)":/, '$1:');
    case 'nan-literal':
      return json.replace(/^([[{])/, json.startsWith('{') ? '{"nan":NaN,' : '[NaN,');
    case 'comment':
      return `/* fuzz */${json}`;
    case 'bom':
      return `\ufeff${json}`;
    case 'empty':
      return '';
    case 'lone-brace':
      return '{';
  }
}

/** Whether a JSON parser is bound to refuse what `malformedJsonText` made. */
export function isUnparsable(how: MalformedJson): boolean {
  return how !== 'empty' && how !== 'bom';
}
