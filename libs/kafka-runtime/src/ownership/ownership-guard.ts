import {
  AllTopics,
  FerryHeaders,
  mayPublish,
  mayWriteInto,
  ownerOf,
  type Entity,
  type TopicSpec,
} from '@ferry/contracts';
import { counter } from '@ferry/observability';
import { FerryError } from '@ferry/failures';

export const ownershipMetrics = {
  refused: counter(
    'ferry_ownership_refusals_total',
    'Changes refused because the system that sent them does not own the entity',
    ['system', 'entity'],
  ),
  echoes: counter(
    'ferry_sink_echoes_dropped_total',
    'Events a sink dropped because they originated in the system it writes to',
    ['target', 'entity'],
  ),
};

/**
 * A system tried to publish an entity it does not own (an ERP inventory adjustment, say). Never
 * retried: the same change would be refused again. Nothing of it was produced.
 */
export class OwnershipViolation extends FerryError {
  constructor(
    readonly system: string,
    readonly entity: Entity,
  ) {
    super(
      `${system} does not own ${entity}: only ${ownerOf(entity)} publishes it, ` +
        `so a change from ${system} is refused`,
      'permanent',
    );
  }
}

/** The catalog topic that carries `eventType`; an event type outside the catalog has no owner. */
export function catalogTopicOf(eventType: string): TopicSpec {
  const spec = AllTopics.find((topic) => topic.eventType === eventType);
  if (!spec) {
    throw new Error(
      `${eventType} is not in the topic catalog (libs/contracts/src/catalog/topics.ts), ` +
        'so it has no owner and cannot be published',
    );
  }
  return spec;
}

/** Refuses (counted, then thrown) a change of `entity` that `system` sent but does not own. */
export function refuseUnlessOwner(system: string, entity: Entity): void {
  if (mayPublish(system, entity)) return;
  ownershipMetrics.refused.inc({ system, entity });
  throw new OwnershipViolation(system, entity);
}

/**
 * What a sink that writes into `target` does with one event: write it, or drop it as an echo
 * (the event came from `target` itself; writing it back would start a sync loop). Constructing a
 * sink for an entity `target` owns is a configuration error and throws at once.
 */
export class SinkGuard {
  constructor(
    readonly target: string,
    readonly entity: Entity,
  ) {
    if (!mayWriteInto(target, entity)) {
      throw new Error(
        `A sink may not write ${entity} into ${target}: ${ownerOf(entity)} owns it and ` +
          `${target} is not one of its receivers`,
      );
    }
  }

  /** True when the event must be dropped; counts it. */
  isEcho(headers: Readonly<Record<string, string>>, sourceSystem: string): boolean {
    const origin = headers[FerryHeaders.originSystem] ?? sourceSystem;
    if (origin !== this.target && sourceSystem !== this.target) return false;
    ownershipMetrics.echoes.inc({ target: this.target, entity: this.entity });
    return true;
  }
}
