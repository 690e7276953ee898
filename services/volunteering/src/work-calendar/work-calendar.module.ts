import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { WorkCalendarResolver } from './work-calendar.resolver';
import { WORK_CALENDAR_MODEL, workCalendarDaySchema } from './work-calendar.schema';
import { WorkCalendarService } from './work-calendar.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: WORK_CALENDAR_MODEL, schema: workCalendarDaySchema }]),
  ],
  providers: [WorkCalendarService, WorkCalendarResolver],
  exports: [WorkCalendarService],
})
export class WorkCalendarModule {}
