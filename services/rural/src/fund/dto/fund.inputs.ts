import { IsLine, IsName, IsText } from '@jiceng/graphql';
import { IsDate, IsEnum, IsInt, IsMongoId, IsOptional, Min } from 'class-validator';
import { IsYear } from '@jiceng/calendar';
import { IsFen } from '../../validation/fen';
import { IsScore } from '../../validation/score';
import { FUND_STEPS, type FundStage } from '../fund-steps';

export class CreateFundInput {
  @IsMongoId()
  organizationId!: string;

  @IsName({ min: 2 })
  name!: string;

  @IsYear()
  year!: number;

  @IsFen()
  budgetFen!: number;
}

export class ApplyForFundInput {
  @IsMongoId()
  fundId!: string;

  @IsMongoId()
  organizationId!: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsFen()
  requestedFen!: number;

  @IsOptional()
  @IsDate()
  at?: Date;
}

export class AdvanceFundApplicationInput {
  @IsMongoId()
  id!: string;

  @IsEnum(FUND_STEPS.states)
  to!: FundStage;

  @IsOptional()
  @IsDate()
  at?: Date;

  @IsOptional()
  @IsScore()
  score?: number;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  note?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class AllocateFundInput {
  @IsMongoId()
  applicationId!: string;

  @IsFen()
  amountFen!: number;
}

export class FundFilter {
  @IsOptional()
  @IsYear()
  year?: number;
}

export class FundApplicationFilter {
  @IsOptional()
  @IsEnum(FUND_STEPS.states, { each: true })
  stages?: FundStage[];
}
