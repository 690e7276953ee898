import { IsName, IsText, type TextOptions } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsMongoId,
  IsOptional,
} from 'class-validator';
import {
  AGE_BANDS,
  GENDERS,
  MEMBER_STATUSES,
  type AgeBand,
  type Gender,
  type MemberStatus,
} from '../member.enums';
import { IsCalendarDate, IsIdNumber, IsMobilePhone } from './personal-data.validators';

const REASON: TextOptions = { min: 2, max: 500 };

export class RegisterMemberInput {
  @IsMongoId()
  organizationId!: string;

  @IsName({ min: 2, max: 50 })
  name!: string;

  @IsIdNumber()
  idNumber!: string;

  @IsOptional()
  @IsEnum(GENDERS)
  gender?: Gender;

  @IsOptional()
  @IsCalendarDate()
  birthDate?: string;

  @IsOptional()
  @IsMobilePhone()
  phone?: string;

  @IsOptional()
  @IsEnum(MEMBER_STATUSES)
  status?: MemberStatus;

  @IsDate()
  statusSince!: Date;

  @IsOptional()
  @IsName()
  employer?: string;

  @IsOptional()
  @IsName({ max: 50 })
  occupation?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsName({ max: 20, each: true })
  tags?: string[];

  @IsOptional()
  @IsBoolean()
  inService?: boolean;

  @IsOptional()
  @IsMongoId()
  unitOrganizationId?: string;
}

export class UpdateMemberInput {
  @IsMongoId()
  id!: string;

  @IsOptional()
  @IsMobilePhone()
  phone?: string;

  @IsOptional()
  @IsName()
  employer?: string;

  @IsOptional()
  @IsName({ max: 50 })
  occupation?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsName({ max: 20, each: true })
  tags?: string[];

  @IsOptional()
  @IsBoolean()
  inService?: boolean;

  @IsOptional()
  @IsMongoId()
  unitOrganizationId?: string;
}

export class AdvanceMemberStatusInput {
  @IsMongoId()
  memberId!: string;

  @IsEnum(MEMBER_STATUSES)
  to!: MemberStatus;

  @IsDate()
  at!: Date;

  @IsOptional()
  @IsText(REASON)
  reason?: string;
}

export class LeavePartyInput {
  @IsMongoId()
  memberId!: string;

  @IsDate()
  at!: Date;

  @IsText(REASON)
  reason!: string;
}

export class MemberFilter {
  @IsOptional()
  @IsArray()
  @IsEnum(MEMBER_STATUSES, { each: true })
  statuses?: MemberStatus[];

  @IsOptional()
  @IsEnum(GENDERS)
  gender?: Gender;

  @IsOptional()
  @IsEnum(AGE_BANDS)
  ageBand?: AgeBand;

  @IsOptional()
  @IsBoolean()
  inService?: boolean;

  @IsOptional()
  @IsBoolean()
  floating?: boolean;

  @IsOptional()
  @IsName({ max: 20 })
  tag?: string;

  @IsOptional()
  @IsName({ max: 50 })
  nameContains?: string;

  @IsOptional()
  @IsBoolean()
  directOnly?: boolean;
}
