import { Schema, type Types } from 'mongoose';
import { type OpeningInterval, WEEKDAYS } from '@jiceng/calendar';
import type { GeoPoint } from '@jiceng/geo';
import {
  AMENITIES,
  STATION_KINDS,
  STATION_SERVICES,
  type Amenity,
  type StationKind,
  type StationService,
} from './station.enums';
import { STATION_STEPS, type StationStatus } from './station-steps';

export const STATION_MODEL = 'Station';

/** One status change: who (`sub` of the caller), when and why. */
export interface StatusChange {
  status: StationStatus;
  reason: string;
  changedBy: string;
  changedAt: Date;
}

/** 爱心驿站 / 暖"新"驿站 / 户外劳动者驿站 run by an organization for new-employment workers. */
export interface Station {
  _id: Types.ObjectId;
  operatorId: Types.ObjectId;
  name: string;
  kind: StationKind;
  address: string;
  location: GeoPoint;
  // The point again as plain numbers: the nearby search's bounding box is a range query on
  // these, which every server answers (the local Mongo-wire server has no geo queries).
  lng: number;
  lat: number;
  openingHours: OpeningInterval[];
  amenities: Amenity[];
  services: StationService[];
  status: StationStatus;
  /** Oldest first; the first entry is the opening. */
  statusHistory: StatusChange[];
  /** Increases by one with every change; updates are conditional on it. */
  version: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const intervalSchema = new Schema<OpeningInterval>(
  {
    weekdays: { type: [{ type: String, enum: WEEKDAYS }], required: true },
    opens: { type: String, required: true },
    closes: { type: String, required: true },
  },
  { _id: false },
);

const statusChangeSchema = new Schema<StatusChange>(
  {
    status: { type: String, enum: STATION_STEPS.states, required: true },
    reason: { type: String, required: true },
    changedBy: { type: String, required: true },
    changedAt: { type: Date, required: true },
  },
  { _id: false },
);

export const stationSchema = new Schema<Station>(
  {
    operatorId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    kind: { type: String, enum: STATION_KINDS, required: true },
    address: { type: String, required: true },
    location: {
      type: { type: String, enum: ['Point'], required: true },
      coordinates: { type: [Number], required: true },
    },
    lng: { type: Number, required: true },
    lat: { type: Number, required: true },
    openingHours: { type: [intervalSchema], required: true },
    amenities: { type: [{ type: String, enum: AMENITIES }], default: [] },
    services: { type: [{ type: String, enum: STATION_SERVICES }], default: [] },
    status: { type: String, enum: STATION_STEPS.states, required: true },
    statusHistory: { type: [statusChangeSchema], default: [] },
    version: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'stations', versionKey: false },
);
stationSchema.index({ operatorId: 1, _id: 1 }); // Organization.stations
// The nearby search: a latitude range first (the tighter bound), then longitude, on any server.
stationSchema.index({ lat: 1, lng: 1 });
// For geo queries on MongoDB ($geoNear, $geoWithin) by other tools and analysts; the service's
// own search does not depend on it (see services/stations/README.md).
stationSchema.index({ location: '2dsphere' });
