import { IsMongoId, IsOptional, IsString, Length } from 'class-validator';

export class ApproveClaimInput {
  @IsMongoId()
  claimId!: string;

  @IsOptional()
  @IsString()
  @Length(0, 500)
  comment?: string;
}

export class RejectClaimInput {
  @IsMongoId()
  claimId!: string;

  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class RevokeClaimApprovalInput {
  @IsMongoId()
  claimId!: string;

  @IsString()
  @Length(2, 500)
  reason!: string;
}
