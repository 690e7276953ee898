import { Schema, type Types } from 'mongoose';
import { WORKER_PLATFORMS, type WorkerPlatform } from '../worker/worker.enums';
import {
  FLAG_VEHICLE_KINDS,
  FLAG_VEHICLE_STATUSES,
  type FlagVehicleKind,
  type FlagVehicleStatus,
} from './vehicle.enums';

export const FLAG_VEHICLE_MODEL = 'FlagVehicle';

/** 党员红旗车: a party member's vehicle named a flag vehicle, in a mobile branch's fleet. */
export interface FlagVehicle {
  _id: Types.ObjectId;
  /** Normalized (upper case, no separators); unique. */
  plate: string;
  kind: FlagVehicleKind;
  platform: WorkerPlatform;
  memberId: Types.ObjectId;
  mobileBranchId: Types.ObjectId;
  /** The member's worker record, when the member is registered as one. */
  workerId: Types.ObjectId | null;
  /** 命名日期, Asia/Shanghai. */
  namedOn: string;
  status: FlagVehicleStatus;
  retiredReason: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const flagVehicleSchema = new Schema<FlagVehicle>(
  {
    plate: { type: String, required: true },
    kind: { type: String, enum: FLAG_VEHICLE_KINDS, required: true },
    platform: { type: String, enum: WORKER_PLATFORMS, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    mobileBranchId: { type: Schema.Types.ObjectId, required: true },
    workerId: { type: Schema.Types.ObjectId, default: null },
    namedOn: { type: String, required: true },
    status: { type: String, enum: FLAG_VEHICLE_STATUSES, required: true },
    retiredReason: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'flag_vehicles', versionKey: false },
);
flagVehicleSchema.index({ plate: 1 }, { unique: true });
flagVehicleSchema.index({ mobileBranchId: 1, _id: 1 }); // Organization.flagVehicles
