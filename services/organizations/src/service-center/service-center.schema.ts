import { Schema, type Types } from 'mongoose';
import { WEEKDAYS } from '@jiceng/calendar';
import type { OpeningInterval } from './opening-hours';
import {
  SERVICE_CENTER_KINDS,
  SERVICE_CENTER_LEVELS,
  STANDARD_ITEMS,
  type ServiceCenterKind,
  type ServiceCenterLevel,
  type StandardItem,
} from './service-center.enums';

export const SERVICE_CENTER_MODEL = 'ServiceCenter';

/** A service window (服务窗口) and what it handles. */
export interface ServiceWindow {
  name: string;
  services: string[];
}

export interface ServiceCenter {
  _id: Types.ObjectId;
  organizationId: Types.ObjectId;
  name: string;
  kind: ServiceCenterKind;
  level: ServiceCenterLevel;
  floorAreaSqm: number;
  facilities: string[];
  /** The items of 六有 and 十统一 the centre meets; the others it does not. */
  standardItemsMet: StandardItem[];
  openingHours: OpeningInterval[];
  windows: ServiceWindow[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const intervalSchema = new Schema<OpeningInterval>(
  {
    weekday: { type: String, enum: WEEKDAYS, required: true },
    opens: { type: String, required: true },
    closes: { type: String, required: true },
  },
  { _id: false },
);

const windowSchema = new Schema<ServiceWindow>(
  {
    name: { type: String, required: true },
    services: { type: [String], default: [] },
  },
  { _id: false },
);

export const serviceCenterSchema = new Schema<ServiceCenter>(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: SERVICE_CENTER_KINDS, required: true },
    level: { type: String, enum: SERVICE_CENTER_LEVELS, required: true },
    floorAreaSqm: { type: Number, required: true },
    facilities: { type: [String], default: [] },
    standardItemsMet: { type: [{ type: String, enum: STANDARD_ITEMS }], default: [] },
    openingHours: { type: [intervalSchema], default: [] },
    windows: { type: [windowSchema], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'service_centers', versionKey: false },
);

serviceCenterSchema.index({ organizationId: 1, _id: 1 }); // Organization.serviceCenters
