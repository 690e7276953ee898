import { describeEnumSources, type EnumSources } from '@jiceng/testing';
import {
  AMENITIES,
  AMENITY_LABELS,
  STATION_KINDS,
  STATION_KIND_LABELS,
  STATION_SERVICES,
  STATION_SERVICE_LABELS,
} from './station/station.enums';
import {
  FLAG_VEHICLE_KINDS,
  FLAG_VEHICLE_KIND_LABELS,
  FLAG_VEHICLE_STATUSES,
  FLAG_VEHICLE_STATUS_LABELS,
} from './vehicle/vehicle.enums';
import { VISIT_CHANNELS, VISIT_CHANNEL_LABELS, VISIT_DIMENSIONS } from './visit/visit.enums';
import {
  WORKER_KINDS,
  WORKER_KIND_LABELS,
  WORKER_PLATFORMS,
  WORKER_PLATFORM_LABELS,
} from './worker/worker.enums';
import { STATION_STEPS } from './station/station-steps';
// Every SDL enum of this subgraph and the TS copies that describe it (see @jiceng/testing's
// enum-sources): the SDL values, the TS value list and the label map keys are one set, and each
// SDL value's description is its label.
const ENUMS: EnumSources = {
  sources: {
    StationAmenity: { values: AMENITIES, labels: AMENITY_LABELS },
    StationService: { values: STATION_SERVICES, labels: STATION_SERVICE_LABELS },
    StationKind: { values: STATION_KINDS, labels: STATION_KIND_LABELS },
    StationStatus: { values: STATION_STEPS.states, labels: STATION_STEPS.labels },
    FlagVehicleKind: { values: FLAG_VEHICLE_KINDS, labels: FLAG_VEHICLE_KIND_LABELS },
    FlagVehicleStatus: { values: FLAG_VEHICLE_STATUSES, labels: FLAG_VEHICLE_STATUS_LABELS },
    StationVisitChannel: { values: VISIT_CHANNELS, labels: VISIT_CHANNEL_LABELS },
    StationVisitDimension: {
      values: VISIT_DIMENSIONS,
      unlabelled: 'the groupBy argument of stationVisitStats; rows carry the values, not labels',
    },
    WorkerKind: { values: WORKER_KINDS, labels: WORKER_KIND_LABELS },
    WorkerPlatform: { values: WORKER_PLATFORMS, labels: WORKER_PLATFORM_LABELS },
  },
};

describeEnumSources('stations', __dirname, ENUMS);
