import { Schema, type Model, type Types } from 'mongoose';
import { isDuplicateKeyError } from '@jiceng/mongo';
import type { StationService } from '../station/station.enums';
import type { WorkerKind } from '../worker/worker.enums';
import type { Visit } from './visit.schema';

export const VISIT_COUNTER_MODEL = 'StationVisitCounter';

/** Visits of one kind of worker in a counter's period, and the uses of each service among them. */
export interface KindCount {
  visits: number;
  services: Partial<Record<StationService, number>>;
}

/** A counter covers one Shanghai day or one Shanghai month. */
export type CounterUnit = 'DAY' | 'MONTH';

/**
 * The visits of one station in one Shanghai day, or month, kept in step with every recorded
 * visit: statistics read these (one per station and day or month) instead of the visits.
 */
export interface VisitCounter {
  /** `<stationId>:<YYYY-MM-DD>` or `<stationId>:<YYYY-MM>` */
  _id: string;
  stationId: Types.ObjectId;
  unit: CounterUnit;
  /** YYYY-MM-DD or YYYY-MM. */
  period: string;
  visits: number;
  kinds: Partial<Record<WorkerKind, KindCount>>;
  /** The visits counted here, so that counting a visit twice changes nothing. */
  visitIds: Types.ObjectId[];
}

export const visitCounterSchema = new Schema<VisitCounter>(
  {
    _id: { type: String, required: true },
    stationId: { type: Schema.Types.ObjectId, required: true },
    unit: { type: String, enum: ['DAY', 'MONTH'], required: true },
    period: { type: String, required: true },
    visits: { type: Number, required: true },
    kinds: { type: Schema.Types.Mixed, default: {} },
    visitIds: { type: [Schema.Types.ObjectId], default: [] },
  },
  { collection: 'station_visit_counters', versionKey: false, minimize: false },
);
// Statistics of a set of stations over a range of days or months.
visitCounterSchema.index({ unit: 1, stationId: 1, period: 1 });

/** Statistics never need the counted visit ids. */
export const COUNTER_PROJECTION = { visitIds: 0 } as const;

/**
 * Adds a visit to its station's day and month, once each: an update matches only while the visit
 * is not among the counter's counted ones. An upsert that loses the race to create a counter
 * retries as a plain update, which then counts the visit unless it was counted already.
 */
export async function countVisit(
  counters: Model<VisitCounter>,
  visit: Pick<Visit, '_id' | 'stationId' | 'day' | 'workerKind' | 'services'>,
): Promise<void> {
  const kind = `kinds.${visit.workerKind}`;
  const $inc = {
    visits: 1,
    [`${kind}.visits`]: 1,
    ...Object.fromEntries(visit.services.map((s) => [`${kind}.services.${s}`, 1])),
  };
  const periods: [CounterUnit, string][] = [
    ['DAY', visit.day],
    ['MONTH', visit.day.slice(0, 7)],
  ];
  for (const [unit, period] of periods) {
    const filter = { _id: `${visit.stationId}:${period}`, visitIds: { $ne: visit._id } };
    const increment = { $inc, $push: { visitIds: visit._id } };
    try {
      await counters.updateOne(
        filter,
        { ...increment, $setOnInsert: { stationId: visit.stationId, unit, period } },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await counters.updateOne(filter, increment);
    }
  }
}
