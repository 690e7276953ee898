import type { Model } from 'mongoose';
import { bulkWriteAll } from './bulk-writes';
import type { CheckInEvent } from './checkin-plans';
import type { ParkedCheckIns } from './ledger.schemas';

// Approvals whose member the members projection does not know yet wait in one document per
// member (`_id` = member id), so a member's arrival finds them with one lookup by id; every
// write here is by `_id`, a batch's in one command.

/** Parks approvals, each once however often it is parked. */
export async function park(model: Model<ParkedCheckIns>, events: readonly CheckInEvent[]) {
  await bulkWriteAll(
    model,
    events.map((event) => ({
      updateOne: {
        filter: { _id: event.data.memberId as string, 'approvals.eventId': { $ne: event.id } },
        update: {
          $push: {
            approvals: {
              eventId: event.id,
              claimId: event.data.claimId,
              event: JSON.stringify(event),
              parkedAt: new Date(),
            },
          },
        },
        // An upsert that meets the member's document (the approval parked already) fails on
        // the duplicate id, which bulkWriteAll takes as done.
        upsert: true,
      },
    })),
  );
}

/** The approvals parked for a member, as received. */
export async function parkedOf(
  model: Model<ParkedCheckIns>,
  memberId: string,
): Promise<CheckInEvent[]> {
  const parked = await model.findById(memberId).lean<ParkedCheckIns>();
  return (parked?.approvals ?? []).map((a) => JSON.parse(a.event) as CheckInEvent);
}

/** Removes approvals from their members' documents, and the documents left empty. */
export async function unpark(
  model: Model<ParkedCheckIns>,
  approvals: readonly { memberId: string; eventId: string }[],
): Promise<void> {
  if (!approvals.length) return;
  const byMember = new Map<string, string[]>();
  for (const { memberId, eventId } of approvals)
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), eventId]);
  await bulkWriteAll(
    model,
    [...byMember].map(([_id, eventIds]) => ({
      updateOne: {
        filter: { _id },
        update: { $pull: { approvals: { eventId: { $in: eventIds } } } },
      },
    })),
  );
  await bulkWriteAll(
    model,
    [...byMember.keys()].map((_id) => ({
      deleteOne: { filter: { _id, approvals: { $size: 0 } } },
    })),
  );
}
