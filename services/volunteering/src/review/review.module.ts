import { Module } from '@nestjs/common';
import { ClaimModule } from '../claim/claim.module';
import { OrgProjectionModule } from '../org-projection/org-projection.module';
import { ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

@Module({
  imports: [ClaimModule, OrgProjectionModule],
  providers: [ReviewService, ReviewResolver],
})
export class ReviewModule {}
