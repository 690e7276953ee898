import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { AssignFloatingInput, EndFloatingInput } from './dto/floating.inputs';
import { FloatingService } from './floating.service';

@Resolver()
export class FloatingResolver {
  constructor(private readonly floating: FloatingService) {}

  @Mutation('assignFloating')
  assign(@Args('input') input: AssignFloatingInput, @Context() ctx: GraphQLContext) {
    return this.floating.assign(input, ctx.claims);
  }

  @Mutation('endFloating')
  end(@Args('input') input: EndFloatingInput, @Context() ctx: GraphQLContext) {
    return this.floating.end(input, ctx.claims);
  }
}
