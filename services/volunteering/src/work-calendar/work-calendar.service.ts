import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, forbidden } from '@jiceng/graphql';
import {
  addDays,
  addWorkingDays,
  DATE_MESSAGE,
  isIsoDate,
  isYear,
  officialCalendarDays,
  shanghaiDate,
  shanghaiDayEnd,
  YEAR_MESSAGE,
  type WorkCalendarDayKind,
} from '@jiceng/calendar';
import { WORK_CALENDAR_MODEL, type WorkCalendarDay } from './work-calendar.schema';

/** 群众诉求 are due within this many working days after acceptance (审查受理). */
export const SERVICE_REQUEST_WORKING_DAYS = 5;

export interface DueDate {
  dueDate: string;
  /** The end of the due date in Shanghai. */
  dueAt: Date;
}

/** The holiday and make-up-workday calendar, stored as data so it can change without a release. */
@Injectable()
export class WorkCalendarService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkCalendarService.name);

  constructor(@InjectModel(WORK_CALENDAR_MODEL) private readonly model: Model<WorkCalendarDay>) {}

  /** Loads the official days; a day already stored (an ADMIN's correction included) is kept. */
  async onApplicationBootstrap(): Promise<void> {
    const loaded = await loadOfficialDays(this.model);
    if (loaded) this.logger.log(`loaded ${loaded} official calendar days`);
  }

  /** The due date `SERVICE_REQUEST_WORKING_DAYS` working days after the day of `acceptedAt`. */
  serviceRequestDueDate(acceptedAt: Date): Promise<DueDate> {
    return this.dueDate(acceptedAt, SERVICE_REQUEST_WORKING_DAYS);
  }

  /** The due date `workingDays` (1–60) working days after the day of `from`, in Shanghai. */
  async dueDate(from: Date, workingDays: number): Promise<DueDate> {
    const day = shanghaiDate(from);
    // Reads the exceptions of the next 60 days beyond the working days: more than any run of
    // holidays can need.
    const days = await this.model
      .find({ _id: { $gt: day, $lte: addDays(day, workingDays * 2 + 60) } })
      .lean<WorkCalendarDay[]>();
    const exceptions = new Map(days.map((d) => [d._id, d.kind]));
    const dueDate = addWorkingDays(day, workingDays, exceptions);
    return { dueDate, dueAt: shanghaiDayEnd(dueDate) };
  }

  year(year: number): Promise<WorkCalendarDay[]> {
    if (!isYear(year)) throw badUserInput([{ field: 'year', message: YEAR_MESSAGE }]);
    return this.model
      .find({ _id: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } })
      .sort({ _id: 1 })
      .lean<WorkCalendarDay[]>();
  }

  /** ADMIN sets a holiday or make-up workday, or (kind NORMAL) returns a day to the weekday rule. */
  async setDay(
    input: { date: string; kind: WorkCalendarDayKind | 'NORMAL'; name?: string | null },
    claims: Claims,
  ): Promise<WorkCalendarDay | null> {
    if (claims.role !== 'ADMIN') throw forbidden('Only ADMIN changes the work calendar');
    if (!isIsoDate(input.date))
      throw badUserInput([{ field: 'input.date', message: DATE_MESSAGE }]);
    if (input.kind === 'NORMAL') {
      await this.model.deleteOne({ _id: input.date });
      return null;
    }
    if (!input.name?.trim())
      throw badUserInput([
        { field: 'input.name', message: 'names the holiday or make-up workday' },
      ]);
    const day: WorkCalendarDay = {
      _id: input.date,
      kind: input.kind,
      name: input.name.trim(),
      source: 'ADMIN',
      updatedAt: new Date(),
    };
    await this.model.replaceOne({ _id: day._id }, day, { upsert: true });
    return day;
  }
}

/** Inserts the official days not stored yet; also used by the demo loader. */
export async function loadOfficialDays(model: Model<WorkCalendarDay>): Promise<number> {
  const now = new Date();
  const result = await model.bulkWrite(
    officialCalendarDays().map((d) => ({
      updateOne: {
        filter: { _id: d.date },
        update: {
          $setOnInsert: { kind: d.kind, name: d.name, source: 'OFFICIAL', updatedAt: now },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return result.upsertedCount;
}
