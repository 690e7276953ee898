import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '@jiceng/subgraph';
import {
  AssessCommitmentSheetInput,
  CommitmentSheetFilter,
  FileCommitmentSheetInput,
  ReportCommitmentSheetInput,
} from './dto/commitment-sheet.inputs';
import type { CommitmentSheet } from './commitment-sheet.schema';
import { CommitmentSheetService } from './commitment-sheet.service';
import { CADRE_ROLE_LABELS, COMMITMENT_SHEET_STEPS } from './commitment-sheet-steps';

@Resolver('CommitmentSheet')
export class CommitmentSheetResolver {
  constructor(private readonly sheets: CommitmentSheetService) {}

  @Query('commitmentSheet')
  commitmentSheet(@Args('id') id: string, @Context() ctx: GraphQLContext) {
    return this.sheets.readable(ctx.claims, id);
  }

  @Query('commitmentSheetOf')
  commitmentSheetOf(
    @Args('memberId') memberId: string,
    @Args('year') year: number,
    @Context() ctx: GraphQLContext,
  ) {
    return this.sheets.of(ctx.claims, memberId, year);
  }

  @Query('commitmentSheets')
  commitmentSheets(
    @Args('organizationId') organizationId: string | undefined,
    @Args('filter') filter: CommitmentSheetFilter,
    @Args('first') first: number | undefined,
    @Args('after') after: string | undefined,
    @Context() ctx: GraphQLContext,
  ) {
    return this.sheets.list(ctx.claims, organizationId, filter, { first, after });
  }

  @Query('commitmentSheetStats')
  stats(
    @Args('organizationId') organizationId: string | undefined,
    @Args('year') year: number,
    @Context() ctx: GraphQLContext,
  ) {
    return this.sheets.stats(ctx.claims, organizationId, year);
  }

  @Mutation('fileCommitmentSheet')
  file(@Args('input') input: FileCommitmentSheetInput, @Context() ctx: GraphQLContext) {
    return this.sheets.file(input, ctx.claims);
  }

  @Mutation('reportCommitmentSheetMidYear')
  report(@Args('input') input: ReportCommitmentSheetInput, @Context() ctx: GraphQLContext) {
    return this.sheets.reportMidYear(input, ctx.claims);
  }

  @Mutation('assessCommitmentSheet')
  assess(@Args('input') input: AssessCommitmentSheetInput, @Context() ctx: GraphQLContext) {
    return this.sheets.assess(input, ctx.claims);
  }

  @ResolveField('id')
  id(@Parent() sheet: CommitmentSheet) {
    return String(sheet._id);
  }

  @ResolveField('member')
  member(@Parent() sheet: CommitmentSheet) {
    return { id: sheet.memberId };
  }

  @ResolveField('organizationId')
  organizationId(@Parent() sheet: CommitmentSheet) {
    return String(sheet.organizationId);
  }

  @ResolveField('organization')
  organization(@Parent() sheet: CommitmentSheet) {
    return { id: String(sheet.organizationId) };
  }

  @ResolveField('roleLabel')
  roleLabel(@Parent() sheet: CommitmentSheet) {
    return CADRE_ROLE_LABELS[sheet.role];
  }

  @ResolveField('stageLabel')
  stageLabel(@Parent() sheet: CommitmentSheet) {
    return COMMITMENT_SHEET_STEPS.labels[sheet.stage];
  }
}
