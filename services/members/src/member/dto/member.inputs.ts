import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsMongoId,
  IsOptional,
  IsString,
  Length,
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

const REASON: [number, number] = [2, 500];

export class RegisterMemberInput {
  @IsMongoId()
  organizationId!: string;

  @IsString()
  @Length(2, 50)
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
  @IsString()
  @Length(1, 100)
  employer?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  occupation?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
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
  @IsString()
  @Length(1, 100)
  employer?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  occupation?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
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
  @IsString()
  @Length(...REASON)
  reason?: string;
}

export class LeavePartyInput {
  @IsMongoId()
  memberId!: string;

  @IsDate()
  at!: Date;

  @IsString()
  @Length(...REASON)
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
  @IsString()
  @Length(1, 20)
  tag?: string;

  @IsOptional()
  @IsString()
  @Length(1, 50)
  nameContains?: string;

  @IsOptional()
  @IsBoolean()
  directOnly?: boolean;
}
