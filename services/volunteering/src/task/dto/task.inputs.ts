import { IsLine, IsText, LngLatInput } from '@jiceng/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsMongoId,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  TASK_AUDIENCES,
  TASK_CATEGORIES,
  TASK_STATUSES,
  type TaskAudience,
  type TaskCategory,
  type TaskStatus,
} from '../task.enums';

export class PublishVolunteerTaskInput {
  @IsMongoId()
  communityId!: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
  description?: string;

  @IsEnum(TASK_CATEGORIES)
  category!: TaskCategory;

  @IsEnum(TASK_AUDIENCES)
  audience!: TaskAudience;

  @IsInt()
  @Min(1)
  @Max(1000)
  slots!: number;

  @ValidateNested()
  @Type(() => LngLatInput)
  place!: LngLatInput;

  @IsOptional()
  @IsLine({ min: 2 })
  address?: string;

  @IsInt()
  @Min(10)
  @Max(5000)
  radiusMeters!: number;

  @IsDate()
  startsAt!: Date;

  @IsDate()
  endsAt!: Date;

  @IsInt()
  @Min(0)
  @Max(1000)
  points!: number;
}

export class CancelVolunteerTaskInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class VolunteerTaskFilter {
  @IsOptional()
  @IsEnum(TASK_CATEGORIES, { each: true })
  categories?: TaskCategory[];

  @IsOptional()
  @IsEnum(TASK_STATUSES)
  status?: TaskStatus;

  @IsOptional()
  @IsMongoId()
  organizationId?: string;
}
