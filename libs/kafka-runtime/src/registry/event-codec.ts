import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import {
  ContractViolation,
  OPEN_REGISTRY,
  parseAvroSchema,
  registryTransport,
  type RegistryAccess,
  type EventContract,
  type EventEnvelope,
} from '@ferry/contracts';
import { mentionsSocketError } from '@ferry/failures';
import type { Resolver, Type } from 'avsc';
import TimeoutMiddleware from 'mappersmith/middleware/timeout';
import {
  CorruptEventError,
  SchemaNotFoundError,
  SchemaRegistryUnavailableError,
  UnknownSchemaError,
} from '../errors';
import { authorizationMiddleware } from './authorization-middleware';
import { frame, schemaIdOf, WIRE_HEADER_LENGTH } from './wire-format';

export const DEFAULT_REGISTRY_TIMEOUT_MS = 5_000;

interface ReaderFor {
  readonly writer: Type;
  readonly resolver: Resolver | undefined;
}

/**
 * Encodes and decodes events in the Confluent wire format against a Confluent-compatible schema
 * registry (Apicurio's `/apis/ccompat/v7`, Confluent Schema Registry, ...).
 *
 * Decoding reads with the consumer's own schema (Avro schema resolution), so a consumer built on
 * v1 reads v2 events and the other way round. Writer schemas are fetched once per id and kept:
 * what was fetched keeps working while the registry is down; an id never seen fails closed.
 */
export class EventCodec {
  private readonly registry: SchemaRegistry;
  private readonly readers = new Map<string, Promise<ReaderFor>>();
  /** Readers once resolved, per contract and schema id: the synchronous path of `decodeKnown`. */
  private readonly resolved = new WeakMap<EventContract<EventEnvelope>, Map<number, ReaderFor>>();
  private readonly writerTypes = new Map<number, Type>();

  /**
   * `timeoutMs` bounds each request to the registry; a registry that does not answer then fails
   * like one that is down (SchemaRegistryUnavailableError) instead of stalling a partition.
   * `access`: credentials and TLS material (default none).
   */
  constructor(
    registryUrl: string,
    timeoutMs = DEFAULT_REGISTRY_TIMEOUT_MS,
    access: RegistryAccess = OPEN_REGISTRY,
  ) {
    const transport = registryTransport(registryUrl, access);
    this.registry = new SchemaRegistry({
      host: registryUrl,
      clientId: 'ferry',
      // The consumer and the publisher's callers retry themselves; the client's own retries only
      // lengthen the wait before a frozen registry is noticed.
      retry: { retries: 1, maxRetryTimeInSecs: 1 },
      ...(transport.agent && { agent: transport.agent }),
      middlewares: [
        TimeoutMiddleware(timeoutMs),
        authorizationMiddleware(() => transport.authorization()),
      ],
    });
  }

  /** Registers `schema` under `subject` (idempotent) and returns its id. */
  async register(subject: string, schema: Readonly<Record<string, unknown>>): Promise<number> {
    try {
      const { id } = await this.registry.register(
        { type: SchemaType.AVRO, schema: JSON.stringify(schema) },
        { subject },
      );
      this.writerTypes.set(id, parseAvroSchema(schema));
      return id;
    } catch (error: unknown) {
      throw classifyRegistryError(`registering a schema under ${subject}`, error);
    }
  }

  /** Encodes `value` with the schema registered as `schemaId` by this codec. */
  encode(schemaId: number, value: unknown): Buffer {
    const type = this.writerTypes.get(schemaId);
    if (!type) throw new RangeError(`Schema ${schemaId} was not registered through this codec`);
    return frame(schemaId, type.toBuffer(value));
  }

  async decode<T extends EventEnvelope>(
    bytes: Buffer | null,
    contract: EventContract<T>,
  ): Promise<T> {
    const schemaId = schemaIdOf(bytes);
    const reader = await this.readerFor(schemaId, contract);
    return decodeWith(bytes as Buffer, schemaId, reader, contract);
  }

  /**
   * `decode` without a promise when the record's schema id was resolved for `contract` before
   * (every record but a schema's first): undefined when it was not, and `decode` must ask the
   * registry. Throws what `decode` throws for a record that is not a valid event.
   */
  decodeKnown<T extends EventEnvelope>(
    bytes: Buffer | null,
    contract: EventContract<T>,
  ): T | undefined {
    const schemaId = schemaIdOf(bytes);
    const reader = this.resolved.get(contract)?.get(schemaId);
    return reader && decodeWith(bytes as Buffer, schemaId, reader, contract);
  }

  private readerFor<T extends EventEnvelope>(
    schemaId: number,
    contract: EventContract<T>,
  ): Promise<ReaderFor> {
    const key = `${schemaId}/${contract.eventType}`;
    let reader = this.readers.get(key);
    if (!reader) {
      reader = this.resolveReader(schemaId, contract);
      this.readers.set(key, reader);
      reader.then(
        (resolved) => {
          let byId = this.resolved.get(contract);
          if (!byId) this.resolved.set(contract, (byId = new Map<number, ReaderFor>()));
          byId.set(schemaId, resolved);
        },
        () => undefined,
      );
      // A failed lookup (registry down) must be retried later, not remembered.
      reader.catch(() => this.readers.delete(key));
    }
    return reader;
  }

  private async resolveReader<T extends EventEnvelope>(
    schemaId: number,
    contract: EventContract<T>,
  ): Promise<ReaderFor> {
    const writer = await this.fetchWriterType(schemaId);
    if (writer.equals(contract.avroType)) return { writer, resolver: undefined };
    try {
      return { writer, resolver: contract.avroType.createResolver(writer) };
    } catch (error: unknown) {
      throw new UnknownSchemaError(`Schema ${schemaId} cannot be read as ${contract.eventType}`, {
        cause: error,
      });
    }
  }

  private async fetchWriterType(schemaId: number): Promise<Type> {
    const known = this.writerTypes.get(schemaId);
    if (known) return known;
    try {
      const schema = await this.registry.getSchema(schemaId);
      const type = parseAvroSchema(JSON.parse(JSON.stringify(schema)));
      this.writerTypes.set(schemaId, type);
      return type;
    } catch (error: unknown) {
      if (statusOf(error) === 404)
        throw new SchemaNotFoundError(
          schemaId,
          `Schema registry has no schema with id ${schemaId}`,
          { cause: error },
        );
      throw classifyRegistryError(`fetching schema ${schemaId}`, error);
    }
  }
}

/**
 * The event in `bytes` (framed, schema `schemaId`), read as `contract`'s type. Avro decoding
 * yields a value of the reader's shape, so only what Avro cannot promise is checked after it
 * (storable text, see `EventContract.checkDecoded`).
 */
function decodeWith<T extends EventEnvelope>(
  bytes: Buffer,
  schemaId: number,
  reader: ReaderFor,
  contract: EventContract<T>,
): T {
  let value: unknown;
  try {
    const decoded = contract.avroType.decode(bytes, WIRE_HEADER_LENGTH, reader.resolver);
    if (decoded.offset !== bytes.length)
      throw new Error(
        decoded.offset < 0
          ? 'the value ends before the event does'
          : `${bytes.length - decoded.offset} bytes left after the event`,
      );
    value = decoded.value;
  } catch (error: unknown) {
    throw new CorruptEventError(
      `Value does not decode with schema ${schemaId} as ${contract.eventType}`,
      { cause: error },
    );
  }
  try {
    return contract.checkDecoded(value);
  } catch (error: unknown) {
    if (error instanceof ContractViolation)
      throw new CorruptEventError(error.message, { cause: error });
    throw error;
  }
}

/** 404 and other refusals mean the schema does not exist for us (bad data): permanent. Anything else may pass. */
function statusOf(error: unknown): number | undefined {
  return typeof error === 'object' && error !== null && 'status' in error
    ? Number(error.status)
    : undefined;
}

const CLIENT_TIMEOUT = /\bTimeout \(\d+ms\)/;
/** Node's words for a handshake that failed: an untrusted, expired or misnamed certificate. */
function mentionsTlsFailure(reason: string): boolean {
  return /certificate|altnames|\b(TLS|SSL)\b|tlsv1/i.test(reason);
}

function classifyRegistryError(doing: string, error: unknown): Error {
  const status = statusOf(error);
  const reason = error instanceof Error ? error.message : String(error);
  const refused =
    status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
  // Refused credentials (a rotation not yet taken up) and a failed TLS handshake say nothing of
  // the event: they hold the partition like a registry that is down, never dead-letter it.
  const signInRefused = status === 401 || status === 403;
  // The registry client reports a failed connection, and its own timeout, as HTTP 400 carrying
  // the socket or TLS error or "Timeout (<n>ms)".
  if (
    refused &&
    !signInRefused &&
    !mentionsSocketError(reason) &&
    !mentionsTlsFailure(reason) &&
    !CLIENT_TIMEOUT.test(reason)
  ) {
    return new UnknownSchemaError(
      `Schema registry has no usable schema while ${doing}: ${reason}`,
      { cause: error },
    );
  }
  return new SchemaRegistryUnavailableError(
    `Schema registry unavailable while ${doing}: ${reason}`,
    { cause: error },
  );
}
