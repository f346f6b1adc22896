-- Operators are known by the role Postgres authenticated (session_user), never by a name they type.
-- The audit tables record it themselves: whatever a client sends, a new row names the session's
-- role, and no update changes it, so no role can write a row in another's name. Rows written before
-- this migration keep the free-text name given then (requested_by) and have no operator.
ALTER TABLE ferry_dead_letter_replays ADD COLUMN operator text;
ALTER TABLE ferry_dead_letter_replays ALTER COLUMN requested_by DROP NOT NULL;
ALTER TABLE ferry_parked_key_releases ADD COLUMN operator text;
ALTER TABLE ferry_parked_key_releases ALTER COLUMN requested_by DROP NOT NULL;

-- Any other audited operation (ACL apply, …): what was done, why, and the operation's own details.
CREATE TABLE ferry_operator_actions (
  action_id   uuid        PRIMARY KEY,
  operator    text        NOT NULL,
  action      text        NOT NULL,
  reason      text,
  detail      jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX ferry_operator_actions_recorded_at ON ferry_operator_actions (recorded_at DESC);

CREATE FUNCTION ferry_record_session_operator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.operator := session_user;
  ELSE
    NEW.operator := OLD.operator;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER ferry_dead_letter_replays_operator
  BEFORE INSERT OR UPDATE ON ferry_dead_letter_replays
  FOR EACH ROW EXECUTE FUNCTION ferry_record_session_operator();

CREATE TRIGGER ferry_parked_key_releases_operator
  BEFORE INSERT OR UPDATE ON ferry_parked_key_releases
  FOR EACH ROW EXECUTE FUNCTION ferry_record_session_operator();

CREATE TRIGGER ferry_operator_actions_operator
  BEFORE INSERT OR UPDATE ON ferry_operator_actions
  FOR EACH ROW EXECUTE FUNCTION ferry_record_session_operator();
