import type { IHeaders } from 'kafkajs';
import { dlqTopicOf, parseEvent, type CloudEvent, type EventContract } from '@jiceng/events';
import { inSpan, SpanKind, type SpanOptions } from '@jiceng/telemetry';
import type { OutgoingMessage } from './event-producer';

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: IHeaders;
}

/** `applied` when the effect was stored now, `duplicate` when the event id was already stored. */
export type HandlerOutcome = 'applied' | 'duplicate';
export type EventHandler<T> = (event: CloudEvent<T>) => Promise<HandlerOutcome>;

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export interface ProcessorPorts {
  sendToDlq(topic: string, message: OutgoingMessage): Promise<void>;
  sleep(ms: number): Promise<void>;
}

export type ProcessResult = HandlerOutcome | 'dead-lettered';

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Handles one message: a message that does not satisfy its contract, or whose handler still fails
 * after the bounded retries, goes to `<topic>.dlq` with the reason. The caller commits the offset
 * only after this resolves; if the DLQ write itself fails this rejects and nothing is committed.
 */
export async function processMessage<T>(
  message: ReceivedMessage,
  contract: EventContract<T>,
  handler: EventHandler<T>,
  groupId: string,
  retry: RetryPolicy,
  ports: ProcessorPorts,
): Promise<ProcessResult> {
  const event = await parseOrDeadLetter(message, contract, groupId, ports);
  if (!event) return 'dead-lettered';
  return inSpan(
    event.traceparent,
    `process ${message.topic}`,
    processSpanOptions(message, event, groupId),
    async (span) => {
      const result = await handleWithRetries(message, event, handler, groupId, retry, ports);
      span.setAttribute('jiceng.outcome', result);
      return result;
    },
  );
}

/** The consumer span of one event: in the trace its `traceparent` names (libs/telemetry). */
export function processSpanOptions(
  message: ReceivedMessage,
  event: CloudEvent<unknown>,
  groupId: string,
): SpanOptions {
  return {
    kind: SpanKind.CONSUMER,
    attributes: {
      'messaging.system': 'kafka',
      'messaging.destination.name': message.topic,
      'messaging.consumer.group.name': groupId,
      'messaging.destination.partition.id': String(message.partition),
      'messaging.kafka.offset': Number(message.offset),
      'messaging.message.id': event.id,
      'cloudevents.event_type': event.type,
    },
  };
}

/** The message's event, or null once a message that breaks its contract is dead-lettered. */
export async function parseOrDeadLetter<T>(
  message: ReceivedMessage,
  contract: EventContract<T>,
  groupId: string,
  ports: ProcessorPorts,
): Promise<CloudEvent<T> | null> {
  try {
    return parseEvent(contract, message.value);
  } catch (error) {
    await deadLetter(message, groupId, error, 0, ports);
    return null;
  }
}

/** Runs the handler with bounded retries and backoff, then dead-letters the message. */
export async function handleWithRetries<T>(
  message: ReceivedMessage,
  event: CloudEvent<T>,
  handler: EventHandler<T>,
  groupId: string,
  retry: RetryPolicy,
  ports: ProcessorPorts,
): Promise<ProcessResult> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    try {
      return await handler(event);
    } catch (error) {
      lastError = error;
      if (attempt < retry.attempts) await ports.sleep(retry.backoffMs * 2 ** (attempt - 1));
    }
  }
  await deadLetter(message, groupId, lastError, retry.attempts, ports);
  return 'dead-lettered';
}

async function deadLetter(
  message: ReceivedMessage,
  groupId: string,
  error: unknown,
  attempts: number,
  ports: ProcessorPorts,
): Promise<void> {
  await ports.sendToDlq(dlqTopicOf(message.topic), {
    key: message.key?.toString() ?? '',
    value: message.value?.toString() ?? '',
    headers: {
      ...message.headers,
      'x-dlq-error': errorText(error).slice(0, 2000),
      'x-dlq-attempts': String(attempts),
      'x-dlq-source-topic': message.topic,
      'x-dlq-source-partition': String(message.partition),
      'x-dlq-source-offset': message.offset,
      'x-dlq-consumer-group': groupId,
      'x-dlq-failed-at': new Date().toISOString(),
    },
  });
}
