import { IsText } from '@jiceng/graphql';
import { IsMongoId, IsOptional } from 'class-validator';

export class ApproveClaimInput {
  @IsMongoId()
  claimId!: string;

  @IsOptional()
  @IsText({ min: 0, max: 500 })
  comment?: string;
}

export class RejectClaimInput {
  @IsMongoId()
  claimId!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}

export class RevokeClaimApprovalInput {
  @IsMongoId()
  claimId!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;
}
