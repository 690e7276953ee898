import { Module } from '@nestjs/common';
import { unitReportModels } from '../double-report/unit-double-report.models';
import { memberModels } from '../member/member.models';
import { CounterFeed } from './counter-feed';
import { CounterSync } from './counter-sync';
import { MemberCounters } from './member-counters';
import { MemberPager } from './member-pager';
import { readModelModels } from './read-model.schema';

/** Per-organization counters and rosters of the members subgraph, and what keeps them. */
@Module({
  imports: [memberModels, unitReportModels, readModelModels],
  providers: [CounterSync, CounterFeed, MemberCounters, MemberPager],
  exports: [CounterSync, MemberCounters, MemberPager],
})
export class ReadModelModule {}
