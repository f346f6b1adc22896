import { CorruptEventError } from '../errors';

/** Confluent wire format: magic byte 0, 4-byte big-endian schema id, then the Avro binary body. */
export const WIRE_MAGIC_BYTE = 0;
const HEADER_LENGTH = 5;

export interface FramedValue {
  readonly schemaId: number;
  readonly body: Buffer;
}

export function unframe(bytes: Buffer | null): FramedValue {
  if (bytes === null || bytes.length === 0) throw new CorruptEventError('Message has no value');
  if (bytes.length < HEADER_LENGTH)
    throw new CorruptEventError(
      `Value is ${bytes.length} bytes, shorter than the wire-format header`,
    );
  if (bytes[0] !== WIRE_MAGIC_BYTE) {
    throw new CorruptEventError(
      `Value starts with byte ${bytes[0]}, not the wire-format magic byte 0`,
    );
  }
  return { schemaId: bytes.readUInt32BE(1), body: bytes.subarray(HEADER_LENGTH) };
}

export function frame(schemaId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt8(WIRE_MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
}
