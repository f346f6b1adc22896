/**
 * JSON text as Python's `json.dumps(value, sort_keys=True)` writes it, which is how Odoo's webhook
 * action serializes its payload: keys sorted, ", " and ": " separators, non-ASCII as \uXXXX.
 * Receivers must verify signatures over these exact bytes, not over a re-serialization.
 */
export function pythonJsonDumps(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NaN';
  if (typeof value === 'string') return asciiString(value);
  if (Array.isArray(value))
    return `[${value.map((item: unknown) => pythonJsonDumps(item)).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${asciiString(key)}: ${pythonJsonDumps(item)}`).join(', ')}}`;
  }
  return typeof value === 'bigint' ? value.toString() : 'null';
}

function asciiString(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
