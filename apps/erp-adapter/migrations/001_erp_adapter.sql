-- Webhook deliveries already taken, by delivery id (model + record + write_date, or the signed
-- timestamp + body hash): a replayed or duplicated delivery is answered without reading Odoo.
-- Kept for a retention period (FERRY_ODOO_WEBHOOK_DELIVERY_RETENTION_MS), then purged.
CREATE TABLE erp_adapter_webhook_deliveries (
  delivery_id uuid PRIMARY KEY,
  model text NOT NULL,
  record_id text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX erp_adapter_webhook_deliveries_received_at
  ON erp_adapter_webhook_deliveries (received_at);

-- Events this adapter put on Kafka, by event id: the webhook and the catch-up poll read the same
-- change under the same event id, and the second one to see it publishes nothing.
CREATE TABLE erp_adapter_published_events (
  event_id uuid PRIMARY KEY,
  entity text NOT NULL,
  entity_id text NOT NULL,
  source_version bigint NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX erp_adapter_published_events_published_at
  ON erp_adapter_published_events (published_at);

-- Where catch-up reading of each stream (ERP + entity) stopped: Odoo's own (write_date, id).
CREATE TABLE erp_adapter_cursors (
  stream text PRIMARY KEY,
  cursor jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The integration log of writes into the ERP, by correlation id (the event id). Recorded right
-- after the ERP answered, outside the consumer's transaction, so that a redelivered event finds
-- the earlier result even when the rest of its batch rolled back.
CREATE TABLE erp_adapter_writes (
  correlation_id uuid PRIMARY KEY,
  operation text NOT NULL,
  erp_record_id text NOT NULL,
  outcome text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);

-- Newest inventory level version written into the ERP per (sku, location) entity id: an older
-- level (from a retry tier) never overwrites a newer one.
CREATE TABLE erp_adapter_inventory_versions (
  entity_id text PRIMARY KEY,
  source_version bigint NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now()
);
