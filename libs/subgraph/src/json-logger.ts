import type { LoggerService } from '@nestjs/common';
import { createLogger, type LogFormat, type Logger } from '@jiceng/logging';

type Level = 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal';

/**
 * Nest's logger on pino (@jiceng/logging): JSON lines in production, text in development, with
 * the trace of the active span. Nest's trailing string argument is the context (the class that
 * logs); an error's second one its stack.
 */
export class JsonLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(service: string, format: LogFormat, destination?: NodeJS.WritableStream) {
    this.logger = createLogger(service, format, destination);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const rest = [...params];
    const context = rest.length && typeof rest.at(-1) === 'string' ? rest.pop() : undefined;
    const stack = level === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = {};
    if (context) fields.context = context;
    // pino's error serializer gives an Error's type, message and stack.
    if (message instanceof Error) fields.err = message;
    else if (stack) fields.stack = stack;
    const msg =
      message instanceof Error
        ? message.message
        : typeof message === 'string'
          ? message
          : JSON.stringify(message);
    this.logger[level](fields, msg);
  }
}
