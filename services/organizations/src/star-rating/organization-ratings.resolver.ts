import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Organization } from '../organization/organization.schema';
import { StarRatingService } from './star-rating.service';

// Star rating fields on Organization (extended in star-rating.graphql). The organization was
// scope-checked when it was resolved, and its ratings share its scope.
@Resolver('Organization')
export class OrganizationRatingsResolver {
  constructor(private readonly ratings: StarRatingService) {}

  @ResolveField('starRatings')
  starRatings(@Parent() org: Organization, @Args('year') year: number) {
    return this.ratings.ofOrganization(org._id, year);
  }

  @ResolveField('ratingConsequences')
  ratingConsequences(@Parent() org: Organization, @Args('year') year: number) {
    return this.ratings.consequences(org._id, year);
  }
}
