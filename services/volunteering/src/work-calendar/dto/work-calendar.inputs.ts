import { IsName } from '@jiceng/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { WORK_CALENDAR_DAY_KINDS, type WorkCalendarDayKind } from '@jiceng/calendar';

export class SetWorkCalendarDayInput {
  @IsString()
  date!: string;

  // NORMAL removes the day's exception: it is accepted here but never stored.
  @IsEnum([...WORK_CALENDAR_DAY_KINDS, 'NORMAL'])
  kind!: WorkCalendarDayKind | 'NORMAL';

  @IsOptional()
  @IsName({ max: 50 })
  name?: string;
}
