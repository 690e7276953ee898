import { IsEnum, IsMongoId } from 'class-validator';
import { IsIsoDate, IsYear } from '@jiceng/calendar';
import { IsText } from '@jiceng/graphql';
import { APPRAISAL_GRADES, type AppraisalGrade } from '../organizational-life.enums';

export class RecordAppraisalInput {
  @IsMongoId()
  memberId!: string;

  @IsYear()
  year!: number;

  @IsEnum(APPRAISAL_GRADES)
  grade!: AppraisalGrade;

  /** The organization's decision (组织意见). */
  @IsText({ min: 2, max: 2000 })
  decision!: string;

  @IsIsoDate()
  decidedOn!: string;
}
