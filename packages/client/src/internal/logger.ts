/** How much the client logs: nothing (`off`, the default), failures, retries, every attempt, or all. */
export type LogLevel = 'off' | 'error' | 'warn' | 'info' | 'debug';

/** Where the client logs: `console` by default, or any object with these four methods (pino, winston, ...). */
export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  debug(message: string, ...details: unknown[]): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ['off', 'error', 'warn', 'info', 'debug'];

/**
 * Logs one line at a level; lines above the client's level are dropped. Never given credentials.
 * `enabled(level)` says whether a line would be kept, so that a hot path builds none for nothing.
 */
export type Log = ((level: Exclude<LogLevel, 'off'>, message: string, details?: object) => void) & {
  enabled(level: Exclude<LogLevel, 'off'>): boolean;
};

export function createLog(level: LogLevel, logger: Logger): Log {
  const max = LOG_LEVELS.indexOf(level);
  const enabled = (at: Exclude<LogLevel, 'off'>) => LOG_LEVELS.indexOf(at) <= max;
  const log = (at: Exclude<LogLevel, 'off'>, message: string, details?: object) => {
    if (enabled(at)) logger[at](`[insightiq-profiles-client] ${message}`, details);
  };
  return Object.assign(log, { enabled });
}
