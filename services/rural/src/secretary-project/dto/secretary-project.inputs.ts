import { IsLine, IsText } from '@jiceng/graphql';
import { IsDate, IsEnum, IsInt, IsMongoId, IsOptional, Min } from 'class-validator';
import { IsYear } from '@jiceng/calendar';
import { IsScore } from '../../validation/score';
import { SECRETARY_PROJECT_STEPS, type SecretaryProjectState } from '../secretary-project-steps';

export class ProposeSecretaryProjectInput {
  @IsMongoId()
  organizationId!: string;

  @IsYear()
  year!: number;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
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

  @IsEnum(SECRETARY_PROJECT_STEPS.states)
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
  @IsText({ min: 0, max: 1000 })
  note?: string;
}

export class SecretaryProjectFilter {
  @IsOptional()
  @IsYear()
  year?: number;

  @IsOptional()
  @IsEnum(SECRETARY_PROJECT_STEPS.states, { each: true })
  states?: SecretaryProjectState[];
}
