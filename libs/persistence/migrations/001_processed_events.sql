-- Exactly-once effects: a consumer group records each event id in the same transaction as the
-- event's effect. A redelivered event finds its id here and has no second effect.
CREATE TABLE ferry_processed_events (
  consumer_group text        NOT NULL,
  event_id       uuid        NOT NULL,
  processed_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer_group, event_id)
);

-- Purging old rows scans by age.
CREATE INDEX ferry_processed_events_processed_at ON ferry_processed_events (processed_at);
