import { context, trace, type Span } from '@opentelemetry/api';
import type { CloudEvent, EventContract } from '@jiceng/events';
import { endWith, SpanKind, startSpanIn } from '@jiceng/telemetry';
import {
  handleWithRetries,
  parseOrDeadLetter,
  processSpanOptions,
  type EventHandler,
  type HandlerOutcome,
  type ProcessorPorts,
  type ProcessResult,
  type ReceivedMessage,
  type RetryPolicy,
} from './message-processor';

/**
 * What a batch handler says of each event it was given, in the same order: its effect was
 * stored now or already, or `alone`: the handler could not decide it within the batch (it looked
 * invalid, say), and it is to go through the per-message handler, with its retries and the DLQ.
 */
export type BatchOutcome = HandlerOutcome | 'alone';

/**
 * Applies the valid events of one partition's batch together, in their order, and must be as
 * idempotent as the per-message handler: a crash before the offsets are committed delivers the
 * whole batch again.
 */
export type BatchHandler<T> = (events: readonly CloudEvent<T>[]) => Promise<BatchOutcome[]>;

/**
 * Handles consecutive messages of one partition. Messages that break the contract are
 * dead-lettered at once, as one by one; the others go to the batch handler. If it throws, or
 * sets events aside, those events are handled one by one with the per-message handler after it
 * (retries, then the DLQ), so one bad message can neither hold up nor dead-letter the rest.
 * Resolves once every message's effect or dead letter is stored; the caller commits then.
 */
export async function processBatch<T>(
  messages: readonly ReceivedMessage[],
  contract: EventContract<T>,
  handlers: { handler: EventHandler<T>; batchHandler: BatchHandler<T> },
  groupId: string,
  retry: RetryPolicy,
  ports: ProcessorPorts,
  onBatchError: (error: unknown) => void = () => undefined,
): Promise<ProcessResult[]> {
  const results: ProcessResult[] = new Array(messages.length);
  const valid: { index: number; event: CloudEvent<T> }[] = [];
  for (const [index, message] of messages.entries()) {
    const event = await parseOrDeadLetter(message, contract, groupId, ports);
    if (event) valid.push({ index, event });
    else results[index] = 'dead-lettered';
  }
  if (!valid.length) return results;
  // Each event's process span continues its own trace; the batch's writes, shared by all,
  // run in the event's span when it is alone, else in a batch span linked to every event's.
  const spans = valid.map(({ index, event }) =>
    startSpanIn(
      event.traceparent,
      `process ${messages[index].topic}`,
      processSpanOptions(messages[index], event, groupId),
    ),
  );
  let outcomes: BatchOutcome[];
  try {
    outcomes = await inBatchSpan(spans, messages[0].topic, () =>
      handlers.batchHandler(valid.map((v) => v.event)),
    );
    if (outcomes.length !== valid.length)
      throw new Error(`the batch handler answered ${outcomes.length} of ${valid.length} events`);
  } catch (error) {
    onBatchError(error);
    outcomes = valid.map(() => 'alone');
  }
  for (const [i, { index, event }] of valid.entries()) {
    const outcome = outcomes[i];
    const span = spans[i];
    const settle = async (): Promise<ProcessResult> => {
      const result =
        outcome === 'alone'
          ? await context.with(trace.setSpan(context.active(), span), () =>
              handleWithRetries(messages[index], event, handlers.handler, groupId, retry, ports),
            )
          : outcome;
      span.setAttribute('jiceng.outcome', result);
      return result;
    };
    results[index] = await endWith(span, settle());
  }
  return results;
}

function inBatchSpan<T>(spans: Span[], topic: string, work: () => Promise<T>): Promise<T> {
  const span =
    spans.length === 1
      ? undefined
      : startSpanIn(undefined, `process ${topic} batch`, {
          kind: SpanKind.CONSUMER,
          attributes: { 'messaging.batch.message_count': spans.length },
          links: spans.map((s) => ({ context: s.spanContext() })),
        });
  const active = span ?? spans[0];
  const run = context.with(trace.setSpan(context.active(), active), work);
  return span ? endWith(span, run) : run;
}
