-- The latest stock per SKU and location, as the WMS (the owner) last published it.
-- source_version guards every write: an older event never replaces a newer one.
CREATE TABLE inventory_levels (
  sku             text        NOT NULL,
  location        text        NOT NULL,
  on_hand         bigint      NOT NULL,
  reserved        bigint      NOT NULL,
  available       bigint      NOT NULL,
  unit            text        NOT NULL,
  source_system   text        NOT NULL,
  source_version  bigint      NOT NULL,
  source_event_id uuid        NOT NULL,
  occurred_at     timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sku, location)
);
