import { createEvent, stationVisitRecordedV1, type StationVisitRecordedV1 } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { Visit } from './visit.schema';

type RecordedVisit = Pick<
  Visit,
  | '_id'
  | 'stationId'
  | 'operatorId'
  | 'workerKind'
  | 'platform'
  | 'services'
  | 'channel'
  | 'visitedAt'
>;

/** What consumers learn of a visit: no worker id, no member id, only the kind of work. */
function visitPayload(visit: RecordedVisit): StationVisitRecordedV1 {
  return {
    visitId: String(visit._id),
    stationId: String(visit.stationId),
    operatorId: String(visit.operatorId),
    workerKind: visit.workerKind,
    platform: visit.platform,
    services: visit.services,
    channel: visit.channel,
    visitedAt: visit.visitedAt.toISOString(),
  };
}

/** The visit's event, keyed by station id, written with the visit itself. */
export function visitRecord(visit: RecordedVisit, time: Date): OutboxRecord {
  const event = createEvent(stationVisitRecordedV1, {
    type: 'jiceng.stations.visit.recorded',
    subject: String(visit.stationId),
    data: visitPayload(visit),
    time,
  });
  return outboxRecord(stationVisitRecordedV1.topic, event);
}
