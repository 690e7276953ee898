import { IsName, TextLimit, type TextOptions } from '@jiceng/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsMongoId, IsOptional, Matches } from 'class-validator';
import { IsRegionCode } from '../../organization/dto/region-code.validator';
import { PROJECT_STATUSES, type ProjectStatus } from '../construction-project-steps';

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };
const MAX_FIRMS = 100;

export class CreateConstructionProjectInput {
  @IsName(NAME_LENGTH)
  name!: string;

  @IsRegionCode()
  regionCode!: string;

  @IsMongoId()
  jointCommitteeId!: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIRMS)
  @IsMongoId({ each: true })
  firmIds?: string[];

  @IsOptional()
  @IsEnum(PROJECT_STATUSES)
  status?: ProjectStatus;
}

export class UpdateConstructionProjectInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;

  @IsOptional()
  @IsEnum(PROJECT_STATUSES)
  status?: ProjectStatus;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FIRMS)
  @IsMongoId({ each: true })
  firmIds?: string[];
}

export class ConstructionProjectFilter {
  @IsOptional()
  @IsEnum(PROJECT_STATUSES)
  status?: ProjectStatus;

  @IsOptional()
  @Matches(/^[0-9]{1,6}$/, { message: 'regionCodePrefix must be 1 to 6 digits' })
  regionCodePrefix?: string;
}

export class CreateProjectAreaBranchInput {
  @IsMongoId()
  projectId!: string;

  @IsName(NAME_LENGTH)
  name!: string;
}

export class CreateProjectBranchInput {
  @IsMongoId()
  areaBranchId!: string;

  @IsName(NAME_LENGTH)
  name!: string;
}

export class CreateProjectTeamGroupInput {
  @IsMongoId()
  branchId!: string;

  @IsName(NAME_LENGTH)
  name!: string;
}

export class AssignBranchToFirmInput {
  @IsMongoId()
  branchId!: string;

  @IsMongoId()
  firmId!: string;
}
