import { counter, gauge } from '@ferry/observability';

export const consumerMetrics = {
  restarts: counter(
    'ferry_consumer_restarts_total',
    'Times a Kafka consumer failed and was restarted',
    ['group'],
  ),
  joins: counter(
    'ferry_consumer_group_joins_total',
    'Times a consumer joined its group (each rebalance it takes part in counts once)',
    ['group'],
  ),
  offsetCommitFailures: counter(
    'ferry_consumer_offset_commit_failures_total',
    'Offset commits Kafka refused or did not answer; their offsets go with the next commit',
    ['group'],
  ),
  events: counter('ferry_consumer_events_total', 'Events handled by a consumer, by outcome', [
    'group',
    'topic',
    'outcome',
  ]),
  deadLettered: counter(
    'ferry_consumer_dead_lettered_total',
    'Events sent to the dead-letter topic',
    ['group', 'topic', 'error'],
  ),
  lag: gauge(
    'ferry_consumer_fetch_lag_records',
    "Records behind the end of each partition this instance consumes, as this instance saw it at its last fetch (Kafka's lag of the whole group: the lag exporter's ferry_consumergroup_lag_records)",
    ['group', 'topic', 'partition'],
  ),
  unknownSchemas: gauge(
    'ferry_consumer_unknown_schema_ids',
    'Schema ids the registry does not know, on which a consumer holds its partitions',
    ['group', 'topic'],
  ),
  parkedKeys: gauge(
    'ferry_consumer_parked_keys',
    'Keys of a per-key ordered consumer waiting for their head event (retrying, dead-lettered) or being released; the same group-wide number on every instance',
    ['group', 'topic', 'state'],
  ),
  parkedEvents: gauge(
    'ferry_consumer_parked_events',
    'Events of a per-key ordered consumer waiting behind the head event of their key',
    ['group', 'topic'],
  ),
};
