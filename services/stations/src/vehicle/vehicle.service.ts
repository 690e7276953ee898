import { Injectable } from '@nestjs/common';
import { visibleOrNull } from '@jiceng/auth';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, notFound, type FieldError } from '@jiceng/graphql';
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import { isIsoDate, shanghaiDate } from '@jiceng/calendar';
import type { OrgListSource } from '@jiceng/org-access';
import { StationsAccess } from '../access/stations-access';
import { WorkerService } from '../worker/worker.service';
import type { RegisterFlagVehicleInput, RetireFlagVehicleInput } from './dto/vehicle.inputs';
import { normalizePlate, plateProblem } from './plate';
import { FLAG_VEHICLE_MODEL, type FlagVehicle } from './vehicle.schema';

@Injectable()
export class FlagVehicleService implements OrgListSource<FlagVehicle, null> {
  constructor(
    @InjectModel(FLAG_VEHICLE_MODEL) private readonly model: Model<FlagVehicle>,
    private readonly workers: WorkerService,
    private readonly access: StationsAccess,
  ) {}

  find(id: string): Promise<FlagVehicle | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<FlagVehicle>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<FlagVehicle> {
    const vehicle = await this.find(id);
    if (!vehicle) throw notFound('Flag vehicle', id);
    return vehicle;
  }

  /**
   * The lookup by id (query and entity reference): null when unknown or outside the caller's
   * scope. Flag vehicles belong to members: a member reads its own, the fleet's scope reads them all.
   */
  async getReadable(id: string, claims: Claims): Promise<FlagVehicle | null> {
    return visibleOrNull(
      await this.find(id),
      async (vehicle) =>
        (claims.role === 'MEMBER' && claims.memberId === String(vehicle.memberId)) ||
        this.access.isReadable(claims, vehicle.mobileBranchId),
    );
  }

  fetch(orgIds: Types.ObjectId[]): Promise<FlagVehicle[]> {
    return this.model
      .find({ mobileBranchId: { $in: orgIds } })
      .sort({ _id: 1 })
      .lean<FlagVehicle[]>();
  }

  owners(vehicle: FlagVehicle): Types.ObjectId[] {
    return [vehicle.mobileBranchId];
  }

  /** 命名"党员红旗车": the mobile branch's admins name a member's vehicle. */
  async register(input: RegisterFlagVehicleInput, claims: Claims): Promise<FlagVehicle> {
    const branch = await this.access.mobileBranch(input.mobileBranchId, 'input.mobileBranchId');
    await this.access.requireAdmin(claims, branch._id, 'name flag vehicles');
    const plate = normalizePlate(input.plate);
    const namedOn = input.namedOn ?? shanghaiDate(new Date());
    const problems: FieldError[] = [];
    const problem = plateProblem(input.kind, plate);
    if (problem) problems.push({ field: 'input.plate', message: problem });
    if (!isIsoDate(namedOn))
      problems.push({ field: 'input.namedOn', message: 'must be a date (YYYY-MM-DD)' });
    const memberId = new Types.ObjectId(input.memberId);
    if (input.workerId) {
      const [worker] = await this.workers.findByIds([input.workerId]);
      if (!worker)
        problems.push({ field: 'input.workerId', message: 'is not a registered worker' });
      else if (!worker.memberLink?.memberId.equals(memberId))
        problems.push({ field: 'input.workerId', message: 'is not linked to input.memberId' });
    }
    if (problems.length) throw badUserInput(problems);
    const now = new Date();
    const vehicle: FlagVehicle = {
      _id: new Types.ObjectId(),
      plate,
      kind: input.kind,
      platform: input.platform,
      memberId,
      mobileBranchId: branch._id,
      workerId: input.workerId ? new Types.ObjectId(input.workerId) : null,
      namedOn,
      status: 'ACTIVE',
      retiredReason: null,
      createdBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    return createOrConflict(this.model, vehicle, `Plate ${plate} is already a flag vehicle`);
  }

  async retire(input: RetireFlagVehicleInput, claims: Claims): Promise<FlagVehicle> {
    const vehicle = await this.get(input.id);
    await this.access.requireAdmin(claims, vehicle.mobileBranchId, 'retire flag vehicles');
    await updateOrConflict(
      this.model,
      { _id: vehicle._id, status: 'ACTIVE' },
      { $set: { status: 'RETIRED', retiredReason: input.reason.trim(), updatedAt: new Date() } },
      `Flag vehicle ${input.id} is already retired`,
    );
    return this.get(input.id);
  }
}
