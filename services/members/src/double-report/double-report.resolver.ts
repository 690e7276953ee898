import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { EndDoubleReportInput, RegisterDoubleReportInput } from './dto/double-report.inputs';
import { DoubleReportService } from './double-report.service';

@Resolver()
export class DoubleReportResolver {
  constructor(private readonly reports: DoubleReportService) {}

  @Mutation('registerDoubleReport')
  register(@Args('input') input: RegisterDoubleReportInput, @Context() ctx: GraphQLContext) {
    return this.reports.register(input, ctx.claims);
  }

  @Mutation('endDoubleReport')
  end(@Args('input') input: EndDoubleReportInput, @Context() ctx: GraphQLContext) {
    return this.reports.end(input, ctx.claims);
  }
}
