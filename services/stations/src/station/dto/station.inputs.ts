import {
  IsLine,
  IsName,
  IsText,
  ListOf,
  LngLatInput,
  TextLimit,
  type TextOptions,
} from '@jiceng/graphql';
import { WEEKDAYS, type Weekday } from '@jiceng/calendar';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  AMENITIES,
  STATION_KINDS,
  STATION_SERVICES,
  type Amenity,
  type StationKind,
  type StationService,
} from '../station.enums';
import { STATION_STEPS, type StationStatus } from '../station-steps';

/** The radius of the 15-minute service circle and well beyond; a city-wide search is 50 km. */
export const MAX_NEARBY_RADIUS_METERS = 50_000;
/** Four intervals a day (split shifts) for every weekday. */
const MAX_INTERVALS = 28;

export class OpeningIntervalInput {
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(WEEKDAYS, { each: true })
  weekdays!: Weekday[];

  @IsString()
  opens!: string;

  @IsString()
  closes!: string;
}

const NAME_LENGTH: TextOptions = { min: 2, max: TextLimit.NAME };
const ADDRESS_LENGTH: TextOptions = { min: 2, max: TextLimit.TITLE };

class StationLists {
  @IsOptional()
  @ArrayUnique()
  @IsEnum(AMENITIES, { each: true })
  amenities?: Amenity[];

  @IsOptional()
  @ArrayUnique()
  @IsEnum(STATION_SERVICES, { each: true })
  services?: StationService[];
}

export class CreateStationInput extends StationLists {
  @IsMongoId()
  operatorId!: string;

  @IsName(NAME_LENGTH)
  name!: string;

  @IsEnum(STATION_KINDS)
  kind!: StationKind;

  @IsLine(ADDRESS_LENGTH)
  address!: string;

  @ValidateNested()
  @Type(() => LngLatInput)
  location!: LngLatInput;

  @ListOf(() => OpeningIntervalInput, { min: 1, max: MAX_INTERVALS })
  openingHours!: OpeningIntervalInput[];
}

/** Fields given replace the stored ones; lists replace whole lists. */
export class UpdateStationInput extends StationLists {
  @IsMongoId()
  id!: string;

  /** Hands the station to another organization; the caller must administer both. */
  @IsOptional()
  @IsMongoId()
  operatorId?: string;

  @IsOptional()
  @IsName(NAME_LENGTH)
  name?: string;

  @IsOptional()
  @IsEnum(STATION_KINDS)
  kind?: StationKind;

  @IsOptional()
  @IsLine(ADDRESS_LENGTH)
  address?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LngLatInput)
  location?: LngLatInput;

  @ListOf(() => OpeningIntervalInput, { min: 1, max: MAX_INTERVALS, optional: true })
  openingHours?: OpeningIntervalInput[];
}

export class ChangeStationStatusInput {
  @IsMongoId()
  id!: string;

  @IsEnum(STATION_STEPS.states)
  status!: StationStatus;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class NearbyStationsInput extends LngLatInput {
  @IsInt()
  @Min(1)
  @Max(MAX_NEARBY_RADIUS_METERS)
  radiusMeters!: number;

  /** Stations offering every one of these. */
  @IsOptional()
  @ArrayUnique()
  @IsEnum(AMENITIES, { each: true })
  amenities?: Amenity[];

  @IsOptional()
  @ArrayUnique()
  @IsEnum(STATION_SERVICES, { each: true })
  services?: StationService[];

  @IsOptional()
  @IsBoolean()
  openNow?: boolean;

  /** The instant `openNow` refers to; now when absent. */
  @IsOptional()
  @IsDate()
  at?: Date;
}

export class StationFilter {
  @IsOptional()
  @ArrayUnique()
  @IsEnum(STATION_STEPS.states, { each: true })
  statuses?: StationStatus[];

  @IsOptional()
  @ArrayUnique()
  @IsEnum(AMENITIES, { each: true })
  amenities?: Amenity[];
}
