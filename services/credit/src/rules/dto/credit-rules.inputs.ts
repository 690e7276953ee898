import { MEETING_KINDS_V1 } from '@jiceng/events';
import { IsName, IsText, ListOf } from '@jiceng/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDate,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  POINTS_BASES,
  SHARE_MODES,
  type MeetingKind,
  type PointsBasis,
  type ShareMode,
} from '../credit-rules';

export class PointsRuleInput {
  @IsIn(POINTS_BASES)
  basis!: PointsBasis;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  pointsPerHour?: number;
}

export class ShareRuleInput {
  @IsIn(SHARE_MODES)
  mode!: ShareMode;

  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(10_000)
  value?: number;
}

export class StationVisitPointsInput {
  @IsInt()
  @Min(0)
  @Max(1000)
  operator!: number;
}

// Meeting points and bonuses: whole points ≥ 0 are ruleProblems' to check (the rules are checked
// in one place, with the input path in the message); here only what the rule cannot say.

export class MeetingKindPointsInput {
  @IsIn(MEETING_KINDS_V1)
  kind!: MeetingKind;

  @IsInt()
  points!: number;
}

export class MeetingPointsRuleInput {
  // Each kind at most once (the mapping names a repeated one), so no longer than the kinds.
  @ListOf(() => MeetingKindPointsInput, { max: MEETING_KINDS_V1.length })
  perKind!: MeetingKindPointsInput[];

  @ValidateNested()
  @Type(() => ShareRuleInput)
  branchShare!: ShareRuleInput;

  @ValidateNested()
  @Type(() => ShareRuleInput)
  firmShare!: ShareRuleInput;

  @IsInt()
  memberMonthlyCap!: number;
}

export class BonusRuleInput {
  @IsInt()
  fiveStarRating!: number;

  @IsInt()
  jointProjectCompleted!: number;

  @IsBoolean()
  firmTierCountsJointBuilding!: boolean;
}

export class HouseholdVisitPointsInput {
  @IsInt()
  member!: number;

  @ValidateNested()
  @Type(() => ShareRuleInput)
  branchShare!: ShareRuleInput;
}

export class MonthlyCapsInput {
  @IsInt()
  @Min(1)
  member!: number;

  @IsInt()
  @Min(1)
  organization!: number;

  @IsInt()
  @Min(1)
  firm!: number;
}

export class BonusTierInput {
  @Matches(/^[A-Z][A-Z0-9_]{0,9}$/, { message: 'tier must be a short upper-case code' })
  tier!: string;

  @IsName({ max: 40 })
  label!: string;

  @IsInt()
  @Min(1)
  minPoints!: number;

  @IsNumber()
  @Min(0)
  @Max(100)
  bonusScore!: number;
}

export class LetterCountsInput {
  @IsInt()
  @Min(0)
  @Max(100)
  memberTop!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  memberBottom!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  organizationTop!: number;

  @IsInt()
  @Min(0)
  @Max(100)
  organizationBottom!: number;
}

export class PublishCreditRulesInput {
  @Matches(/^v[0-9]{1,4}[a-z0-9.-]{0,20}$/, { message: 'version must look like v2' })
  version!: string;

  @Type(() => Date)
  @IsDate()
  effectiveFrom!: Date;

  @IsText({ min: 2, max: 500 })
  description!: string;

  @ValidateNested()
  @Type(() => PointsRuleInput)
  memberPoints!: PointsRuleInput;

  @ValidateNested()
  @Type(() => PointsRuleInput)
  organizationClaimPoints!: PointsRuleInput;

  @ValidateNested()
  @Type(() => ShareRuleInput)
  branchShare!: ShareRuleInput;

  @ValidateNested()
  @Type(() => ShareRuleInput)
  unitShare!: ShareRuleInput;

  @ValidateNested()
  @Type(() => ShareRuleInput)
  firmShare!: ShareRuleInput;

  // Optional like the share values: left out, visits earn nothing under the version.
  @IsOptional()
  @ValidateNested()
  @Type(() => StationVisitPointsInput)
  stationVisitPoints?: StationVisitPointsInput;

  // Left out: the defaults (DEFAULT_MEETING_POINTS, DEFAULT_BONUSES), as in versions stored
  // before the fields existed.
  @IsOptional()
  @ValidateNested()
  @Type(() => MeetingPointsRuleInput)
  meetingPoints?: MeetingPointsRuleInput;

  @IsOptional()
  @ValidateNested()
  @Type(() => BonusRuleInput)
  bonuses?: BonusRuleInput;

  // Left out: DEFAULT_HOUSEHOLD_VISIT_POINTS, as in versions stored before the field.
  @IsOptional()
  @ValidateNested()
  @Type(() => HouseholdVisitPointsInput)
  householdVisitPoints?: HouseholdVisitPointsInput;

  @ValidateNested()
  @Type(() => MonthlyCapsInput)
  monthlyCaps!: MonthlyCapsInput;

  @ListOf(() => BonusTierInput, { max: 10 })
  firmBonusTiers!: BonusTierInput[];

  @ValidateNested()
  @Type(() => LetterCountsInput)
  letters!: LetterCountsInput;
}
