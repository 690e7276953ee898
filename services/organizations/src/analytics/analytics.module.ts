import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ORGANIZATION_MODEL, organizationSchema } from '../organization/organization.schema';
import { OrganizationModule } from '../organization/organization.module';
import { STAR_RATING_MODEL, starRatingSchema } from '../star-rating/star-rating.schema';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';

// The read side over models the organization and star-rating features own; registering them
// here again reuses the connection's existing models.
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ORGANIZATION_MODEL, schema: organizationSchema },
      { name: STAR_RATING_MODEL, schema: starRatingSchema },
    ]),
    OrganizationModule,
  ],
  providers: [AnalyticsService, AnalyticsResolver],
})
export class AnalyticsModule {}
