import { createEvent, memberLifecycleV1, type MemberEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { UnitDoubleReport } from './unit-double-report.schema';

const TYPE_OF_CHANGE = {
  registered: 'jiceng.members.unit.double-report-registered',
  ended: 'jiceng.members.unit.double-report-ended',
} as const satisfies Record<string, MemberEventType>;

/** The outbox record of a unit registration's change, keyed by the unit organization. */
export function unitReportRecord(
  change: keyof typeof TYPE_OF_CHANGE,
  report: Pick<
    UnitDoubleReport,
    '_id' | 'version' | 'unitOrganizationId' | 'communityId' | 'since' | 'until'
  >,
): OutboxRecord {
  const event = createEvent(memberLifecycleV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(report.unitOrganizationId),
    data: {
      unitReport: {
        reportId: String(report._id),
        version: report.version,
        unitOrganizationId: String(report.unitOrganizationId),
        communityId: String(report.communityId),
        active: !report.until,
      },
      effectiveAt: (report.until ?? report.since).toISOString(),
      changedFields: change === 'registered' ? ['*'] : ['until'],
    },
  });
  return outboxRecord(memberLifecycleV1.topic, event);
}
