export const USAGE = `Usage: npm run ops -- <command> [options]

Commands:
  dlq list   --topic <dlq> [filters] [--limit N] [--json]
             Dead-lettered records matching the filters, oldest first per partition.
  dlq replay --topic <dlq> [filters | --all] --reason "<why>" [--rate 50]
             [--to original|consumer] [--dry-run] [--json]
             Re-delivers the matching records: to their original topic (every group sees them
             again; groups that applied them skip them by event id) or, with --to consumer, to
             the first retry topic for the group that failed only. Records stay in the DLQ; an
             audit row records who (the Postgres role you connect as), when, why and how many.
  dlq audit  [--topic <dlq>] [--limit 20] [--json]
             The latest replays, newest first.
  parked list    [--group <id>] [--topic <t>] [--key <key>] [--state <s>] [--limit 50] [--json]
             Keys of per-key ordered consumers waiting for their head event (state retrying or
             dead-lettered) or being released, with how many events wait behind each.
  parked release --group <id> --topic <t> --key <key> --reason "<why>" [--json]
             Lets the key go on without its head: the group's consumers apply the parked events
             in order (within their sweep interval). Replay the head instead to keep the order.
  acls plan  [--json]
             The Kafka ACLs derived from the ownership map and each service's declared
             publications and consumptions, and what applying them would create and delete.
  acls apply [--execute [--reason "<why>"]] [--json]
             Without --execute, the same dry run as plan. With it, creates the missing ACLs and
             deletes those of Ferry's principals that are no longer derived (run as an admin
             principal: KAFKA_SASL_USERNAME / KAFKA_SSL_CERT_FILE of a super user) and records
             the change in the operators' audit (ferry_operator_actions).

Filters (all given must match):
  --offset P:O            exactly the record at partition P, offset O of the DLQ
  --group <id>            consumer group that failed
  --original-topic <t>    topic the record was first published to
  --error-class <name>    e.g. UnknownSchemaError
  --error-kind <kind>     transient | permanent | programmer
  --fingerprint <hash>    failures of the same shape
  --key <key>             record key (entity id)
  --since <time>          failed at or after this ISO-8601 time
  --until <time>          failed before this ISO-8601 time

Other options:
  --verbose               log Kafka client warnings to stderr
  --help                  this text

dlq list, acls plan and acls apply without --execute need no Postgres; every other command runs
as an operator: the Postgres role DATABASE_URL logs in as (your own, password from PGPASSFILE or a
client certificate) must be a member of
FERRY_DB_OPERATOR_ROLE (default ferry_operator); the audit records that role.

Environment: KAFKA_BROKERS (and KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*), DATABASE_URL,
FERRY_DB_SCHEMA, FERRY_DB_OPERATOR_ROLE, PGPASSFILE.`;
