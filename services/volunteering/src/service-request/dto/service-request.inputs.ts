import { IsLine, IsText } from '@jiceng/graphql';
import { IsBoolean, IsDate, IsEnum, IsMongoId, IsOptional } from 'class-validator';
import {
  SATISFACTIONS,
  SERVICE_REQUEST_CATEGORIES,
  SERVICE_REQUEST_CHANNELS,
  type Satisfaction,
  type ServiceRequestCategory,
  type ServiceRequestChannel,
} from '../service-request.enums';
import { SERVICE_REQUEST_STEPS, type ServiceRequestState } from '../service-request-steps';

export class ReportServiceRequestInput {
  @IsMongoId()
  communityId!: string;

  @IsLine({ min: 2, max: 100 })
  title!: string;

  @IsOptional()
  @IsText({ min: 0, max: 2000 })
  description?: string;

  @IsEnum(SERVICE_REQUEST_CATEGORIES)
  category!: ServiceRequestCategory;

  @IsEnum(SERVICE_REQUEST_CHANNELS)
  channel!: ServiceRequestChannel;

  /** When the request was collected, if earlier than its entry (paper records); now when omitted. */
  @IsOptional()
  @IsDate()
  reportedAt?: Date;
}

export class AcceptServiceRequestInput {
  @IsMongoId()
  id!: string;

  /** When the request was accepted, if earlier than its entry; now when omitted. */
  @IsOptional()
  @IsDate()
  at?: Date;
}

export class DeclineServiceRequestInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class RespondServiceRequestInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 2000 })
  response!: string;
}

export class CloseServiceRequestInput {
  @IsMongoId()
  id!: string;

  @IsText({ min: 2, max: 1000 })
  note!: string;
}

export class EvaluateServiceRequestInput {
  @IsMongoId()
  id!: string;

  @IsEnum(SATISFACTIONS)
  satisfaction!: Satisfaction;

  @IsOptional()
  @IsText({ min: 0, max: 1000 })
  comment?: string;
}

export class ServiceRequestFilter {
  @IsOptional()
  @IsEnum(SERVICE_REQUEST_STEPS.states, { each: true })
  states?: ServiceRequestState[];

  /** true: overdue ones only (open past the due date, or closed late); false: the others. */
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;
}
