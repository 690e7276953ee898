import { createEvent, projectEventsV1, type ProjectEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { ConstructionFirm } from '../firm/firm.schema';
import type { ConstructionProject } from './project.schema';

const TYPE_OF_CHANGE = {
  created: 'jiceng.organizations.project.created',
  updated: 'jiceng.organizations.project.updated',
  'branch-linked': 'jiceng.organizations.project.branch-linked',
} as const satisfies Record<string, ProjectEventType>;

export type ProjectChange = keyof typeof TYPE_OF_CHANGE;
type ProjectState = Omit<ConstructionProject, 'outbox'>;

/**
 * The outbox record announcing a project's state after a change: every firm on it with its
 * credit code and the branches behind it, which is what the credit service needs.
 */
export function projectRecord(
  change: ProjectChange,
  project: ProjectState,
  firms: Pick<ConstructionFirm, '_id' | 'creditCode'>[],
  changedFields: string[],
): OutboxRecord {
  const creditCodes = new Map(firms.map((f) => [String(f._id), f.creditCode]));
  const event = createEvent(projectEventsV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(project._id),
    data: {
      projectId: String(project._id),
      version: project.version,
      name: project.name,
      regionCode: project.regionCode,
      status: project.status,
      jointCommitteeId: String(project.jointCommitteeId),
      firms: project.firmIds.map((firmId) => {
        const creditCode = creditCodes.get(String(firmId));
        if (!creditCode) throw new Error(`firm ${firmId} of project ${project._id} was not loaded`);
        return {
          firmId: String(firmId),
          creditCode,
          branchIds: project.branchLinks
            .filter((l) => l.firmId.equals(firmId))
            .map((l) => String(l.branchId)),
        };
      }),
      changedFields,
    },
  });
  return outboxRecord(projectEventsV1.topic, event);
}
