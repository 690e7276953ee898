import { Schema, type Types } from 'mongoose';
import { withOutbox, type OutboxRecord } from '@jiceng/outbox';

export const UNIT_DOUBLE_REPORT_MODEL = 'UnitDoubleReport';

/** 单位双报到: a unit's party organization registered with a community. */
export interface UnitDoubleReport {
  _id: Types.ObjectId;
  unitOrganizationId: Types.ObjectId;
  /** The unit organization's path including itself: "units of 沧州市直属机关工委" and scope. */
  unitPath: Types.ObjectId[];
  communityId: Types.ObjectId;
  communityPath: Types.ObjectId[];
  since: Date;
  until?: Date;
  /** `<unit>:<community>` while active, unset when ended: one active registration per pair. */
  activeKey?: string;
  by: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxRecord[];
}

export const unitDoubleReportSchema = new Schema<UnitDoubleReport>(
  {
    unitOrganizationId: { type: Schema.Types.ObjectId, required: true },
    unitPath: { type: [Schema.Types.ObjectId], required: true },
    communityId: { type: Schema.Types.ObjectId, required: true },
    communityPath: { type: [Schema.Types.ObjectId], required: true },
    since: { type: Date, required: true },
    until: Date,
    activeKey: String,
    by: { type: String, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'unit_double_reports', versionKey: false },
);
withOutbox(unitDoubleReportSchema);

unitDoubleReportSchema.index({ activeKey: 1 }, { unique: true, sparse: true });
unitDoubleReportSchema.index({ communityPath: 1, _id: 1 });
unitDoubleReportSchema.index({ unitPath: 1, _id: 1 });

export const UNIT_REPORT_PROJECTION = { outbox: 0 } as const;
export const UNIT_REPORT_PATH_FIELDS = ['unitPath', 'communityPath'] as const;
