import { createEvent, pairingEventsV1, type PairingEventType } from '@jiceng/events';
import { outboxRecord, type OutboxRecord } from '@jiceng/outbox';
import type { Pairing } from './pairing.schema';

const TYPE_OF_CHANGE = {
  created: 'jiceng.organizations.pairing.created',
  updated: 'jiceng.organizations.pairing.updated',
  'joint-project-changed': 'jiceng.organizations.pairing.joint-project-changed',
  ended: 'jiceng.organizations.pairing.ended',
} as const satisfies Record<string, PairingEventType>;

export type PairingChange = keyof typeof TYPE_OF_CHANGE;

/** The outbox record announcing a pairing's state after a change (ids, statuses and counts). */
export function pairingRecord(
  change: PairingChange,
  pairing: Omit<Pairing, 'outbox'>,
  changedFields: string[],
): OutboxRecord {
  const event = createEvent(pairingEventsV1, {
    type: TYPE_OF_CHANGE[change],
    subject: String(pairing._id),
    data: {
      pairingId: String(pairing._id),
      version: pairing.version,
      kind: pairing.kind,
      status: pairing.status,
      partyIds: pairing.parties.map((p) => String(p.organizationId)),
      resourceCount: pairing.resources.length,
      needCount: pairing.needs.length,
      jointProjects: pairing.jointProjects.map((j) => ({
        jointProjectId: String(j._id),
        status: j.status,
        statusSince: (j.statusChanges.at(-1)?.at ?? pairing.createdAt).toISOString(),
      })),
      endedAt: pairing.endedAt ? pairing.endedAt.toISOString() : null,
      changedFields,
    },
  });
  return outboxRecord(pairingEventsV1.topic, event);
}
