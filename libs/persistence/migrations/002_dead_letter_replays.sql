-- Audit trail of dead-letter replays: who re-delivered what, when, why and how many. A row is
-- written before anything is published and finished afterwards, so a replay that crashed midway
-- shows as a row without finished_at. Dead-letter topics are append-only: this is the record of
-- what was replayed from them.
CREATE TABLE ferry_dead_letter_replays (
  replay_id    uuid        PRIMARY KEY,
  requested_by text        NOT NULL,
  -- Required for a real replay; a dry run may leave it out.
  reason       text,
  requested_at timestamptz NOT NULL,
  dlq_topic    text        NOT NULL,
  filter       jsonb       NOT NULL,
  target       text        NOT NULL,
  dry_run      boolean     NOT NULL,
  matched      integer     NOT NULL,
  replayed     integer     NOT NULL DEFAULT 0,
  finished_at  timestamptz
);

-- The audit is read newest first.
CREATE INDEX ferry_dead_letter_replays_requested_at ON ferry_dead_letter_replays (requested_at DESC);
