import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { MemberProjectionModule } from '../member-projection/member-projection.module';
import { CommunityModule } from '../community/community.module';
import { TaskModule } from '../task/task.module';
import { ClaimResolver } from './claim.resolver';
import { CLAIM_MODEL, claimSchema } from './claim.schema';
import { ClaimService } from './claim.service';
import { TaskClaimsResolver } from './task-claims.resolver';

const models = MongooseModule.forFeature([{ name: CLAIM_MODEL, schema: claimSchema }]);
// One relay for the claims collection; check-in and review write through the same model.
const outbox = OutboxModule.forModels(models, [CLAIM_MODEL]);

@Module({
  imports: [models, outbox, TaskModule, CommunityModule, MemberProjectionModule],
  providers: [ClaimService, ClaimResolver, TaskClaimsResolver],
  exports: [models, outbox, ClaimService],
})
export class ClaimModule {}
