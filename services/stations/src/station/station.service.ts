import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, notFound, type LngLatInput, type PageArgs } from '@jiceng/graphql';
import { boundingBox, toGeoPoint } from '@jiceng/geo';
import { transition, updateOrConflict } from '@jiceng/workflow';
import type { OrgListSource } from '@jiceng/org-access';
import { StationsAccess } from '../access/stations-access';
import type {
  ChangeStationStatusInput,
  CreateStationInput,
  NearbyStationsInput,
  OpeningIntervalInput,
  StationFilter,
  UpdateStationInput,
} from './dto/station.inputs';
import { rankNearby, type NearbyConnection } from './nearby';
import { STATION_STEPS } from './station-steps';
import { openingHoursProblems } from '@jiceng/calendar';
import { STATION_MODEL, type Station } from './station.schema';

const point = ({ longitude, latitude }: LngLatInput) => ({
  location: toGeoPoint({ longitude, latitude }),
  lng: longitude,
  lat: latitude,
});

function checkOpeningHours(intervals: OpeningIntervalInput[]): void {
  const problems = openingHoursProblems(intervals);
  if (problems.length)
    throw badUserInput(
      problems.map((p) => ({
        field: `input.openingHours.${p.index}.${p.field}`,
        message: p.message,
      })),
    );
}

@Injectable()
export class StationService implements OrgListSource<Station, StationFilter | undefined> {
  constructor(
    @InjectModel(STATION_MODEL) private readonly model: Model<Station>,
    private readonly access: StationsAccess,
  ) {}

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<Station | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<Station>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<Station> {
    const station = await this.find(id);
    if (!station) throw notFound('Station', id);
    return station;
  }

  findByIds(ids: readonly string[]): Promise<Station[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }).lean<Station[]>();
  }

  fetch(orgIds: Types.ObjectId[], filter: StationFilter | undefined): Promise<Station[]> {
    const query: QueryFilter<Station> = { operatorId: { $in: orgIds } };
    if (filter?.statuses?.length) query.status = { $in: filter.statuses };
    if (filter?.amenities?.length) query.amenities = { $all: filter.amenities };
    return this.model.find(query).sort({ _id: 1 }).lean<Station[]>();
  }

  owners(station: Station): Types.ObjectId[] {
    return [station.operatorId];
  }

  /** Ids of the stations whose operators are among `orgIds`. */
  async idsOperatedBy(orgIds: Types.ObjectId[]): Promise<Types.ObjectId[]> {
    const stations = await this.model
      .find({ operatorId: { $in: orgIds } }, { _id: 1 })
      .lean<Pick<Station, '_id'>[]>();
    return stations.map((s) => s._id);
  }

  /**
   * The 15-minute service circle (15分钟暖"新"服务圈): stations within the radius, nearest first.
   * One query path on every server: a range query on the indexed `lat`/`lng` numbers for the
   * bounding box, then exact haversine distances, the radius, the hours, the order and the page
   * in memory (see services/stations/README.md). Closed stations are never listed.
   */
  async nearby(input: NearbyStationsInput, page: PageArgs): Promise<NearbyConnection<Station>> {
    const center = { longitude: input.longitude, latitude: input.latitude };
    const box = boundingBox(center, input.radiusMeters);
    const query: QueryFilter<Station> = {
      lat: { $gte: box.minLatitude, $lte: box.maxLatitude },
      $or: box.longitudeRanges.map(([west, east]) => ({ lng: { $gte: west, $lte: east } })),
      status: { $ne: 'CLOSED' },
    };
    if (input.amenities?.length) query.amenities = { $all: input.amenities };
    if (input.services?.length) query.services = { $all: input.services };
    const candidates = await this.model.find(query).lean<Station[]>();
    return rankNearby(
      candidates,
      {
        center,
        radiusMeters: input.radiusMeters,
        openAt: input.openNow ? (input.at ?? new Date()) : undefined,
      },
      page,
    );
  }

  // ---- changes ---------------------------------------------------------------------------

  async create(input: CreateStationInput, claims: Claims): Promise<Station> {
    const operator = await this.access.organization(input.operatorId, 'input.operatorId');
    await this.access.requireAdmin(claims, operator._id, 'open stations');
    checkOpeningHours(input.openingHours);
    const now = new Date();
    const station: Station = {
      _id: new Types.ObjectId(),
      operatorId: operator._id,
      name: input.name.trim(),
      kind: input.kind,
      address: input.address.trim(),
      ...point(input.location),
      openingHours: input.openingHours,
      amenities: input.amenities ?? [],
      services: input.services ?? [],
      status: 'OPEN',
      statusHistory: [
        { status: 'OPEN', reason: '驿站建成开放', changedBy: claims.sub, changedAt: now },
      ],
      version: 1,
      createdBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(station);
    return station;
  }

  async update(input: UpdateStationInput, claims: Claims): Promise<Station> {
    const station = await this.get(input.id);
    await this.access.requireAdmin(claims, station.operatorId, 'change this station');
    const changes: Partial<Station> = {};
    if (input.operatorId && input.operatorId !== String(station.operatorId)) {
      const operator = await this.access.organization(input.operatorId, 'input.operatorId');
      await this.access.requireAdmin(claims, operator._id, 'take over stations');
      changes.operatorId = operator._id;
    }
    if (input.openingHours) {
      checkOpeningHours(input.openingHours);
      changes.openingHours = input.openingHours;
    }
    if (input.name) changes.name = input.name.trim();
    if (input.kind) changes.kind = input.kind;
    if (input.address) changes.address = input.address.trim();
    if (input.location) Object.assign(changes, point(input.location));
    if (input.amenities) changes.amenities = input.amenities;
    if (input.services) changes.services = input.services;
    return this.write(station, {
      $set: { ...changes, updatedAt: new Date() },
      $inc: { version: 1 },
    });
  }

  async changeStatus(input: ChangeStationStatusInput, claims: Claims): Promise<Station> {
    const station = await this.get(input.id);
    await this.access.requireOperator(claims, station.operatorId, 'open or close this station');
    STATION_STEPS.requireStep(station.status, input.status);
    const now = new Date();
    await transition(this.model, {
      steps: STATION_STEPS,
      step: input.status,
      id: station._id,
      field: 'status',
      guards: { version: station.version },
      set: { updatedAt: now },
      push: {
        statusHistory: {
          status: input.status,
          reason: input.reason.trim(),
          changedBy: claims.sub,
          changedAt: now,
        },
      },
      inc: { version: 1 },
      what: 'Station',
    });
    return this.get(String(station._id));
  }

  /** One conditional update on the version read: a concurrent change makes this one a CONFLICT. */
  private async write(station: Station, update: object): Promise<Station> {
    await updateOrConflict(
      this.model,
      { _id: station._id, version: station.version },
      update,
      `Station ${station._id} changed concurrently; read it again and retry`,
    );
    return this.get(String(station._id));
  }
}
