import { IsLine, IsText, ListOf } from '@jiceng/graphql';
import { IsDate, IsEnum, IsInt, IsMongoId, IsOptional, Min } from 'class-validator';
import { IsIsoDate, IsYear } from '@jiceng/calendar';
import { IsScore } from '../../validation/score';
import {
  CADRE_ROLES,
  COMMITMENT_SHEET_STEPS,
  type CadreRole,
  type CommitmentSheetStage,
} from '../commitment-sheet-steps';

export class CommitmentGoalInput {
  @IsLine({ min: 2 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  measures?: string;

  @IsOptional()
  @IsIsoDate()
  deadline?: string;
}

export class FileCommitmentSheetInput {
  @IsMongoId()
  memberId!: string;

  @IsMongoId()
  organizationId!: string;

  @IsYear()
  year!: number;

  @IsEnum(CADRE_ROLES)
  role!: CadreRole;

  @ListOf(() => CommitmentGoalInput, { min: 1, max: 20 })
  goals!: CommitmentGoalInput[];

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class ReportCommitmentSheetInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 2000 })
  report!: string;

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class AssessCommitmentSheetInput {
  @IsMongoId()
  id!: string;

  @IsInt()
  @Min(0)
  completedGoals!: number;

  @IsScore()
  score!: number;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  comment?: string;

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class CommitmentSheetFilter {
  @IsOptional()
  @IsYear()
  year?: number;

  @IsOptional()
  @IsEnum(COMMITMENT_SHEET_STEPS.states, { each: true })
  stages?: CommitmentSheetStage[];

  @IsOptional()
  @IsEnum(CADRE_ROLES, { each: true })
  roles?: CadreRole[];
}
