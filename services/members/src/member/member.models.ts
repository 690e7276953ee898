import { MongooseModule } from '@nestjs/mongoose';
import { MEMBER_MODEL, memberSchema } from './member.schema';

/** One registration of the member model, shared by the modules that read members. */
export const memberModels = MongooseModule.forFeature([
  { name: MEMBER_MODEL, schema: memberSchema },
]);
