import { IsText, type TextOptions } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsMongoId,
  IsNumber,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { IsPeriod } from '@jiceng/calendar';
import type { AdjustmentInput, ScoreInput } from '../scoring';
import {
  STAR_RATING_STATUSES,
  STARS,
  type InspectionCheck,
  type Stars,
  type StarRatingStatus,
} from '../star-rating.enums';

// Criterion scores, findings and adjustments are checked against the template by the service,
// which reports them as `input.scores[3].score`.
const STARS_MESSAGE = { message: 'must be 3, 4 or 5' };
const REMARKS_LENGTH: TextOptions = { min: 0, max: 500 };

export class SelfAssessStarRatingInput {
  @IsMongoId()
  organizationId!: string;

  @IsPeriod(['QUARTER'])
  period!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  scores!: ScoreInput[];

  @IsIn(STARS, STARS_MESSAGE)
  claimedStars!: Stars;

  @IsOptional()
  @IsText(REMARKS_LENGTH)
  remarks?: string;
}

export class DefendStarRatingInput {
  @IsMongoId()
  id!: string;

  @IsNumber()
  @Min(0)
  @Max(100)
  score!: number;

  @IsIn(STARS, STARS_MESSAGE)
  proposedStars!: Stars;

  @IsOptional()
  @IsText(REMARKS_LENGTH)
  remarks?: string;
}

export class InspectStarRatingInput {
  @IsMongoId()
  id!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  findings!: { check: InspectionCheck; passed: boolean; note: string }[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  adjustments?: AdjustmentInput[];

  @IsOptional()
  @IsText(REMARKS_LENGTH)
  remarks?: string;
}

export class ReviewStarRatingInput {
  @IsMongoId()
  id!: string;

  @IsIn(STARS, STARS_MESSAGE)
  stars!: Stars;

  @IsOptional()
  @IsText(REMARKS_LENGTH)
  remarks?: string;
}

export class PublishStarRatingInput {
  @IsMongoId()
  id!: string;
}

export class StarRatingFilter {
  @IsMongoId()
  rootId!: string;

  @IsOptional()
  @IsPeriod(['QUARTER'])
  period?: string;

  @IsOptional()
  @IsEnum(STAR_RATING_STATUSES)
  status?: StarRatingStatus;

  @IsOptional()
  @IsIn(STARS, STARS_MESSAGE)
  stars?: Stars;
}
