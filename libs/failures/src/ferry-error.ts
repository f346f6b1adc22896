import { isRetriableKind, type FailureKind } from './failure-kind';

/**
 * The root of every error a Ferry library or service raises on purpose. Each says what it means
 * (`kind`, from which `retriable` follows) and keeps what caused it (`cause`), so that whoever
 * meets it — the consumer runtime routing an event, an HTTP service answering, the ops CLI
 * explaining — reads these two facts and never the error's class or message.
 */
export class FerryError extends Error {
  constructor(
    message: string,
    readonly kind: FailureKind,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  get retriable(): boolean {
    return isRetriableKind(this.kind);
  }
}
