import { readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { connect as connectTls } from 'node:tls';

/**
 * A Kafka Metadata request (v4) spoken over a bare socket: enough to prove a broker answers at
 * the protocol level and sees its peers, without the Kafka client (which lives only in the
 * Kafka runtime lib).
 */
const METADATA_API_KEY = 3;
const METADATA_VERSION = 4;
const CLIENT_ID = 'ferry-local-infra';

export interface ClusterMetadata {
  readonly brokers: ReadonlyArray<{
    readonly nodeId: number;
    readonly host: string;
    readonly port: number;
  }>;
  readonly clusterId: string | undefined;
  readonly controllerId: number;
}

export function encodeMetadataRequest(correlationId: number): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length + 4 + 1);
  let at = body.writeInt16BE(METADATA_API_KEY, 0);
  at = body.writeInt16BE(METADATA_VERSION, at);
  at = body.writeInt32BE(correlationId, at);
  at = body.writeInt16BE(clientId.length, at);
  at += clientId.copy(body, at);
  at = body.writeInt32BE(0, at); // no topics: we only want the brokers
  body.writeInt8(0, at); // allow_auto_topic_creation = false
  const frame = Buffer.alloc(4);
  frame.writeInt32BE(body.length, 0);
  return Buffer.concat([frame, body]);
}

/** Decodes a response frame without its 4-byte size prefix. */
export function decodeMetadataResponse(
  payload: Buffer,
  expectedCorrelationId: number,
): ClusterMetadata {
  const reader = new Reader(payload);
  const correlationId = reader.int32();
  if (correlationId !== expectedCorrelationId)
    throw new Error(`unexpected correlation id ${correlationId}`);
  reader.int32(); // throttle_time_ms
  const count = reader.int32();
  const brokers = [];
  for (let index = 0; index < count; index++) {
    const nodeId = reader.int32();
    const host = reader.string() ?? '';
    const port = reader.int32();
    reader.string(); // rack
    brokers.push({ nodeId, host, port });
  }
  const clusterId = reader.string();
  const controllerId = reader.int32();
  return { brokers, clusterId, controllerId };
}

/** A client certificate for a mutual-TLS listener, and the CA its server certificate comes from. */
export interface ProbeTls {
  readonly caFile: string;
  readonly certFile: string;
  readonly keyFile: string;
}

/**
 * Asks the broker at host:port for cluster metadata; rejects on any network or protocol failure.
 * With `tls`, over mutual TLS (a secured node's MTLS listener), the server certificate checked.
 */
export function fetchClusterMetadata(
  host: string,
  port: number,
  timeoutMs = 2000,
  tls?: ProbeTls,
): Promise<ClusterMetadata> {
  const correlationId = Math.floor(Math.random() * 0x7fffffff);
  return new Promise((resolve, reject) => {
    const socket =
      tls === undefined
        ? createConnection({ host, port })
        : connectTls({
            host,
            port,
            ca: readFileSync(tls.caFile),
            cert: readFileSync(tls.certFile),
            key: readFileSync(tls.keyFile),
            rejectUnauthorized: true,
          });
    let received = Buffer.alloc(0);
    const finish = (error: Error | undefined, metadata?: ClusterMetadata): void => {
      socket.destroy();
      if (metadata !== undefined) resolve(metadata);
      else reject(error ?? new Error('no metadata'));
    };
    socket.setTimeout(timeoutMs, () => {
      finish(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`));
    });
    socket.once('error', (error: Error) => {
      finish(error);
    });
    socket.once('close', () => {
      finish(new Error(`${host}:${port} closed the connection`));
    });
    socket.once(tls === undefined ? 'connect' : 'secureConnect', () =>
      socket.write(encodeMetadataRequest(correlationId)),
    );
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4) return;
      const size = received.readInt32BE(0);
      if (received.length < 4 + size) return;
      try {
        finish(undefined, decodeMetadataResponse(received.subarray(4, 4 + size), correlationId));
      } catch (error: unknown) {
        finish(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

class Reader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  int32(): number {
    const value = this.buffer.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  string(): string | undefined {
    const length = this.buffer.readInt16BE(this.offset);
    this.offset += 2;
    if (length < 0) return undefined;
    const value = this.buffer.toString('utf8', this.offset, this.offset + length);
    this.offset += length;
    return value;
  }
}
