import type { Logger } from '@ferry/observability';
import type { Consumer, ConsumerRunConfig } from '../external/kafka.interface';
import { consumerMetrics } from './consumer-metrics';
import {
  joined,
  leftGroup,
  restartPauseMs,
  startingMembership,
  type Membership,
} from './membership';

/**
 * Keeps one kafkajs consumer running for as long as its owner wants it to, and knows whether it
 * is a member of its group.
 *
 * kafkajs restarts a crashed consumer only after a retriable error; after any other (such as
 * "the coordinator is not aware of this member" once a stall outlived the session) it disconnects
 * and stays down, a silent dead consumer. Here every crash leads to a restart: kafkajs' own after
 * a retriable one (paused by `beforeKafkaRestart`), ours after any other, with the same growing
 * pause, until `stop`.
 */
export class ConsumerSupervisor {
  private membership: Membership;
  private consecutiveFailures = 0;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    private readonly consumer: Consumer,
    private readonly groupId: string,
    private readonly runConfig: ConsumerRunConfig,
    private readonly logger: Logger,
    private readonly clock: () => number,
    onJoin: (assignment: Record<string, number[]>) => void,
  ) {
    this.membership = startingMembership(clock());
    const { events } = consumer;
    consumer.on(events.GROUP_JOIN, ({ payload }) => {
      this.membership = joined(this.clock());
      this.consecutiveFailures = 0;
      consumerMetrics.joins.inc({ group: groupId });
      onJoin(payload.memberAssignment);
    });
    consumer.on(events.REBALANCING, () => {
      this.membership = leftGroup(this.membership, this.clock(), 'rebalancing');
    });
    consumer.on(events.CRASH, ({ payload }) => {
      this.crashed(payload.error, payload.restart);
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.run(this.runConfig);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    await this.consumer.disconnect();
    this.membership = leftGroup(this.membership, this.clock(), 'stopped');
  }

  current(): Membership {
    return this.membership;
  }

  /** Read through a call: `stopping` changes while a restart awaits. */
  private isStopping(): boolean {
    return this.stopping;
  }

  /** Failures since start, each followed by a restart. */
  restarts(): number {
    return this.failures;
  }

  /** kafkajs' `restartOnFailure`: pauses before its own restart after a retriable crash. */
  async beforeKafkaRestart(error: Error): Promise<boolean> {
    const pauseMs = this.countFailure(error);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return !this.stopping;
  }

  private crashed(error: Error, kafkaRestarts: boolean): void {
    this.membership = leftGroup(this.membership, this.clock(), `crashed: ${error.message}`);
    if (kafkaRestarts || this.stopping) return;
    this.scheduleRestart(this.countFailure(error));
  }

  private countFailure(error: Error): number {
    this.consecutiveFailures += 1;
    this.failures += 1;
    consumerMetrics.restarts.inc({ group: this.groupId });
    const pauseMs = restartPauseMs(this.consecutiveFailures);
    this.logger.error('Kafka consumer failed; restarting it', {
      group: this.groupId,
      consecutiveFailures: this.consecutiveFailures,
      pauseMs,
      error,
    });
    return pauseMs;
  }

  private scheduleRestart(pauseMs: number): void {
    if (this.restartTimer !== undefined) return;
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      void this.restart();
    }, pauseMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      // A failure inside `run` reaches kafkajs' crash handler, and so `crashed` again.
      await this.start();
      // Stopped while it was starting: the stop's disconnect may have come first.
      if (this.isStopping()) await this.consumer.disconnect();
    } catch (error: unknown) {
      const failure = error instanceof Error ? error : new Error(String(error));
      this.membership = leftGroup(
        this.membership,
        this.clock(),
        `restart failed: ${failure.message}`,
      );
      this.scheduleRestart(this.countFailure(failure));
    }
  }
}
