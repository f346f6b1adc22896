import { readErpAdapterConfig } from './config';

const required = {
  ODOO_URL: 'http://odoo:8069',
  ODOO_DATABASE: 'odoo',
  ODOO_API_KEY: 'a-key-of-the-integration-user',
  FERRY_ODOO_WEBHOOK_SECRETS: 'erp-adapter-test-secret-0001',
};

describe('ERP adapter configuration: its sinks', () => {
  it('runs the sinks with small batches, one partition at a time, by default', () => {
    expect(readErpAdapterConfig(required)).toMatchObject({
      maxBatchSize: 50,
      partitionsConcurrently: 1,
      stallAfterMs: 300_000,
      databasePoolSize: 10,
    });
  });

  it('reads the consumer options every consuming service reads', () => {
    expect(
      readErpAdapterConfig({
        ...required,
        FERRY_STALL_AFTER_MS: '5000',
        FERRY_DEDUP_RETENTION_MS: '7200000',
        FERRY_MAX_BATCH_SIZE: '20',
      }),
    ).toMatchObject({ stallAfterMs: 5000, dedupRetentionMs: 7_200_000, maxBatchSize: 20 });
  });
});
