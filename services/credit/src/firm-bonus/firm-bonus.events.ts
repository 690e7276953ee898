import { createHash } from 'node:crypto';
import { createEvent, firmBonusV1, type FirmBonusV1 } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';

/**
 * The event id derives from the firm, quarter and sequence, so the same tier change announced
 * twice (a relay retry, a rebuilt database) is recognisably the same event for consumers.
 */
export function firmBonusEventId(firmId: string, period: string, sequence: number): string {
  const hex = createHash('sha256')
    .update(`jiceng-firm-bonus:${firmId}:${period}:${sequence}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function firmBonusRecord(data: FirmBonusV1, changedAt: Date): OutboxRecord {
  const event = createEvent(firmBonusV1, {
    id: firmBonusEventId(data.firmId, data.period, data.sequence),
    type: 'jiceng.credit.firm-bonus.tier-changed',
    subject: data.firmId,
    time: changedAt,
    data,
  });
  return outboxRecord(firmBonusV1.topic, event);
}
