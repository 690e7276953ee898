import { IsName } from '@jiceng/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';

export class SetWorkCalendarDayInput {
  @IsString()
  date!: string;

  @IsEnum(['HOLIDAY', 'WORKDAY', 'NORMAL'])
  kind!: 'HOLIDAY' | 'WORKDAY' | 'NORMAL';

  @IsOptional()
  @IsName({ max: 50 })
  name?: string;
}
