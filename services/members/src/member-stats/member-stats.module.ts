import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { MemberStatsResolver } from './member-stats.resolver';
import { MemberStatsService } from './member-stats.service';

@Module({
  imports: [MemberModule],
  providers: [MemberStatsService, MemberStatsResolver],
})
export class MemberStatsModule {}
