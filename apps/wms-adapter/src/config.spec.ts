import { readWmsAdapterConfig } from './config';

describe('WMS adapter configuration: FERRY_ROLE', () => {
  it('runs intake and sink by default', () => {
    expect(readWmsAdapterConfig({}).role).toBe('all');
  });

  it('refuses a sink with no WMS to write into', () => {
    expect(() => readWmsAdapterConfig({ FERRY_ROLE: 'sink' })).toThrow(
      /FERRY_ROLE=sink writes into the WMS: set FERRY_WMS_URL/,
    );
    expect(
      readWmsAdapterConfig({ FERRY_ROLE: 'sink', FERRY_WMS_URL: 'http://wms:8080' }).role,
    ).toBe('sink');
  });

  it('names the roles it knows when given another', () => {
    expect(() => readWmsAdapterConfig({ FERRY_ROLE: 'both' })).toThrow(
      /FERRY_ROLE.*all.*intake.*sink/,
    );
  });

  it('names a tracing variable the SDK would not understand', () => {
    expect(() => readWmsAdapterConfig({ OTEL_TRACES_SAMPLER: 'sometimes' })).toThrow(
      /OTEL_TRACES_SAMPLER="sometimes" is invalid/,
    );
    expect(readWmsAdapterConfig({ OTEL_TRACES_SAMPLER: 'traceidratio' }).otelSampler).toBe(
      'traceidratio',
    );
  });
});
