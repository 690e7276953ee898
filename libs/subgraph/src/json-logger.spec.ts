import { PassThrough } from 'node:stream';
import { Logger } from '@nestjs/common';
import { JsonLogger } from './json-logger';

function capture() {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = new JsonLogger('credit', 'json', out);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines };
}

describe('JsonLogger', () => {
  it("gives Nest's messages level, time, service, msg and their context", () => {
    const { logger, lines } = capture();
    logger.log('ledger consumers started (3)', 'LedgerConsumer');
    logger.warn('an event of jiceng.members.lifecycle.v1 was dead-lettered', 'LedgerConsumer');
    expect(lines()).toEqual([
      {
        level: 'info',
        time: expect.any(String),
        service: 'credit',
        msg: 'ledger consumers started (3)',
        context: 'LedgerConsumer',
      },
      expect.objectContaining({ level: 'warn', context: 'LedgerConsumer' }),
    ]);
  });

  it("keeps an error's stack, given as Nest gives it or as an Error", () => {
    const { logger, lines } = capture();
    logger.error('request failed', 'Error: boom\n    at x', 'ExceptionsHandler');
    logger.error(new Error('kaput'), 'Bootstrap');
    const [fromNest, fromError] = lines();
    expect(fromNest).toMatchObject({
      level: 'error',
      msg: 'request failed',
      stack: 'Error: boom\n    at x',
      context: 'ExceptionsHandler',
    });
    expect(fromError).toMatchObject({
      msg: 'kaput',
      context: 'Bootstrap',
      err: { type: 'Error', message: 'kaput', stack: expect.stringContaining('kaput') },
    });
  });

  it("serves Nest's Logger instances once the app uses it", () => {
    const { logger, lines } = capture();
    Logger.overrideLogger(logger);
    try {
      new Logger('OrgProjection').log('caught up');
    } finally {
      Logger.overrideLogger(true);
    }
    expect(lines()).toEqual([
      expect.objectContaining({ msg: 'caught up', context: 'OrgProjection', service: 'credit' }),
    ]);
  });
});
