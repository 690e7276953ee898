import { Type } from 'class-transformer';
import { IsLine, IsName, IsText } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsMongoId,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  SERVICE_REQUEST_CATEGORIES,
  type ServiceRequestCategory,
} from '../../service-request/service-request.enums';
import {
  AGREEMENT_PARTY_KINDS,
  STALL_KINDS,
  type AgreementPartyKind,
  type StallKind,
} from '../service-day.enums';

export class StallInput {
  @IsEnum(STALL_KINDS)
  kind!: StallKind;

  /** What the stall offers, e.g. 内外科检查、心电图测量; the kind's label when omitted. */
  @IsOptional()
  @IsName()
  title?: string;

  /** The unit that runs the stall; exactly one of unitId and helpTeamId. */
  @IsOptional()
  @IsMongoId()
  unitId?: string;

  @IsOptional()
  @IsMongoId()
  helpTeamId?: string;
}

export class PlanServiceDayInput {
  /** A grid (网格) or compound (小区) branch. */
  @IsMongoId()
  branchId!: string;

  /** YYYY-MM-DD: the 5th of a month. */
  @IsString()
  date!: string;

  @IsName()
  theme!: string;

  @IsString()
  startTime!: string;

  @IsString()
  endTime!: string;

  /** Points each attending volunteer earns, like a task's. */
  @IsInt()
  @Min(0)
  @Max(100)
  pointsPerVolunteer!: number;

  @ValidateNested({ each: true })
  @Type(() => StallInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  stalls!: StallInput[];
}

export class SignServiceAgreementInput {
  @IsMongoId()
  serviceDayId!: string;

  @IsEnum(AGREEMENT_PARTY_KINDS)
  partyKind!: AgreementPartyKind;

  /** The unit (organization), member or 帮帮团 signing. */
  @IsMongoId()
  partyId!: string;
}

export class VolunteerPresentInput {
  @IsMongoId()
  memberId!: string;

  /** The unit that sent the member (双报到), when it signed for them. */
  @IsOptional()
  @IsMongoId()
  unitId?: string;

  @IsOptional()
  @IsMongoId()
  stallId?: string;

  /** Minutes served; the day's hours when omitted. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  minutes?: number;
}

export class RecordServiceDayAttendanceInput {
  @IsMongoId()
  serviceDayId!: string;

  @ValidateNested({ each: true })
  @Type(() => VolunteerPresentInput)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  volunteers!: VolunteerPresentInput[];
}

export class RecordServiceDayFiguresInput {
  @IsMongoId()
  serviceDayId!: string;

  /** 服务项目数 */
  @IsInt()
  @Min(0)
  @Max(10_000)
  services!: number;

  /** 受益者人数 */
  @IsInt()
  @Min(0)
  @Max(100_000)
  beneficiaries!: number;

  /** 群众满意度, percent with up to two decimals. */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  satisfaction!: number;
}

export class CollectServiceDayProblemInput {
  @IsMongoId()
  serviceDayId!: string;

  @IsOptional()
  @IsMongoId()
  stallId?: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
  description?: string;

  @IsEnum(SERVICE_REQUEST_CATEGORIES)
  category!: ServiceRequestCategory;
}

export class CancelServiceDayInput {
  @IsMongoId()
  serviceDayId!: string;

  @IsLine({ min: 2, max: 500 })
  reason!: string;
}
