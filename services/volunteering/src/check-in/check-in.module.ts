import { Module } from '@nestjs/common';
import { ClaimModule } from '../claim/claim.module';
import { CommunityModule } from '../community/community.module';
import { TaskModule } from '../task/task.module';
import { CheckInResolver } from './check-in.resolver';
import { CheckInService } from './check-in.service';

@Module({
  imports: [ClaimModule, TaskModule, CommunityModule],
  providers: [CheckInService, CheckInResolver],
})
export class CheckInModule {}
