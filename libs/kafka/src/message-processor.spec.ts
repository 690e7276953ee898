import {
  createEvent,
  organizationLifecycleV1,
  type CloudEvent,
  type OrganizationLifecycleV1,
} from '@jiceng/events';
import { processBatch, type BatchHandler } from './batch-processor';
import type { OutgoingMessage } from './event-producer';
import { processMessage, type EventHandler, type ReceivedMessage } from './message-processor';

const data: OrganizationLifecycleV1 = {
  organizationId: '6b02d8672a6584f6ec021221',
  version: 1,
  name: '运河区委',
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '130903',
  status: 'ACTIVE',
  parentId: null,
  ancestorIds: [],
  changedFields: ['*'],
};

const message = (value: string | null, offset = '7'): ReceivedMessage => ({
  topic: organizationLifecycleV1.topic,
  partition: 2,
  offset,
  key: Buffer.from(data.organizationId),
  value: value === null ? null : Buffer.from(value),
});
const validEvent = () =>
  createEvent(organizationLifecycleV1, {
    type: 'jiceng.organizations.organization.created',
    subject: data.organizationId,
    data,
  });

/** A handler whose effect store has a unique event id, as the Mongo effect collections do. */
function storingHandler() {
  const effects = new Map<string, CloudEvent<OrganizationLifecycleV1>>();
  const handler: EventHandler<OrganizationLifecycleV1> = async (event) => {
    if (effects.has(event.id)) return 'duplicate';
    effects.set(event.id, event);
    return 'applied';
  };
  return { effects, handler };
}

function ports() {
  const dead: { topic: string; message: OutgoingMessage }[] = [];
  const sleeps: number[] = [];
  return {
    dead,
    sleeps,
    ports: {
      sendToDlq: async (topic: string, m: OutgoingMessage) => void dead.push({ topic, message: m }),
      sleep: async (ms: number) => void sleeps.push(ms),
    },
  };
}

const retry = { attempts: 3, backoffMs: 100 };

describe('processMessage', () => {
  it('stores an effect once however often the same event is delivered', async () => {
    const { effects, handler } = storingHandler();
    const { dead, ports: p } = ports();
    const event = validEvent();
    const raw = JSON.stringify(event);
    expect(
      await processMessage(message(raw, '1'), organizationLifecycleV1, handler, 'g', retry, p),
    ).toBe('applied');
    expect(
      await processMessage(message(raw, '2'), organizationLifecycleV1, handler, 'g', retry, p),
    ).toBe('duplicate');
    expect(effects.size).toBe(1);
    expect(dead).toEqual([]);
  });

  it('sends a message that breaks its contract to the DLQ at once, with the reason', async () => {
    const { handler, effects } = storingHandler();
    const { dead, sleeps, ports: p } = ports();
    const result = await processMessage(
      message('{"specversion":"1.0"}'),
      organizationLifecycleV1,
      handler,
      'credit',
      retry,
      p,
    );
    expect(result).toBe('dead-lettered');
    expect(effects.size).toBe(0);
    expect(sleeps).toEqual([]);
    expect(dead).toHaveLength(1);
    expect(dead[0].topic).toBe(`${organizationLifecycleV1.topic}.dlq`);
    expect(dead[0].message.headers).toMatchObject({
      'x-dlq-source-topic': organizationLifecycleV1.topic,
      'x-dlq-source-partition': '2',
      'x-dlq-source-offset': '7',
      'x-dlq-consumer-group': 'credit',
      'x-dlq-attempts': '0',
    });
    expect(String(dead[0].message.headers?.['x-dlq-error'])).toMatch(/Invalid CloudEvent/);
    expect(dead[0].message.value).toBe('{"specversion":"1.0"}');
  });

  it('retries a failing handler with backoff, then dead-letters it and moves on', async () => {
    let calls = 0;
    const failing: EventHandler<OrganizationLifecycleV1> = async () => {
      calls++;
      throw new Error('ledger unavailable');
    };
    const { dead, sleeps, ports: p } = ports();
    expect(
      await processMessage(
        message(JSON.stringify(validEvent())),
        organizationLifecycleV1,
        failing,
        'g',
        retry,
        p,
      ),
    ).toBe('dead-lettered');
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
    expect(dead[0].message.headers).toMatchObject({
      'x-dlq-attempts': '3',
      'x-dlq-error': 'Error: ledger unavailable',
    });
  });

  it('recovers when a retry succeeds', async () => {
    let calls = 0;
    const flaky: EventHandler<OrganizationLifecycleV1> = async () =>
      ++calls < 2 ? Promise.reject(new Error('blip')) : 'applied';
    const { dead, ports: p } = ports();
    expect(
      await processMessage(
        message(JSON.stringify(validEvent())),
        organizationLifecycleV1,
        flaky,
        'g',
        retry,
        p,
      ),
    ).toBe('applied');
    expect(dead).toEqual([]);
  });

  it('rejects, so nothing is committed, when the DLQ cannot be written', async () => {
    const { handler } = storingHandler();
    const p = {
      sendToDlq: async () => Promise.reject(new Error('broker down')),
      sleep: async () => undefined,
    };
    await expect(
      processMessage(message('garbage'), organizationLifecycleV1, handler, 'g', retry, p),
    ).rejects.toThrow('broker down');
  });
});

describe('processBatch', () => {
  const events = (n: number) => Array.from({ length: n }, () => validEvent());
  const messagesOf = (raw: string[]) => raw.map((v, i) => message(v, String(10 + i)));

  it('hands the valid events to the batch handler in order and dead-letters the rest at once', async () => {
    const [a, b] = events(2);
    const seen: string[][] = [];
    const batchHandler: BatchHandler<OrganizationLifecycleV1> = async (batch) => {
      seen.push(batch.map((e) => e.id));
      return batch.map((e) => (e.id === a.id ? 'applied' : 'duplicate'));
    };
    const { handler, effects } = storingHandler();
    const { dead, ports: p } = ports();
    const results = await processBatch(
      messagesOf([JSON.stringify(a), 'garbage', JSON.stringify(b)]),
      organizationLifecycleV1,
      { handler, batchHandler },
      'g',
      retry,
      p,
    );
    expect(results).toEqual(['applied', 'dead-lettered', 'duplicate']);
    expect(seen).toEqual([[a.id, b.id]]);
    expect(effects.size).toBe(0);
    expect(dead.map((d) => d.message.headers?.['x-dlq-source-offset'])).toEqual(['11']);
  });

  it('handles the events set aside one by one, with retries and then the DLQ', async () => {
    const [a, b, c] = events(3);
    const batchHandler: BatchHandler<OrganizationLifecycleV1> = async (batch) =>
      batch.map((e) => (e.id === b.id ? 'alone' : 'applied'));
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('impossible claim');
    };
    const { dead, sleeps, ports: p } = ports();
    const results = await processBatch(
      messagesOf([a, b, c].map((e) => JSON.stringify(e))),
      organizationLifecycleV1,
      { handler: failing, batchHandler },
      'g',
      retry,
      p,
    );
    expect(results).toEqual(['applied', 'dead-lettered', 'applied']);
    expect(calls).toBe(3);
    expect(sleeps).toEqual([100, 200]);
    expect(dead.map((d) => d.message.headers?.['x-dlq-source-offset'])).toEqual(['11']);
    expect(dead[0].message.headers?.['x-dlq-error']).toBe('Error: impossible claim');
  });

  it('falls back to one by one when the batch handler fails or answers for too few events', async () => {
    const list = events(3);
    const { handler, effects } = storingHandler();
    const errors: unknown[] = [];
    for (const batchHandler of [
      async () => Promise.reject(new Error('bulk write failed')),
      async () => ['applied' as const],
    ]) {
      const { dead, ports: p } = ports();
      const results = await processBatch(
        messagesOf(list.map((e) => JSON.stringify(e))),
        organizationLifecycleV1,
        { handler, batchHandler },
        'g',
        retry,
        p,
        (error) => errors.push(error),
      );
      expect(dead).toEqual([]);
      expect(results).toHaveLength(3);
    }
    expect(effects.size).toBe(3);
    expect(errors.map(String)).toEqual([
      'Error: bulk write failed',
      'Error: the batch handler answered 1 of 3 events',
    ]);
  });

  it('calls no batch handler when no message is valid', async () => {
    const { handler } = storingHandler();
    const batchHandler = jest.fn();
    const { ports: p } = ports();
    expect(
      await processBatch(
        messagesOf(['x', 'y']),
        organizationLifecycleV1,
        { handler, batchHandler },
        'g',
        retry,
        p,
      ),
    ).toEqual(['dead-lettered', 'dead-lettered']);
    expect(batchHandler).not.toHaveBeenCalled();
  });
});
