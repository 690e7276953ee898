import { IsName, IsText, TextLimit, type TextOptions } from '@jiceng/graphql';
import { IsArray, IsEnum, IsMongoId, IsOptional, Matches } from 'class-validator';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SECTORS,
  ORGANIZATION_STATUSES,
  type OrganizationKind,
  type OrganizationSector,
  type OrganizationStatus,
} from '@jiceng/events';
import { IsRegionCode } from './region-code.validator';

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };

export class CreateOrganizationInput {
  @IsName(NAME_LENGTH)
  name!: string;

  @IsEnum(ORGANIZATION_KINDS)
  kind!: OrganizationKind;

  @IsEnum(ORGANIZATION_SECTORS)
  sector!: OrganizationSector;

  @IsRegionCode()
  regionCode!: string;

  @IsOptional()
  @IsMongoId()
  parentId?: string;
}

export class UpdateOrganizationInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @IsOptional()
  @IsEnum(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @IsOptional()
  @IsEnum(ORGANIZATION_SECTORS)
  sector?: OrganizationSector;

  @IsOptional()
  @IsRegionCode()
  regionCode?: string;
}

export class MoveOrganizationInput {
  @IsMongoId()
  id!: string;

  @IsMongoId()
  newParentId!: string;
}

export class DissolveOrganizationInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class OrganizationFilter {
  @IsOptional()
  @IsArray()
  @IsEnum(ORGANIZATION_KINDS, { each: true })
  kinds?: OrganizationKind[];

  @IsOptional()
  @IsArray()
  @IsEnum(ORGANIZATION_SECTORS, { each: true })
  sectors?: OrganizationSector[];

  @IsOptional()
  @IsEnum(ORGANIZATION_STATUSES)
  status?: OrganizationStatus;

  @IsOptional()
  @Matches(/^[0-9]{1,6}$/, { message: 'regionCodePrefix must be 1 to 6 digits' })
  regionCodePrefix?: string;

  @IsOptional()
  @IsName({ max: 50 })
  nameContains?: string;
}
