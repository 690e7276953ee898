import {
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  IsString,
  Length,
  Min,
} from 'class-validator';
import { IsYear } from '../shared/year';
import { IsScore } from '../shared/score';
import { SECRETARY_PROJECT_STATES, type SecretaryProjectState } from './secretary-project-state';

export class ProposeSecretaryProjectInput {
  @IsMongoId()
  organizationId!: string;

  @IsYear()
  year!: number;

  @IsString()
  @Length(2, 100)
  title!: string;

  @IsOptional()
  @IsString()
  @Length(0, 2000)
  goals?: string;

  @IsOptional()
  @IsMongoId()
  secretaryMemberId?: string;

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class AdvanceSecretaryProjectInput {
  @IsMongoId()
  id!: string;

  @IsEnum(SECRETARY_PROJECT_STATES)
  to!: SecretaryProjectState;

  @IsOptional()
  @IsDate()
  at?: Date;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @IsOptional()
  @IsScore()
  midtermScore?: number;

  @IsOptional()
  @IsScore()
  selfCheckScore?: number;

  @IsOptional()
  @IsScore()
  upperReviewScore?: number;

  @IsOptional()
  @IsScore()
  residentScore?: number;

  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string;
}

export class SecretaryProjectFilter {
  @IsOptional()
  @IsYear()
  year?: number;

  @IsOptional()
  @IsEnum(SECRETARY_PROJECT_STATES, { each: true })
  states?: SecretaryProjectState[];
}
