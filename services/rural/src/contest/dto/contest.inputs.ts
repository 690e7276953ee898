import { IsLine, IsName } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsMongoId,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { IsPeriod } from '@jiceng/calendar';
import { IsScore } from '../../validation/score';

export class CreateContestInput {
  @IsMongoId()
  organizationId!: string;

  @IsPeriod(['QUARTER'])
  quarter!: string;

  @IsLine({ min: 2, max: 100 })
  theme!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsName({ max: 50, each: true })
  jurors!: string[];

  @IsInt()
  @Min(1)
  @Max(20)
  winnerCount!: number;
}

export class EnterContestInput {
  @IsMongoId()
  contestId!: string;

  @IsMongoId()
  organizationId!: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;
}

export class ScoreContestEntryInput {
  @IsMongoId()
  contestId!: string;

  @IsMongoId()
  entryId!: string;

  @IsName({ max: 50 })
  juror!: string;

  @IsScore()
  score!: number;
}

export class ContestFilter {
  @IsOptional()
  @IsPeriod(['QUARTER'])
  quarter?: string;
}

export class CloseContestInput {
  @IsMongoId()
  id!: string;
}
