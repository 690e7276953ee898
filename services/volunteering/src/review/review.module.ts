import { Module } from '@nestjs/common';
import { ClaimModule } from '../claim/claim.module';
import { CommunityModule } from '../community/community.module';
import { ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [ClaimModule, CommunityModule],
  providers: [ReviewService, ReviewResolver],
})
export class ReviewModule {}
