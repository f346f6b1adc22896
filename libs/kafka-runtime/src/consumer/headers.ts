import type { IHeaders } from '../external/kafka.interface';

/** Kafka headers as plain strings (the first value of a repeated header). */
export function headersToRecord(headers: IHeaders | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined) record[name] = value.toString();
  }
  return record;
}
