import { IsName, ListOf, TextLimit, type TextOptions } from '@jiceng/graphql';
import { WEEKDAYS, type Weekday } from '@jiceng/calendar';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
} from 'class-validator';
import {
  SERVICE_CENTER_KINDS,
  SERVICE_CENTER_LEVELS,
  STANDARD_ITEMS,
  type ServiceCenterKind,
  type ServiceCenterLevel,
  type StandardItem,
} from '../service-center.enums';

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };
const LABEL_LENGTH: TextOptions = { min: 1, max: 50 };
const MAX_ENTRIES = 50;

// Times are checked for format, order and overlap together, in openingHoursProblems.
export class OpeningIntervalInput {
  @IsEnum(WEEKDAYS)
  weekday!: Weekday;

  @IsString()
  opens!: string;

  @IsString()
  closes!: string;
}

export class ServiceWindowInput {
  @IsName(LABEL_LENGTH)
  name!: string;

  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @IsName({ ...LABEL_LENGTH, each: true })
  services!: string[];
}

class ServiceCenterFields {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ENTRIES)
  @IsName({ ...LABEL_LENGTH, each: true })
  facilities?: string[];

  @IsOptional()
  @IsArray()
  @IsEnum(STANDARD_ITEMS, { each: true })
  standardItemsMet?: StandardItem[];

  @ListOf(() => OpeningIntervalInput, { max: MAX_ENTRIES, optional: true })
  openingHours?: OpeningIntervalInput[];

  @ListOf(() => ServiceWindowInput, { max: MAX_ENTRIES, optional: true })
  windows?: ServiceWindowInput[];
}

export class CreateServiceCenterInput extends ServiceCenterFields {
  @IsMongoId()
  organizationId!: string;

  @IsName(NAME_LENGTH)
  name!: string;

  @IsEnum(SERVICE_CENTER_KINDS)
  kind!: ServiceCenterKind;

  @IsEnum(SERVICE_CENTER_LEVELS)
  level!: ServiceCenterLevel;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  floorAreaSqm!: number;
}

export class UpdateServiceCenterInput extends ServiceCenterFields {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @IsOptional()
  @IsEnum(SERVICE_CENTER_KINDS)
  kind?: ServiceCenterKind;

  @IsOptional()
  @IsEnum(SERVICE_CENTER_LEVELS)
  level?: ServiceCenterLevel;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  floorAreaSqm?: number;
}
