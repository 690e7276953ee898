import { Schema } from 'mongoose';
import { WORK_CALENDAR_DAY_KINDS, type WorkCalendarDayKind } from '@jiceng/calendar';

export const WORK_CALENDAR_MODEL = 'WorkCalendarDay';

/** A day that differs from the Monday–Friday rule: a public holiday or a make-up workday. */
export interface WorkCalendarDay {
  /** YYYY-MM-DD, Asia/Shanghai. */
  _id: string;
  kind: WorkCalendarDayKind;
  name: string;
  /** OFFICIAL for the State Council notices loaded at start, ADMIN for days set through the API. */
  source: 'OFFICIAL' | 'ADMIN';
  updatedAt: Date;
}

export const workCalendarDaySchema = new Schema<WorkCalendarDay>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: WORK_CALENDAR_DAY_KINDS, required: true },
    name: { type: String, required: true },
    source: { type: String, enum: ['OFFICIAL', 'ADMIN'], required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'work_calendar_days', versionKey: false },
);
