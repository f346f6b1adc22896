-- Per-key parking, for consumers with `ordering: 'per-key'` (sinks whose writes are not guarded by
-- a version). While the head event of a key is in a retry tier or the dead-letter topic for a
-- consumer group, the later events of that key wait here, in arrival order, and are applied after
-- the head. Rows are written in the transaction that records the slice's event ids, so an event is
-- either applied, or parked, never both and never neither.
CREATE TABLE ferry_parked_keys (
  consumer_group text        NOT NULL,
  -- The topic the events were first published to (not a retry tier).
  topic          text        NOT NULL,
  entity_key     text        NOT NULL,
  -- retrying / dead-lettered: waiting for head_event_id to succeed (or for an operator release);
  -- releasing: the head is done, the parked events are being applied in order.
  state          text        NOT NULL CHECK (state IN ('retrying', 'dead-lettered', 'releasing')),
  head_event_id  uuid,
  parked_at      timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, topic, entity_key),
  CHECK ((state = 'releasing') = (head_event_id IS NULL))
);

-- The consumers look for keys to release; the operators list keys by group and state.
CREATE INDEX ferry_parked_keys_state ON ferry_parked_keys (consumer_group, topic, state);

-- The events waiting behind a parked key: the record exactly as it was consumed (key and value
-- bytes, headers), so that applying it later is the same as applying it then.
CREATE TABLE ferry_parked_events (
  -- Arrival order within a key.
  seq              bigserial   PRIMARY KEY,
  consumer_group   text        NOT NULL,
  topic            text        NOT NULL,
  entity_key       text        NOT NULL,
  event_id         uuid        NOT NULL,
  record_key       bytea,
  record_value     bytea,
  headers          jsonb       NOT NULL,
  -- Where it was consumed from (a retry tier for an event parked on its way back).
  source_partition integer     NOT NULL,
  source_offset    bigint      NOT NULL,
  record_timestamp bigint      NOT NULL,
  parked_at        timestamptz NOT NULL DEFAULT now(),
  -- A re-delivered slice parks nothing twice.
  UNIQUE (consumer_group, event_id),
  -- A key is never released while events still wait behind it.
  FOREIGN KEY (consumer_group, topic, entity_key) REFERENCES ferry_parked_keys
);

CREATE INDEX ferry_parked_events_key ON ferry_parked_events (consumer_group, topic, entity_key, seq);

-- Audit trail of operator releases: who let a parked key go on without its head, when and why.
CREATE TABLE ferry_parked_key_releases (
  release_id     uuid        PRIMARY KEY,
  consumer_group text        NOT NULL,
  topic          text        NOT NULL,
  entity_key     text        NOT NULL,
  -- The head given up on, and the state it was in.
  head_event_id  uuid        NOT NULL,
  head_state     text        NOT NULL,
  parked_events  integer     NOT NULL,
  requested_by   text        NOT NULL,
  reason         text        NOT NULL,
  released_at    timestamptz NOT NULL DEFAULT now()
);
