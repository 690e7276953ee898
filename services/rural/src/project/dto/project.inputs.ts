import { IsLine, IsName, IsText } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsMongoId,
  IsNumber,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { IsIsoDate, IsYear } from '@jiceng/calendar';
import { IsFen } from '../../validation/fen';
import {
  RURAL_FUNDING_TYPES,
  RURAL_PROJECT_KINDS,
  type RuralFundingType,
  type RuralProjectKind,
} from '../project.enums';
import { RURAL_PROJECT_STEPS, type RuralProjectStatus } from '../rural-project-steps';

export class CreateRuralProjectInput {
  @IsName({ min: 2 })
  name!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsMongoId({ each: true })
  villageIds!: string[];

  @IsEnum(RURAL_PROJECT_KINDS)
  kind!: RuralProjectKind;

  @IsOptional()
  @IsName({ min: 2 })
  model?: string;

  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  areaMu!: number;

  @IsYear()
  startYear!: number;

  @IsOptional()
  @IsMongoId()
  pairingId?: string;

  @IsOptional()
  @IsIsoDate()
  plannedOn?: string;
}

export class RecordRuralFundingInput {
  @IsMongoId()
  projectId!: string;

  @IsEnum(RURAL_FUNDING_TYPES)
  type!: RuralFundingType;

  @IsMongoId()
  villageId!: string;

  @IsYear()
  year!: number;

  @IsFen()
  amountFen!: number;

  @IsName({ min: 2 })
  source!: string;

  @IsOptional()
  @IsText({ min: 0, max: 500 })
  note?: string;
}

export class RecordCollectiveIncomeInput {
  @IsMongoId()
  projectId!: string;

  @IsMongoId()
  villageId!: string;

  @IsYear()
  year!: number;

  @IsFen()
  amountFen!: number;
}

export class AddRuralMilestoneInput {
  @IsMongoId()
  projectId!: string;

  @IsLine({ min: 2 })
  title!: string;

  @IsIsoDate()
  dueOn!: string;
}

export class ReachRuralMilestoneInput {
  @IsMongoId()
  projectId!: string;

  @IsMongoId()
  milestoneId!: string;

  @IsIsoDate()
  reachedOn!: string;
}

export class AdvanceRuralProjectStatusInput {
  @IsMongoId()
  id!: string;

  @IsEnum(RURAL_PROJECT_STEPS.states)
  to!: RuralProjectStatus;

  @IsIsoDate()
  on!: string;
}

export class RuralProjectFilter {
  @IsOptional()
  @IsEnum(RURAL_PROJECT_KINDS, { each: true })
  kinds?: RuralProjectKind[];

  @IsOptional()
  @IsEnum(RURAL_PROJECT_STEPS.states, { each: true })
  statuses?: RuralProjectStatus[];

  @IsOptional()
  @IsMongoId()
  pairingId?: string;
}
