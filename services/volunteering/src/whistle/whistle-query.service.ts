import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, QueryFilter } from 'mongoose';
import { visibleOrNull, type Claims } from '@jiceng/auth';
import { forbidden, type Connection, type PageArgs } from '@jiceng/graphql';
import { monthsOf, periodArg } from '@jiceng/calendar';
import { FacetPager } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import type { WhistleFilter } from './dto/whistle.inputs';
import { WhistleAccess } from './whistle-access';
import { WHISTLE_MODEL, WHISTLE_TALLY_MODEL, type Whistle } from './whistle.schema';
import { WhistleService } from './whistle.service';
import { sumTallies, type WhistleStats, type WhistleTally } from './whistle-tally';

/** A report open past its due instant, or answered late (see isReportOverdue). */
export const overdueClauses = (now: Date): QueryFilter<Whistle>[] => [
  { reports: { $elemMatch: { answeredAt: null, dueAt: { $lt: now } } } },
  { 'reports.answeredLate': true },
];

/** 吹哨报到's reads: lookups, lists per organization, statistics from the tallies. */
@Injectable()
export class WhistleQueryService {
  private readonly pager: FacetPager<Whistle>;

  constructor(
    @InjectModel(WHISTLE_MODEL) model: Model<Whistle>,
    @InjectModel(WHISTLE_TALLY_MODEL) private readonly tallies: Model<WhistleTally>,
    private readonly whistles: WhistleService,
    private readonly access: WhistleAccess,
  ) {
    this.pager = new FacetPager(model);
  }

  /** The lookup by id: null when unknown or neither the requester's nor a department's reader. */
  async getReadable(id: string, claims: Claims): Promise<Whistle | null> {
    // A member's scope is itself: it reads no organization's problems, whatever the id.
    if (claims.role === 'MEMBER') throw forbidden('A member reads no whistled problems');
    return visibleOrNull(await this.whistles.find(id), (w) =>
      this.access.isWhistleReadable(claims, w.orgIds),
    );
  }

  /**
   * Organization.whistles: problems raised by the villages below the organization, judged by its
   * townships, or whistled to its departments (one aggregation per tick for a page of them).
   */
  async ofOrganization(
    ctx: GraphQLContext,
    organizationId: string,
    filter: WhistleFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Whistle>> {
    const orgs = await this.access.whistleOrgsUnder(ctx, organizationId);
    const query: QueryFilter<Whistle> = { orgIds: { $in: orgs } };
    if (filter?.states?.length) query.state = { $in: filter.states };
    if (filter?.overdue === true) query.$or = overdueClauses(new Date());
    if (filter?.overdue === false) query.$nor = overdueClauses(new Date());
    return this.pager.page(ctx, { filter: query, page });
  }

  /**
   * The figures of the problems raised in the period by the villages and communities under the
   * organization (a county, a township, a village): the months' tallies of that one root.
   */
  async stats(
    claims: Claims,
    organizationId: string,
    period: string,
  ): Promise<WhistleStats & { period: string; organizationId: string }> {
    this.access.assertNotMember(claims, 'Whistle statistics');
    periodArg(period);
    const root = this.access.organizationId(organizationId);
    await this.access.requireReadable(claims, organizationId);
    const ids = monthsOf(period).map((month) => `${root.toHexString()}|${month}`);
    const tallies = await this.tallies
      .find({ _id: { $in: ids } }, { applied: 0 })
      .lean<WhistleTally[]>();
    return { period, organizationId: root.toHexString(), ...sumTallies(tallies) };
  }
}
