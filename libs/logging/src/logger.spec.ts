import { PassThrough } from 'node:stream';
import { context, trace } from '@opentelemetry/api';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { readSettings } from '@jiceng/config';
import { createLogger, LOG_SETTINGS, type LogFormat } from './logger';

/** A logger writing into memory, and the lines it wrote. */
function capture(format: LogFormat) {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = createLogger('members', format, out);
  // pino writes synchronously to a plain stream; the text stream passes each line on at once.
  const lines = () => chunks.join('').split('\n').filter(Boolean);
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes one JSON object a line with level, time, service and msg', () => {
    const { logger, lines } = capture('json');
    logger.info('subgraph members ready');
    logger.warn({ context: 'OrgProjection' }, 'an organization event was dead-lettered');
    const [ready, warning] = lines().map((l) => JSON.parse(l));
    expect(ready).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      service: 'members',
      msg: 'subgraph members ready',
    });
    expect(warning).toMatchObject({ level: 'warn', context: 'OrgProjection' });
  });

  it('adds trace_id and span_id while a span is active, none outside', () => {
    const provider = new NodeTracerProvider();
    provider.register();
    try {
      const { logger, lines } = capture('json');
      let ids: { traceId: string; spanId: string } | undefined;
      trace.getTracer('test').startActiveSpan('request', (span) => {
        ids = span.spanContext();
        logger.info('in a request');
        span.end();
      });
      logger.info('outside');
      const [inside, outside] = lines().map((l) => JSON.parse(l));
      expect(inside).toMatchObject({ trace_id: ids!.traceId, span_id: ids!.spanId });
      expect(inside.trace_id).toMatch(/^[0-9a-f]{32}$/);
      expect(outside).not.toHaveProperty('trace_id');
      expect(outside).not.toHaveProperty('span_id');
    } finally {
      trace.disable();
      context.disable();
    }
  });

  it('writes readable text lines in development', () => {
    const { logger, lines } = capture('text');
    logger.error({ context: 'Bootstrap' }, 'could not connect');
    expect(lines()).toEqual([
      expect.stringMatching(
        /^\d{4}-\d\d-\d\dT[\d:.]+Z ERROR \[members\] could not connect context=Bootstrap$/,
      ),
    ]);
  });
});

describe('LOG_FORMAT', () => {
  const format = (env: NodeJS.ProcessEnv) => readSettings(LOG_SETTINGS, env).format;

  it('is json in production and text otherwise, unless set', () => {
    expect(format({ NODE_ENV: 'production' })).toBe('json');
    expect(format({ NODE_ENV: 'development' })).toBe('text');
    expect(format({ LOG_FORMAT: 'json' })).toBe('json');
    expect(format({ NODE_ENV: 'production', LOG_FORMAT: 'text' })).toBe('text');
  });

  it('refuses another value, naming the variable', () => {
    expect(() => format({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be json or text/);
  });
});
