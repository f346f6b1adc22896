import { createHash } from 'node:crypto';

/** Namespace of Ferry event ids (a fixed random UUID; never change it: ids would change too). */
export const FERRY_EVENT_NAMESPACE = '6f1c2d0e-8b5a-4c7e-9d3f-2a4b6c8d0e1f';

/**
 * The id of the event that carries version `sourceVersion` of `entityId` from `sourceSystem`:
 * a name-based UUID (RFC 9562 version 5), so the same change published twice, by a retry or a
 * replayed webhook, is the same event and is applied once. It doubles as the correlation id of
 * every write the change causes downstream.
 */
export function deriveEventId(
  sourceSystem: string,
  entityId: string,
  sourceVersion: number | bigint,
): string {
  const name = `${sourceSystem}\u001f${entityId}\u001f${sourceVersion.toString()}`;
  return uuidV5(name, FERRY_EVENT_NAMESPACE);
}

export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`Not a UUID: ${namespace}`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
