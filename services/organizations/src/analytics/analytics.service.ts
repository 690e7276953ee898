import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isWithinScope, type Claims } from '@jiceng/auth';
import { badUserInput, forbidden, notFound } from '@jiceng/graphql';
import { isPeriod, periodMessage, quartersEndingWith, shanghaiQuarter } from '@jiceng/calendar';
import {
  ORGANIZATION_KIND_LABELS,
  ORGANIZATION_SECTOR_LABELS,
  type OrganizationKind,
  type OrganizationSector,
} from '@jiceng/events';
import { ORGANIZATION_MODEL, type Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import {
  STAR_RATING_MODEL,
  starRatingId,
  type StarRating,
} from '../star-rating/star-rating.schema';
import { regionLabel } from '@jiceng/geo';
import { byCount, emptyTally, tally, type TalliedNode } from './subtree-tally';

export const MAX_PERIODS = 8;
const DEFAULT_PERIODS = 4;
const STREAM_BATCH = 5000;
// mongo-java-server checks every document an `$in` finds against the whole `$in` list again,
// so one lookup of n ids costs n²; in chunks of 500 it stays linear (MongoDB does not care).
const LOOKUP_CHUNK = 500;

export interface OrganizationStats {
  root: Organization;
  totalCount: number;
  dissolvedCount: number;
  byKind: { kind: OrganizationKind; kindLabel: string; count: number }[];
  bySector: { sector: OrganizationSector; sectorLabel: string; count: number }[];
  byRegion: { regionCode: string; regionLabel: string; count: number }[];
  communityCount: number;
  /** Carried to starDistribution, which reads their ratings only when asked. */
  communityIds: Types.ObjectId[];
}

export interface StarDistribution {
  period: string;
  communityCount: number;
  fiveStar: number;
  fourStar: number;
  threeStar: number;
  unrated: number;
  inProgress: number;
}

@Injectable()
export class AnalyticsService {
  constructor(
    @InjectModel(ORGANIZATION_MODEL) private readonly organizations: Model<Organization>,
    @InjectModel(STAR_RATING_MODEL) private readonly ratings: Model<StarRating>,
    private readonly organizationService: OrganizationService,
  ) {}

  /**
   * One read of the subtree on the materialized path (`ancestorIds`, indexed), projected to the
   * four fields counted and folded as it streams in. Not an aggregation: mongo-java-server
   * materializes the whole collection in its heap before any `$match`, which runs the local
   * server out of memory at 100,000 organizations, while a find streams and projects there; on
   * MongoDB both walk the same index and the find ships ~90 bytes per organization.
   */
  async stats(rootId: string, claims: Claims): Promise<OrganizationStats> {
    const [root] = await this.organizationService.findByIds([rootId]);
    if (!root) throw notFound('Organization', rootId);
    if (!isWithinScope(claims, scopedNode(root)))
      throw forbidden(`Organization ${rootId} is outside your scope`);
    const counts = tally(emptyTally(), root);
    const subtree = this.organizations
      .find({ ancestorIds: root._id }, { kind: 1, sector: 1, regionCode: 1, status: 1 })
      .lean<TalliedNode[]>()
      .cursor({ batchSize: STREAM_BATCH });
    for await (const node of subtree) tally(counts, node as TalliedNode);
    return {
      root,
      totalCount: counts.active,
      dissolvedCount: counts.dissolved,
      byKind: byCount(counts.byKind).map(([kind, count]) => ({
        kind,
        kindLabel: ORGANIZATION_KIND_LABELS[kind],
        count,
      })),
      bySector: byCount(counts.bySector).map(([sector, count]) => ({
        sector,
        sectorLabel: ORGANIZATION_SECTOR_LABELS[sector],
        count,
      })),
      byRegion: [...counts.byRegion]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([regionCode, count]) => ({
          regionCode,
          regionLabel: regionLabel(regionCode),
          count,
        })),
      communityCount: counts.communityIds.length,
      communityIds: counts.communityIds,
    };
  }

  /**
   * The communities' ratings for the periods, read by their derived ids (organization and
   * period): exactly the ratings of the subtree's current communities, each an `_id` lookup.
   */
  async starDistribution(
    communityIds: readonly Types.ObjectId[],
    periods: readonly string[] | null | undefined,
    now: Date = new Date(),
  ): Promise<StarDistribution[]> {
    const wanted = periods?.length
      ? [...new Set(periods)]
      : quartersEndingWith(shanghaiQuarter(now), DEFAULT_PERIODS);
    if (wanted.length > MAX_PERIODS)
      throw badUserInput([
        { field: 'periods', message: `must be at most ${MAX_PERIODS} quarters` },
      ]);
    if (wanted.some((p) => !isPeriod(p, ['QUARTER'])))
      throw badUserInput([{ field: 'periods', message: periodMessage(['QUARTER']) }]);
    const ids = wanted.flatMap((period) => communityIds.map((id) => starRatingId(id, period)));
    const found: Pick<StarRating, 'period' | 'status' | 'stars'>[] = [];
    for (let i = 0; i < ids.length; i += LOOKUP_CHUNK) {
      found.push(
        ...(await this.ratings
          .find(
            { _id: { $in: ids.slice(i, i + LOOKUP_CHUNK) } },
            { period: 1, status: 1, stars: 1 },
          )
          .lean<Pick<StarRating, 'period' | 'status' | 'stars'>[]>()),
      );
    }
    return wanted.map((period) => {
      const ofPeriod = found.filter((r) => r.period === period);
      const published = ofPeriod.filter((r) => r.status === 'PUBLISHED');
      const count = (stars: number) => published.filter((r) => r.stars === stars).length;
      return {
        period,
        communityCount: communityIds.length,
        fiveStar: count(5),
        fourStar: count(4),
        threeStar: count(3),
        unrated: communityIds.length - published.length,
        inProgress: ofPeriod.length - published.length,
      };
    });
  }
}
