import { MongooseModule } from '@nestjs/mongoose';
import {
  HOUSEHOLD_ROSTER_MODEL,
  HOUSEHOLD_VISIT_MODEL,
  householdRosterSchema,
  householdVisitSchema,
} from './household-contacts.schema';
import {
  HOUSEHOLD_CONTACT_MEMBER_MODEL,
  HOUSEHOLD_GRID_MONTH_MODEL,
  householdContactMemberSchema,
  householdGridMonthSchema,
} from './household-tally.schema';

export const householdContactsModels = MongooseModule.forFeature([
  { name: HOUSEHOLD_ROSTER_MODEL, schema: householdRosterSchema },
  { name: HOUSEHOLD_VISIT_MODEL, schema: householdVisitSchema },
  { name: HOUSEHOLD_GRID_MONTH_MODEL, schema: householdGridMonthSchema },
  { name: HOUSEHOLD_CONTACT_MEMBER_MODEL, schema: householdContactMemberSchema },
]);
