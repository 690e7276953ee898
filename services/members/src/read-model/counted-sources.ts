import type { Model } from 'mongoose';
import type { UnitDoubleReport } from '../double-report/unit-double-report.schema';
import type { Member } from '../member/member.schema';
import {
  COUNTED_MEMBER_FIELDS,
  COUNTED_UNIT_REPORT_FIELDS,
  memberContribution,
  unitReportContribution,
  type CountedMember,
  type CountedUnitReport,
} from './contribution';
import type { CountedSource } from './counter-projector';

export const memberSource = (model: Model<Member>): CountedSource<CountedMember> => ({
  model,
  fields: COUNTED_MEMBER_FIELDS,
  contribution: memberContribution,
});

export const unitReportSource = (
  model: Model<UnitDoubleReport>,
): CountedSource<CountedUnitReport> => ({
  model,
  fields: COUNTED_UNIT_REPORT_FIELDS,
  contribution: unitReportContribution,
});
