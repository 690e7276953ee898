import { Injectable } from '@nestjs/common';
import { monthsOf } from '@jiceng/calendar';
import { documentLoader, RequestLoader } from '@jiceng/graphql';
import { OrgProjectionService } from '@jiceng/org-projection';
import type { GraphQLContext } from '@jiceng/subgraph';
import { AppraisalService } from './appraisal.service';
import { MeetingTallies } from './meeting-tallies';
import { MeetingService } from './meeting.service';
import { tallyId } from './meeting-tally.schema';
import { MEETING_ORGANIZATION_KINDS } from './organizational-life.enums';

export interface SubtreePeriod {
  organizationId: string;
  /** A period the caller's argument was parsed into. */
  period: string;
}

/**
 * The request loaders of organizational life: whatever a page of members or organizations asks
 * for is one batch of `_id` reads (plus one subtree read of the org projection for all of them).
 */
@Injectable()
export class MeetingLoaders {
  private readonly meetings = documentLoader((ids) => this.meetingService.findByIds(ids));
  private readonly years = documentLoader((ids) => this.tallies.memberYears(ids));
  private readonly appraisals = documentLoader((ids) => this.appraisalService.findByIds(ids));
  private readonly meetingIds = new RequestLoader<SubtreePeriod, string[]>(
    (keys) => this.meetingIdsOf(keys),
    (key) => `${key.organizationId}:${key.period}`,
  );

  constructor(
    private readonly meetingService: MeetingService,
    private readonly appraisalService: AppraisalService,
    private readonly tallies: MeetingTallies,
    private readonly orgs: OrgProjectionService,
  ) {}

  meeting(ctx: GraphQLContext, id: string) {
    return this.meetings.load(ctx, id);
  }

  meetingsByIds(ctx: GraphQLContext, ids: readonly string[]) {
    return this.meetings.loadMany(ctx, ids);
  }

  memberYear(ctx: GraphQLContext, id: string) {
    return this.years.load(ctx, id);
  }

  appraisal(ctx: GraphQLContext, id: string) {
    return this.appraisals.load(ctx, id);
  }

  /** Ids of the meetings held in a subtree in a period, ascending. */
  meetingIdsIn(ctx: GraphQLContext, key: SubtreePeriod) {
    return this.meetingIds.load(ctx, key);
  }

  private async meetingIdsOf(keys: readonly SubtreePeriod[]): Promise<string[][]> {
    const subtrees = await this.orgs.subtrees(
      keys.map((k) => k.organizationId),
      { fields: { kind: 1 } },
    );
    const branchesOf = (root: string) =>
      (subtrees.get(root) ?? [])
        .filter((n) => MEETING_ORGANIZATION_KINDS.includes(n.kind))
        .map((n) => String(n._id));
    const idsOf = (k: SubtreePeriod) =>
      branchesOf(k.organizationId).flatMap((b) => monthsOf(k.period).map((m) => tallyId(b, m)));
    const docs = new Map(
      (await this.tallies.branchMonths(keys.flatMap(idsOf))).map((d) => [d._id, d]),
    );
    return keys.map((k) =>
      idsOf(k)
        .flatMap((id) => Object.keys(docs.get(id)?.meetings ?? {}))
        .sort(),
    );
  }
}
