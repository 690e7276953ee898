import { createEvent, whistleStepV1, type WhistleEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { Whistle } from './whistle.schema';

const TYPE_OF_KIND = {
  raised: 'jiceng.volunteering.whistle.raised',
  resolved: 'jiceng.volunteering.whistle.resolved',
  whistled: 'jiceng.volunteering.whistle.whistled',
  accepted: 'jiceng.volunteering.whistle.report-accepted',
  acted: 'jiceng.volunteering.whistle.report-acted',
  answered: 'jiceng.volunteering.whistle.report-answered',
  evaluated: 'jiceng.volunteering.whistle.evaluated',
} as const satisfies Record<string, WhistleEventType>;
export type WhistleEventKind = keyof typeof TYPE_OF_KIND;

const KIND_OF_TYPE = new Map(
  (Object.entries(TYPE_OF_KIND) as [WhistleEventKind, WhistleEventType][]).map(([k, t]) => [t, k]),
);
export const whistleEventKind = (type: string): WhistleEventKind | undefined =>
  KIND_OF_TYPE.get(type as WhistleEventType);

type Stepped = Pick<Whistle, '_id' | 'requesterId' | 'townshipId' | 'countyId'> & {
  departmentIds: readonly { toString(): string }[];
};

/** The outbox record of one step, keyed by whistle id so a problem's steps keep their order. */
export function whistleRecord(
  kind: WhistleEventKind,
  whistle: Stepped,
  at: Date,
  departmentId: string | null = null,
): OutboxRecord {
  const event = createEvent(whistleStepV1, {
    type: TYPE_OF_KIND[kind],
    subject: String(whistle._id),
    data: {
      whistleId: String(whistle._id),
      requesterId: String(whistle.requesterId),
      townshipId: String(whistle.townshipId),
      countyId: String(whistle.countyId),
      departmentId,
      departmentIds: whistle.departmentIds.map(String),
      at: at.toISOString(),
    },
  });
  return outboxRecord(whistleStepV1.topic, event);
}
