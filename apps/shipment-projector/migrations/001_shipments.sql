-- Where each shipment stands, as the WMS (the owner) last published it. source_version orders
-- statuses by their progression first (see apps/wms-adapter), so the guard below also keeps a
-- shipment from moving backwards when updates arrive out of order.
CREATE TABLE shipments (
  shipment_id           text        PRIMARY KEY,
  order_id              text        NOT NULL,
  status                text        NOT NULL,
  carrier               text,
  tracking_number       text,
  status_at             timestamptz NOT NULL,
  estimated_delivery_at timestamptz,
  source_version        bigint      NOT NULL,
  source_event_id       uuid        NOT NULL,
  updated_at            timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX shipments_order_id ON shipments (order_id);
