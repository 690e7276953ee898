import { createEvent, organizationLifecycleV1, type OrganizationEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { Organization } from './organization.schema';

type OrganizationState = Omit<Organization, 'outbox' | 'createdAt' | 'updatedAt'>;

const TYPE_OF_CHANGE = {
  created: 'jiceng.organizations.organization.created',
  updated: 'jiceng.organizations.organization.updated',
  moved: 'jiceng.organizations.organization.moved',
  dissolved: 'jiceng.organizations.organization.dissolved',
} as const satisfies Record<string, OrganizationEventType>;

export type OrganizationChange = keyof typeof TYPE_OF_CHANGE;

/** The outbox record announcing an organization's state after a change. */
export function lifecycleRecord(
  change: OrganizationChange,
  org: OrganizationState,
  changedFields: string[],
): OutboxRecord {
  const event = createEvent(organizationLifecycleV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(org._id),
    data: {
      organizationId: String(org._id),
      version: org.version,
      name: org.name,
      kind: org.kind,
      sector: org.sector,
      regionCode: org.regionCode,
      status: org.status,
      parentId: org.parentId ? String(org.parentId) : null,
      ancestorIds: org.ancestorIds.map(String),
      changedFields,
    },
  });
  return outboxRecord(organizationLifecycleV1.topic, event);
}
