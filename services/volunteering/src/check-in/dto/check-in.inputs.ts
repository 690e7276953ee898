import { IsLine, IsText, LngLatInput } from '@jiceng/graphql';
import { Type } from 'class-transformer';
import { IsDate, IsMongoId, IsOptional, ValidateNested } from 'class-validator';

/** A volunteer's own check-in or check-out: the scanned QR token, the position, or both. */
export class VolunteerAttendanceInput {
  @IsMongoId()
  claimId!: string;

  @IsOptional()
  @IsLine()
  qrToken?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => LngLatInput)
  position?: LngLatInput;
}

/** The organizer records a check-in or check-out by hand (手工签到), with the reason. */
export class ManualAttendanceInput {
  @IsMongoId()
  claimId!: string;

  @IsText({ min: 2, max: 500 })
  reason!: string;

  /** When the volunteer actually arrived or left; now when omitted. */
  @IsOptional()
  @IsDate()
  at?: Date;
}
