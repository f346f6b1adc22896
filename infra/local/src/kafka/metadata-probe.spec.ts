import { decodeMetadataResponse, encodeMetadataRequest } from './metadata-probe';

function string(value: string | undefined): Buffer {
  if (value === undefined) return Buffer.from([0xff, 0xff]);
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(2);
  length.writeInt16BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

function int32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeInt32BE(value);
  return buffer;
}

describe('encodeMetadataRequest', () => {
  it('frames a Metadata v4 request for no topics', () => {
    const request = encodeMetadataRequest(7);
    expect(request.readInt32BE(0)).toBe(request.length - 4);
    expect(request.readInt16BE(4)).toBe(3); // api key: Metadata
    expect(request.readInt16BE(6)).toBe(4); // api version
    expect(request.readInt32BE(8)).toBe(7); // correlation id
    const clientIdLength = request.readInt16BE(12);
    expect(request.toString('utf8', 14, 14 + clientIdLength)).toBe('ferry-local-infra');
    expect(request.readInt32BE(14 + clientIdLength)).toBe(0); // empty topic array
    expect(request.readInt8(18 + clientIdLength)).toBe(0); // allow_auto_topic_creation
    expect(request.length).toBe(19 + clientIdLength);
  });
});

describe('decodeMetadataResponse', () => {
  const response = Buffer.concat([
    int32(7),
    int32(0), // throttle
    int32(2),
    int32(1),
    string('127.0.0.1'),
    int32(19092),
    string(undefined),
    int32(2),
    string('127.0.0.1'),
    int32(19094),
    string('rack-b'),
    string('cluster-a'),
    int32(1),
    int32(0), // topics
  ]);

  it('reads brokers, cluster id and controller', () => {
    expect(decodeMetadataResponse(response, 7)).toEqual({
      brokers: [
        { nodeId: 1, host: '127.0.0.1', port: 19092 },
        { nodeId: 2, host: '127.0.0.1', port: 19094 },
      ],
      clusterId: 'cluster-a',
      controllerId: 1,
    });
  });

  it('rejects an answer to another request', () => {
    expect(() => decodeMetadataResponse(response, 8)).toThrow('unexpected correlation id 7');
  });
});
