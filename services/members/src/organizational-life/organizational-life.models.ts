import { MongooseModule } from '@nestjs/mongoose';
import { APPRAISAL_MODEL, appraisalSchema } from './appraisal.schema';
import { MEETING_MODEL, meetingSchema } from './meeting.schema';
import {
  MEETING_TALLY_MODEL,
  MEMBER_MEETING_YEAR_MODEL,
  meetingTallySchema,
  memberMeetingYearSchema,
} from './meeting-tally.schema';

export const organizationalLifeModels = MongooseModule.forFeature([
  { name: MEETING_MODEL, schema: meetingSchema },
  { name: APPRAISAL_MODEL, schema: appraisalSchema },
  { name: MEETING_TALLY_MODEL, schema: meetingTallySchema },
  { name: MEMBER_MEETING_YEAR_MODEL, schema: memberMeetingYearSchema },
]);
