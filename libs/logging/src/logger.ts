import { Writable } from 'node:stream';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger } from 'pino';
import { SettingProblem, type Setting } from '@jiceng/config';

export type LogFormat = 'json' | 'text';
export type { Logger };

export const LOG_SETTINGS = {
  format: {
    variable: 'LOG_FORMAT',
    doc: 'json (one JSON object a line, for a log collector) or text; json when NODE_ENV=production',
    parse(raw, env) {
      if (!raw) return env.NODE_ENV === 'production' ? 'json' : 'text';
      return raw === 'json' || raw === 'text' ? raw : new SettingProblem('must be json or text');
    },
  } satisfies Setting<LogFormat>,
};

/**
 * The trace and span of the active OpenTelemetry span, which tie a line to its request's trace;
 * none without an SDK registered (the API then has no active span).
 */
function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && isSpanContextValid(span) ? { trace_id: span.traceId, span_id: span.spanId } : {};
}

/** Development's text line: time, level, service, the message, then any other field. */
function textLine(line: string): string {
  const { time, level, service, msg, ...fields } = JSON.parse(line) as Record<string, unknown>;
  const rest = Object.entries(fields).map(
    ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  return `${String(time)} ${String(level).toUpperCase().padEnd(5)} [${String(service)}] ${String(msg ?? '')}${rest.length ? ` ${rest.join(' ')}` : ''}\n`;
}

function textStream(out: NodeJS.WritableStream): DestinationStream {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.write(textLine(chunk.toString()));
      done();
    },
  });
}

/**
 * A process's logger: `level`, `time` (ISO), `service`, `msg` and, in a traced request,
 * `trace_id` and `span_id`, as one JSON object a line or as a text line (LOG_FORMAT). Callers
 * log what happened and ids, never request bodies or personal data.
 */
export function createLogger(
  service: string,
  format: LogFormat,
  destination: NodeJS.WritableStream = process.stdout,
): Logger {
  return pino(
    {
      base: { service },
      level: 'info',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: traceFields,
    },
    format === 'json' ? (destination as DestinationStream) : textStream(destination),
  );
}
