import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsMongoId,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate } from '@jiceng/calendar';
import { IsLine, IsText } from '@jiceng/graphql';
import {
  HOUSEHOLD_CONTACT_DUTIES,
  HOUSEHOLD_PROBLEM_CATEGORIES,
  type HouseholdContactDuty,
  type HouseholdProblemCategory,
} from '../household-contacts.enums';

/** An address label, "3号楼2单元501" or "东街12号": no names. */
const ADDRESS = { min: 2, max: 100 };
/** Long enough for "+86 138-1234-5678"; the service checks it is a mainland mobile. */
const PHONE = { min: 11, max: 20 };

export class RegisterHouseholdInput {
  @IsMongoId()
  organizationId!: string;

  @IsLine(ADDRESS)
  address!: string;

  @IsOptional()
  @IsLine(PHONE)
  phone?: string;

  @IsOptional()
  @IsMongoId()
  memberId?: string;

  /** With memberId: the day the assignment takes effect (today unless given). */
  @IsOptional()
  @IsIsoDate()
  assignedOn?: string;
}

export class AssignHouseholdInput {
  @IsLine({ max: 49 })
  householdId!: string;

  @IsMongoId()
  memberId!: string;

  @IsOptional()
  @IsIsoDate()
  assignedOn?: string;
}

export class HouseholdProblemInput {
  @IsText({ min: 2, max: 1000 })
  description!: string;

  @IsEnum(HOUSEHOLD_PROBLEM_CATEGORIES)
  category!: HouseholdProblemCategory;
}

export class RecordHouseholdVisitInput {
  @IsLine({ max: 49 })
  householdId!: string;

  @IsIsoDate()
  visitedOn!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(HOUSEHOLD_CONTACT_DUTIES.length)
  @ArrayUnique()
  @IsEnum(HOUSEHOLD_CONTACT_DUTIES, { each: true })
  duties!: HouseholdContactDuty[];

  @IsOptional()
  @IsText({ max: 1000 })
  note?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => HouseholdProblemInput)
  problem?: HouseholdProblemInput;
}

export class ResolveHouseholdProblemInput {
  @IsMongoId()
  visitId!: string;

  /** How it was solved (解决情况). */
  @IsText({ min: 2, max: 1000 })
  solution!: string;

  @IsIsoDate()
  solvedOn!: string;
}
