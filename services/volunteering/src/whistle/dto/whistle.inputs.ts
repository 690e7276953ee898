import { IsLine, IsText } from '@jiceng/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  Max,
  Min,
} from 'class-validator';
import { SATISFACTIONS, type Satisfaction } from '../../service-request/service-request.enums';
import { WHISTLE_CATEGORIES, type WhistleCategory } from '../whistle.enums';
import { WHISTLE_STEPS, type WhistleState } from '../whistle-steps';

/** Most departments one whistle may call: a township calls the few that own the problem. */
export const MAX_WHISTLED_DEPARTMENTS = 10;
export const MAX_WORKING_DAYS = 30;

export class RaiseWhistleInput {
  /** The village or community; taken from the service request when raised from one. */
  @IsOptional()
  @IsMongoId()
  requesterId?: string;

  /** The service request the village could not solve, if the problem comes from one. */
  @IsOptional()
  @IsMongoId()
  serviceRequestId?: string;

  /** The request's title when raised from one. */
  @IsOptional()
  @IsLine({ min: 2, max: 100 })
  title?: string;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
  description?: string;

  @IsEnum(WHISTLE_CATEGORIES)
  category!: WhistleCategory;

  /** When the problem was raised, if before its entry (paper records); now when omitted. */
  @IsOptional()
  @IsDate()
  raisedAt?: Date;
}

export class ResolveWhistleInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 2000 })
  note!: string;
}

export class BlowWhistleInput {
  @IsMongoId()
  id!: string;

  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_WHISTLED_DEPARTMENTS)
  @ArrayUnique()
  @IsMongoId({ each: true })
  departmentIds!: string[];

  /** Working days each department has to answer; WHISTLE_WORKING_DAYS when omitted. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_WORKING_DAYS)
  workingDays?: number;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
  note?: string;

  /** When the township decided to whistle, if before its entry; now when omitted. */
  @IsOptional()
  @IsDate()
  at?: Date;
}

export class AcceptWhistleInput {
  @IsMongoId()
  id!: string;

  @IsMongoId()
  departmentId!: string;
}

export class ActOnWhistleInput extends AcceptWhistleInput {
  @IsText({ min: 2, max: 2000 })
  note!: string;
}

export class AnswerWhistleInput extends AcceptWhistleInput {
  @IsText({ min: 2, max: 2000 })
  answer!: string;
}

export class EvaluateWhistleInput {
  @IsMongoId()
  id!: string;

  @IsEnum(SATISFACTIONS)
  satisfaction!: Satisfaction;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  comment?: string;
}

export class WhistleFilter {
  @IsOptional()
  @IsEnum(WHISTLE_STEPS.states, { each: true })
  states?: WhistleState[];

  /** true: problems with a report overdue (open past its due date, or answered late); false: the others. */
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
