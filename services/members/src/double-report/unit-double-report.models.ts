import { MongooseModule } from '@nestjs/mongoose';
import { UNIT_DOUBLE_REPORT_MODEL, unitDoubleReportSchema } from './unit-double-report.schema';

/** One registration of the unit registration model, shared by double reporting and the read model. */
export const unitReportModels = MongooseModule.forFeature([
  { name: UNIT_DOUBLE_REPORT_MODEL, schema: unitDoubleReportSchema },
]);
