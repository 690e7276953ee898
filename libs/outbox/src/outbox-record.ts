import { Schema } from 'mongoose';
import type { CloudEvent } from '@jiceng/events';

/**
 * An event waiting to be published, embedded in the aggregate document it describes, so the
 * state change and the record are one atomic single-document write.
 */
export interface OutboxRecord {
  eventId: string;
  topic: string;
  key: string;
  value: string;
  createdAt: Date;
  /** The event's `traceparent`, for the relay's publish span (not parsed out of `value`). */
  traceparent?: string;
}

export function outboxRecord(topic: string, event: CloudEvent<unknown>): OutboxRecord {
  return {
    eventId: event.id,
    topic,
    key: event.subject,
    value: JSON.stringify(event),
    createdAt: new Date(),
    ...(event.traceparent ? { traceparent: event.traceparent } : {}),
  };
}

export const outboxRecordSchema = new Schema<OutboxRecord>(
  {
    eventId: { type: String, required: true },
    topic: { type: String, required: true },
    key: { type: String, required: true },
    value: { type: String, required: true },
    createdAt: { type: Date, required: true },
    traceparent: { type: String },
  },
  { _id: false },
);

/** Which relay is publishing an aggregate's records, until when (mongo-outbox-store.ts). */
const outboxClaimSchema = new Schema(
  { by: { type: String, required: true }, until: { type: Date, required: true } },
  { _id: false },
);

/**
 * Adds the `outbox` array and its relay's claim to an aggregate schema; the sparse index lists
 * only documents with pending events.
 */
export function withOutbox(schema: Schema): void {
  schema.add({
    outbox: { type: [outboxRecordSchema], default: [] },
    outboxClaim: { type: outboxClaimSchema, required: false },
  });
  schema.index({ 'outbox.eventId': 1 }, { sparse: true });
}
