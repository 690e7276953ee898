import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { CheckInService } from './check-in.service';
import { ManualAttendanceInput, VolunteerAttendanceInput } from './dto/check-in.inputs';

@Resolver()
export class CheckInResolver {
  constructor(private readonly checkIns: CheckInService) {}

  @Mutation('issueCheckInToken')
  issueCheckInToken(@Args('taskId') taskId: string, @Context() ctx: GraphQLContext) {
    return this.checkIns.issueToken(taskId, ctx.claims);
  }

  @Mutation('volunteerCheckIn')
  checkIn(@Args('input') input: VolunteerAttendanceInput, @Context() ctx: GraphQLContext) {
    return this.checkIns.checkIn(input, ctx.claims);
  }

  @Mutation('volunteerCheckOut')
  checkOut(@Args('input') input: VolunteerAttendanceInput, @Context() ctx: GraphQLContext) {
    return this.checkIns.checkOut(input, ctx.claims);
  }

  @Mutation('manualVolunteerCheckIn')
  manualCheckIn(@Args('input') input: ManualAttendanceInput, @Context() ctx: GraphQLContext) {
    return this.checkIns.manualCheckIn(input, ctx.claims);
  }

  @Mutation('manualVolunteerCheckOut')
  manualCheckOut(@Args('input') input: ManualAttendanceInput, @Context() ctx: GraphQLContext) {
    return this.checkIns.manualCheckOut(input, ctx.claims);
  }
}
