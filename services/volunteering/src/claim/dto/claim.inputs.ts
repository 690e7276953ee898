import { IsEnum, IsMongoId, IsOptional } from 'class-validator';
import { CLAIM_STEPS, type ClaimState } from '../claim-steps';

export class ClaimVolunteerTaskInput {
  @IsMongoId()
  taskId!: string;

  /**
   * The organization that claims, for an ORG_ADMIN its own or one below it (the default is its
   * own); ADMIN must name one. MEMBER callers claim for themselves and leave it out.
   */
  @IsOptional()
  @IsMongoId()
  organizationId?: string;
}

export class WithdrawClaimInput {
  @IsMongoId()
  claimId!: string;
}

export class ClaimFilter {
  @IsOptional()
  @IsEnum(CLAIM_STEPS.states, { each: true })
  states?: ClaimState[];
}
