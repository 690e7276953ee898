import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { OrganizationLoader } from '../organization/organization.loader';
import { OrganizationService } from '../organization/organization.service';
import {
  DefendStarRatingInput,
  InspectStarRatingInput,
  PublishStarRatingInput,
  ReviewStarRatingInput,
  SelfAssessStarRatingInput,
  StarRatingFilter,
} from './dto/star-rating.inputs';
import { aspectMaxScore, criteriaOf, roundScore } from './scoring';
import { INSPECTION_CHECK_LABELS, STAR_LABELS } from './star-rating.enums';
import type { StarRating } from './star-rating.schema';
import { StarRatingService } from './star-rating.service';
import { STAR_RATING_STEPS } from './star-rating-steps';

@Resolver('StarRating')
export class StarRatingResolver {
  constructor(
    private readonly ratings: StarRatingService,
    private readonly organizations: OrganizationService,
    private readonly loader: OrganizationLoader,
  ) {}

  @Query('starRating')
  starRating(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.ratings.getReadable(id, ctx.claims);
  }

  @Query('starRatings')
  list(
    @Args('filter') filter: StarRatingFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.ratings.list(filter, { first, after }, ctx.claims);
  }

  @Mutation('selfAssessStarRating')
  selfAssess(@Args('input') input: SelfAssessStarRatingInput, @Context() ctx: GraphQLContext) {
    return this.ratings.selfAssess(input, ctx.claims);
  }

  @Mutation('defendStarRating')
  defend(@Args('input') input: DefendStarRatingInput, @Context() ctx: GraphQLContext) {
    return this.ratings.defend(input, ctx.claims);
  }

  @Mutation('inspectStarRating')
  inspect(@Args('input') input: InspectStarRatingInput, @Context() ctx: GraphQLContext) {
    return this.ratings.inspect(input, ctx.claims);
  }

  @Mutation('reviewStarRating')
  review(@Args('input') input: ReviewStarRatingInput, @Context() ctx: GraphQLContext) {
    return this.ratings.review(input, ctx.claims);
  }

  @Mutation('publishStarRating')
  publish(@Args('input') input: PublishStarRatingInput, @Context() ctx: GraphQLContext) {
    return this.ratings.publish(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() rating: StarRating) {
    return String(rating._id);
  }

  @ResolveField('organization')
  organization(@Parent() rating: StarRating, @Context() ctx: GraphQLContext) {
    return this.organizations.getReadable(String(rating.organizationId), ctx.claims, (id) =>
      this.loader.load(ctx, id),
    );
  }

  @ResolveField('statusLabel')
  statusLabel(@Parent() rating: StarRating) {
    return STAR_RATING_STEPS.labels[rating.status];
  }

  @ResolveField('starsLabel')
  starsLabel(@Parent() rating: StarRating) {
    return rating.stars ? STAR_LABELS[rating.stars] : null;
  }

  @ResolveField('template')
  template(@Parent() rating: StarRating) {
    return this.ratings.templateOf(rating);
  }

  @ResolveField('selfAssessment')
  async selfAssessment(@Parent() rating: StarRating) {
    const template = await this.ratings.templateOf(rating);
    const criteria = criteriaOf(template);
    const { scores } = rating.selfAssessment;
    return {
      ...rating.selfAssessment,
      claimedStarsLabel: STAR_LABELS[rating.selfAssessment.claimedStars],
      scores: scores.map((s) => ({ ...s, criterionTitle: criteria.get(s.criterionCode)?.title })),
      aspectScores: template.aspects.map((aspect) => ({
        aspectCode: aspect.code,
        title: aspect.title,
        maxScore: aspectMaxScore(aspect),
        score: roundScore(
          scores.filter((s) => s.aspectCode === aspect.code).reduce((sum, s) => sum + s.score, 0),
        ),
      })),
    };
  }

  @ResolveField('defense')
  defense(@Parent() rating: StarRating) {
    const { defense } = rating;
    return defense
      ? {
          ...defense,
          proposedStarsLabel: STAR_LABELS[defense.proposedStars],
          fiveStarCandidate: defense.proposedStars === 5,
        }
      : null;
  }

  @ResolveField('inspection')
  inspection(@Parent() rating: StarRating) {
    const { inspection } = rating;
    return inspection
      ? {
          ...inspection,
          findings: inspection.findings.map((f) => ({
            ...f,
            checkLabel: INSPECTION_CHECK_LABELS[f.check],
          })),
        }
      : null;
  }

  @ResolveField('review')
  reviewOf(@Parent() rating: StarRating) {
    return rating.review
      ? { ...rating.review, starsLabel: STAR_LABELS[rating.review.stars] }
      : null;
  }

  @ResolveField('history')
  history(@Parent() rating: StarRating) {
    return rating.history.map((h) => ({ ...h, statusLabel: STAR_RATING_STEPS.labels[h.status] }));
  }
}
