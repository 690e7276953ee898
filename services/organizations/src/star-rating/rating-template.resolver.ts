import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CreateRatingTemplateInput } from './dto/rating-template.inputs';
import type { RatingTemplate } from './rating-template.schema';
import { RatingTemplateService } from './rating-template.service';
import { aspectMaxScore, templateMaxScore } from './scoring';

@Resolver('RatingTemplate')
export class RatingTemplateResolver {
  constructor(private readonly templates: RatingTemplateService) {}

  @Query('ratingTemplate')
  ratingTemplate(@Args('version') version: number | undefined) {
    return version === undefined || version === null
      ? this.templates.latest()
      : this.templates.version(version);
  }

  @Query('ratingTemplates')
  list(@Args('first') first: number | undefined, @Args('after') after: string | undefined) {
    return this.templates.list({ first, after });
  }

  @Mutation('createRatingTemplate')
  create(@Args('input') input: CreateRatingTemplateInput, @Context() ctx: GraphQLContext) {
    return this.templates.create(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() template: RatingTemplate) {
    return String(template._id);
  }

  @ResolveField('maxScore')
  maxScore(@Parent() template: RatingTemplate) {
    return templateMaxScore(template);
  }

  @ResolveField('criteriaCount')
  criteriaCount(@Parent() template: RatingTemplate) {
    return template.aspects.reduce((n, a) => n + a.criteria.length, 0);
  }

  @ResolveField('aspects')
  aspects(@Parent() template: RatingTemplate) {
    return template.aspects.map((a) => ({ ...a, maxScore: aspectMaxScore(a) }));
  }
}
