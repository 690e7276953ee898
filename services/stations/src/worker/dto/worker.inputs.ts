import { ArrayUnique, IsEnum, IsMongoId, IsOptional, ValidateIf } from 'class-validator';
import {
  WORKER_KINDS,
  WORKER_PLATFORMS,
  type WorkerKind,
  type WorkerPlatform,
} from '../worker.enums';

export class RegisterWorkerInput {
  @IsEnum(WORKER_KINDS)
  kind!: WorkerKind;

  @IsEnum(WORKER_PLATFORMS)
  platform!: WorkerPlatform;

  @IsMongoId()
  organizationId!: string;

  @IsOptional()
  @IsMongoId()
  mobileBranchId?: string;
}

export class UpdateWorkerInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsEnum(WORKER_KINDS)
  kind?: WorkerKind;

  @IsOptional()
  @IsEnum(WORKER_PLATFORMS)
  platform?: WorkerPlatform;

  /** Joins this mobile branch; null leaves the current one. */
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsMongoId()
  mobileBranchId?: string | null;
}

export class LinkWorkerMemberInput {
  @IsMongoId()
  workerId!: string;

  @IsMongoId()
  memberId!: string;

  /** The branch that holds the membership (组织关系). */
  @IsMongoId()
  memberBranchId!: string;
}

export class WorkerFilter {
  @IsOptional()
  @ArrayUnique()
  @IsEnum(WORKER_KINDS, { each: true })
  kinds?: WorkerKind[];

  @IsOptional()
  @ArrayUnique()
  @IsEnum(WORKER_PLATFORMS, { each: true })
  platforms?: WorkerPlatform[];
}
