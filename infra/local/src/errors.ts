import { FerryError } from '@ferry/failures';
/**
 * Every failure of the local infrastructure is a LocalInfraError: its message says what went
 * wrong, its hint what the developer can do about it. The CLI prints both and exits non-zero.
 */
export class LocalInfraError extends FerryError {
  constructor(
    message: string,
    readonly hint?: string,
    options?: { cause?: unknown },
  ) {
    super(message, 'permanent', options);
  }
}

/** A tool Ferry needs (Java, Maven) is missing or too old. */
export class ToolMissingError extends LocalInfraError {
  constructor(message: string, hint: string) {
    super(message, hint);
    this.name = 'ToolMissingError';
  }
}

/** A process died or did not become ready; carries its log file and last lines. */
export class StartupFailedError extends LocalInfraError {
  constructor(
    readonly service: string,
    reason: string,
    readonly logFile: string,
    readonly lastLines: readonly string[],
  ) {
    super(
      `${service} ${reason}. Log: ${logFile}\n--- last lines ---\n${lastLines.join('\n')}`,
      `Full log: ${logFile}`,
    );
    this.name = 'StartupFailedError';
  }
}

export class PortInUseError extends LocalInfraError {
  constructor(service: string, port: number, envVariable: string) {
    super(
      `${service}: port ${port} on 127.0.0.1 is in use by a process Ferry did not start`,
      `Stop that process or choose another port with ${envVariable}.`,
    );
    this.name = 'PortInUseError';
  }
}
