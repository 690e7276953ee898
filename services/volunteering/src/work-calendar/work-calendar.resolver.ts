import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import { SetWorkCalendarDayInput } from './dto/work-calendar.inputs';
import { WORK_CALENDAR_DAY_KIND_LABELS } from './work-calendar.enums';
import type { WorkCalendarDay } from './work-calendar.schema';
import { WorkCalendarService } from './work-calendar.service';

@Resolver('WorkCalendarDay')
export class WorkCalendarResolver {
  constructor(private readonly calendar: WorkCalendarService) {}

  @Query('workCalendar')
  workCalendar(@Args('year') year: number) {
    return this.calendar.year(year);
  }

  @Mutation('setWorkCalendarDay')
  setDay(@Args('input') input: SetWorkCalendarDayInput, @Context() ctx: GraphQLContext) {
    return this.calendar.setDay(input, ctx.claims);
  }

  @ResolveField('date')
  date(@Parent() day: WorkCalendarDay) {
    return day._id;
  }

  @ResolveField('kindLabel')
  kindLabel(@Parent() day: WorkCalendarDay) {
    return WORK_CALENDAR_DAY_KIND_LABELS[day.kind];
  }
}
