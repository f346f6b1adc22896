import { CorruptEventError } from '../errors';

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
export const WIRE_MAGIC_BYTE = 0;
export const WIRE_HEADER_LENGTH = 5;

export interface FramedValue {
  readonly schemaId: number;
  readonly body: Buffer;
}

export function unframe(bytes: Buffer | null): FramedValue {
  return { schemaId: schemaIdOf(bytes), body: (bytes as Buffer).subarray(WIRE_HEADER_LENGTH) };
}

/** The schema id of a framed value, once its header is checked; throws CorruptEventError. */
export function schemaIdOf(bytes: Buffer | null): number {
  if (bytes === null || bytes.length === 0) throw new CorruptEventError('Message has no value');
  if (bytes.length < WIRE_HEADER_LENGTH)
    throw new CorruptEventError(
      `Value is ${bytes.length} bytes, shorter than the wire-format header`,
    );
  if (bytes[0] !== WIRE_MAGIC_BYTE) {
    throw new CorruptEventError(
      `Value starts with byte ${bytes[0]}, not the wire-format magic byte 0`,
    );
  }
  return bytes.readUInt32BE(1);
}

export function frame(schemaId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(WIRE_HEADER_LENGTH);
  header.writeUInt8(WIRE_MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
}
