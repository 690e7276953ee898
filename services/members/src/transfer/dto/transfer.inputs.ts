import { IsText } from '@jiceng/graphql';
import { IsMongoId, IsOptional } from 'class-validator';

export class RequestTransferInput {
  @IsMongoId()
  memberId!: string;

  @IsMongoId()
  toOrganizationId!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class DecideTransferInput {
  @IsMongoId()
  transferId!: string;

  @IsOptional()
  @IsText({ min: 2, max: 500 })
  note?: string;
}
