-- Requests by Idempotency-Key: the same key and body get the stored answer again; the same key
-- with another body is refused. A pending row is a request in flight (or one whose process died).
CREATE TABLE order_api_idempotency_keys (
  idempotency_key text PRIMARY KEY,
  request_hash text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'completed')),
  status_code integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);

CREATE INDEX order_api_idempotency_keys_created_at ON order_api_idempotency_keys (created_at);

-- Every order placed, by its external id: one order is one event, whatever key it came with.
-- Claimed with the request, confirmed once Kafka acknowledged its event.
CREATE TABLE order_api_orders (
  external_order_id text PRIMARY KEY,
  request_hash text NOT NULL,
  event_id uuid NOT NULL,
  confirmed boolean NOT NULL DEFAULT false,
  placed_at timestamptz NOT NULL DEFAULT now()
);
