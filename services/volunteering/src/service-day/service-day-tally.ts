import type { Model } from 'mongoose';
import { duplicateKeyFailures } from '@jiceng/mongo';
import { tallyIds } from './service-day-rules';
import type { ServiceDay, ServiceDayTally } from './service-day.schema';

export interface ServiceDayTallyModels {
  tallies: Model<ServiceDayTally>;
  days: Model<ServiceDay>;
}

/**
 * Adds a signed-off day to its read models (its branch and every organization above it, in its
 * month), once: each tally lists the days it counts, so a repeat adds nothing; the day is then
 * marked tallied. The one place the figures are added, for the service's sign-off, its start-up
 * sweep and the demo loader alike.
 */
export async function tallyServiceDay(
  models: ServiceDayTallyModels,
  day: ServiceDay,
): Promise<void> {
  const figures = day.figures;
  if (day.state !== 'SIGNED_OFF' || !figures) return;
  // One round trip for the branch and every organization above it. `_id` pins the unique
  // index, which the local store looks the tally up by before it applies the rest of the filter.
  const updates = tallyIds(day.path, day.month).map((_id) => ({
    updateOne: {
      filter: { _id, dayIds: { $ne: day._id } },
      update: {
        $inc: {
          daysHeld: 1,
          services: figures.services,
          volunteers: day.attendance.length,
          beneficiaries: figures.beneficiaries,
          satisfactionSum: figures.satisfaction,
        },
        $push: {
          dayIds: day._id,
          requestIds: { $each: day.problems.map((p) => p.requestId) },
        },
      },
      upsert: true,
    },
  }));
  try {
    await models.tallies.bulkWrite(updates, { ordered: false });
  } catch (error) {
    // An upsert that met the tally already counting the day (a concurrent tally of it) failed
    // alone; the others went through.
    if (duplicateKeyFailures(error) === null) throw error;
  }
  await models.days.updateOne({ _id: day._id }, { $set: { talliedAt: new Date() } });
}
