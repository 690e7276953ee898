import { IsEnum, IsOptional, IsString, Length } from 'class-validator';

export class SetWorkCalendarDayInput {
  @IsString()
  date!: string;

  @IsEnum(['HOLIDAY', 'WORKDAY', 'NORMAL'])
  kind!: 'HOLIDAY' | 'WORKDAY' | 'NORMAL';

  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;
}
