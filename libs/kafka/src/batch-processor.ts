import type { CloudEvent, EventContract } from '@jiceng/events';
import {
  handleWithRetries,
  parseOrDeadLetter,
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
  let outcomes: BatchOutcome[];
  try {
    outcomes = await handlers.batchHandler(valid.map((v) => v.event));
    if (outcomes.length !== valid.length)
      throw new Error(`the batch handler answered ${outcomes.length} of ${valid.length} events`);
  } catch (error) {
    onBatchError(error);
    outcomes = valid.map(() => 'alone');
  }
  for (const [i, { index, event }] of valid.entries()) {
    const outcome = outcomes[i];
    results[index] =
      outcome === 'alone'
        ? await handleWithRetries(messages[index], event, handlers.handler, groupId, retry, ports)
        : outcome;
  }
  return results;
}
