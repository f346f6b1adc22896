import type { LogFields } from './log-context';
import { logCorrelation } from './tracing/log-correlation';

/**
 * Structured log lines (one JSON object per line on stdout/stderr), so that a log shipper can
 * index every field. Libraries take a `Logger`; services pass `jsonLogger(name)`. A line written
 * inside a span carries its `trace_id` and `span_id`, and inside an event's work its `event_id`.
 */
export type { LogFields };

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

function threshold(): number {
  const configured = (process.env['FERRY_LOG_LEVEL'] ?? 'info').toLowerCase();
  return configured in LEVELS ? LEVELS[configured as Level] : LEVELS.info;
}

export function jsonLogger(component: string): Logger {
  const min = threshold();
  const write = (level: Level, message: string, fields?: LogFields): void => {
    if (LEVELS[level] < min) return;
    const line = JSON.stringify(
      { time: new Date().toISOString(), level, component, message, ...logCorrelation(), ...fields },
      errorReplacer,
    );
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return {
    debug: (m, f) => {
      write('debug', m, f);
    },
    info: (m, f) => {
      write('info', m, f);
    },
    warn: (m, f) => {
      write('warn', m, f);
    },
    error: (m, f) => {
      write('error', m, f);
    },
  };
}

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error)
    return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
