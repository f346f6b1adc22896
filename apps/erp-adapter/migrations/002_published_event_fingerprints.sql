-- Two writes of one Odoo record within a second share a write_date. The adapter keeps a
-- fingerprint of each state it published, so that a later, different state of the same second is
-- published under the next millisecond instead of being taken for the one already published.
ALTER TABLE erp_adapter_published_events ADD COLUMN fingerprint text;

CREATE INDEX erp_adapter_published_events_entity_version
  ON erp_adapter_published_events (entity, entity_id, source_version);
