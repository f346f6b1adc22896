import { tracesExportConfigured, tracingDisabled } from './trace-export';

describe('trace export settings', () => {
  it('exports only when an endpoint or an exporter is named', () => {
    expect(tracesExportConfigured({})).toBe(false);
    expect(tracesExportConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBe(false);
    expect(tracesExportConfigured({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(
      true,
    );
    expect(
      tracesExportConfigured({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' }),
    ).toBe(true);
    expect(tracesExportConfigured({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true);
  });

  it('is switched off by OTEL_SDK_DISABLED=true alone', () => {
    expect(tracingDisabled({ OTEL_SDK_DISABLED: 'true' })).toBe(true);
    expect(tracingDisabled({ OTEL_SDK_DISABLED: 'TRUE' })).toBe(true);
    expect(tracingDisabled({ OTEL_SDK_DISABLED: 'false' })).toBe(false);
    expect(tracingDisabled({})).toBe(false);
  });
});
