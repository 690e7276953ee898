import { IsName, IsText } from '@jiceng/graphql';
import { IsEnum, IsMongoId, IsOptional, IsString } from 'class-validator';
import { WORKER_PLATFORMS, type WorkerPlatform } from '../../worker/worker.enums';
import { FLAG_VEHICLE_KINDS, type FlagVehicleKind } from '../vehicle.enums';

export class RegisterFlagVehicleInput {
  @IsName({ min: 7, max: 12 })
  plate!: string;

  @IsEnum(FLAG_VEHICLE_KINDS)
  kind!: FlagVehicleKind;

  @IsEnum(WORKER_PLATFORMS)
  platform!: WorkerPlatform;

  @IsMongoId()
  memberId!: string;

  @IsMongoId()
  mobileBranchId!: string;

  @IsOptional()
  @IsMongoId()
  workerId?: string;

  /** YYYY-MM-DD; today when absent. */
  @IsOptional()
  @IsString()
  namedOn?: string;
}

export class RetireFlagVehicleInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}
