import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxModule } from '@jiceng/outbox';
import { OrganizationModule } from '../organization/organization.module';
import { FIVE_STAR_QUOTA_MODEL, fiveStarQuotaSchema } from './five-star-quota.schema';
import { FiveStarQuotaService } from './five-star-quota.service';
import { OrganizationRatingsResolver } from './organization-ratings.resolver';
import { RATING_TEMPLATE_MODEL, ratingTemplateSchema } from './rating-template.schema';
import { RatingTemplateResolver } from './rating-template.resolver';
import { RatingTemplateService } from './rating-template.service';
import { StarRatingResolver } from './star-rating.resolver';
import { STAR_RATING_MODEL, starRatingSchema } from './star-rating.schema';
import { StarRatingService } from './star-rating.service';

const models = MongooseModule.forFeature([
  { name: STAR_RATING_MODEL, schema: starRatingSchema },
  { name: RATING_TEMPLATE_MODEL, schema: ratingTemplateSchema },
  { name: FIVE_STAR_QUOTA_MODEL, schema: fiveStarQuotaSchema },
]);

@Module({
  imports: [models, OutboxModule.forModels(models, [STAR_RATING_MODEL]), OrganizationModule],
  providers: [
    RatingTemplateService,
    FiveStarQuotaService,
    StarRatingService,
    StarRatingResolver,
    RatingTemplateResolver,
    OrganizationRatingsResolver,
  ],
})
export class StarRatingModule {}
