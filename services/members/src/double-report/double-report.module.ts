import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { MemberModule } from '../member/member.module';
import { pathOf, OrgProjectionService, rewritePaths } from '@jiceng/org-projection';
import { DoubleReportResolver } from './double-report.resolver';
import { DoubleReportService } from './double-report.service';
import { unitReportModels } from './unit-double-report.models';
import {
  UNIT_DOUBLE_REPORT_MODEL,
  UNIT_REPORT_PATH_FIELDS,
  type UnitDoubleReport,
} from './unit-double-report.schema';

/** Unit registrations move with their organizations, like members. */
@Injectable()
class UnitReportPaths implements OnModuleInit {
  constructor(
    @InjectModel(UNIT_DOUBLE_REPORT_MODEL) private readonly model: Model<UnitDoubleReport>,
    private readonly projection: OrgProjectionService,
  ) {}

  onModuleInit(): void {
    this.projection.onPathChange(async (node) => {
      await rewritePaths(this.model, UNIT_REPORT_PATH_FIELDS, node._id, pathOf(node));
    });
  }
}

@Module({
  imports: [
    unitReportModels,
    OutboxModule.forModels(unitReportModels, [UNIT_DOUBLE_REPORT_MODEL]),
    MemberModule,
  ],
  providers: [DoubleReportService, DoubleReportResolver, UnitReportPaths],
  exports: [DoubleReportService],
})
export class DoubleReportModule {}
