import {
  Args,
  Context,
  Mutation,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  AcceptServiceRequestInput,
  CloseServiceRequestInput,
  DeclineServiceRequestInput,
  EvaluateServiceRequestInput,
  ReportServiceRequestInput,
  RespondServiceRequestInput,
} from './dto/service-request.inputs';
import {
  SATISFACTION_LABELS,
  SERVICE_REQUEST_CATEGORY_LABELS,
  SERVICE_REQUEST_CHANNEL_LABELS,
} from './service-request.enums';
import { SERVICE_REQUEST_STEPS } from './service-request-steps';
import type { ServiceRequest } from './service-request.schema';
import { ServiceRequestService } from './service-request.service';

@Resolver('ServiceRequest')
export class ServiceRequestResolver {
  constructor(private readonly requests: ServiceRequestService) {}

  @Query('serviceRequest')
  serviceRequest(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.requests.getReadable(id, ctx.claims);
  }

  @Query('serviceRequestStats')
  stats(
    @Args('organizationId') organizationId: string,
    @Args('period') period: string,
    @Context() ctx: GraphQLContext,
  ) {
    return this.requests.stats(ctx.claims, organizationId, period);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, ctx: GraphQLContext) {
    return this.requests.getReadable(reference.id, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() request: ServiceRequest) {
    return String(request._id);
  }

  @ResolveField('serviceDayId')
  serviceDayId(@Parent() request: ServiceRequest) {
    return request.serviceDayId ? String(request.serviceDayId) : null;
  }

  @ResolveField('community')
  community(@Parent() request: ServiceRequest) {
    return { id: String(request.communityId) };
  }

  @ResolveField('categoryLabel')
  categoryLabel(@Parent() request: ServiceRequest) {
    return SERVICE_REQUEST_CATEGORY_LABELS[request.category];
  }

  @ResolveField('channelLabel')
  channelLabel(@Parent() request: ServiceRequest) {
    return SERVICE_REQUEST_CHANNEL_LABELS[request.channel];
  }

  @ResolveField('stateLabel')
  stateLabel(@Parent() request: ServiceRequest) {
    return SERVICE_REQUEST_STEPS.labels[request.state];
  }

  @ResolveField('satisfactionLabel')
  satisfactionLabel(@Parent() request: ServiceRequest) {
    return request.satisfaction ? SATISFACTION_LABELS[request.satisfaction] : null;
  }

  @ResolveField('overdue')
  overdue(@Parent() request: ServiceRequest) {
    return this.requests.isOverdue(request);
  }

  @ResolveField('history')
  history(@Parent() request: ServiceRequest) {
    return request.history.map((h) => ({
      ...h,
      stateLabel: SERVICE_REQUEST_STEPS.labels[h.state],
    }));
  }

  @Mutation('reportServiceRequest')
  report(@Args('input') input: ReportServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.report(input, ctx.claims);
  }

  @Mutation('acceptServiceRequest')
  accept(@Args('input') input: AcceptServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.accept(input, ctx.claims);
  }

  @Mutation('declineServiceRequest')
  decline(@Args('input') input: DeclineServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.decline(input, ctx.claims);
  }

  @Mutation('respondServiceRequest')
  respond(@Args('input') input: RespondServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.respond(input, ctx.claims);
  }

  @Mutation('closeServiceRequest')
  close(@Args('input') input: CloseServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.close(input, ctx.claims);
  }

  @Mutation('evaluateServiceRequest')
  evaluate(@Args('input') input: EvaluateServiceRequestInput, @Context() ctx: GraphQLContext) {
    return this.requests.evaluate(input, ctx.claims);
  }
}
