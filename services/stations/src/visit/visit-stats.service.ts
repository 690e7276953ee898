import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { dayRange, isWholeMonths, type DayRange } from '@jiceng/calendar';
import { StationsAccess } from '../access/stations-access';
import { StationService } from '../station/station.service';
import type { VisitStatsArgs } from './dto/visit.inputs';
import type { VisitDimension } from './visit.enums';
import { COUNTER_PROJECTION, VISIT_COUNTER_MODEL, type VisitCounter } from './visit-counter';
import { visitStats, type VisitStats } from './visit-stats';

export interface StationVisitStats extends VisitStats, DayRange {
  organizationId: string;
  groupBy: VisitDimension[];
  /** Stations run in the subtree. */
  stations: number;
}

/** Visit counts of a subtree's stations from the daily and monthly counters (服务人次). */
@Injectable()
export class VisitStatsService {
  constructor(
    @InjectModel(VISIT_COUNTER_MODEL) private readonly counters: Model<VisitCounter>,
    private readonly stations: StationService,
    private readonly access: StationsAccess,
  ) {}

  async stats(claims: Claims, args: VisitStatsArgs): Promise<StationVisitStats> {
    const range = dayRange(args);
    const orgIds = await this.access.readableSubtree(claims, args.organizationId);
    const stationIds = await this.stations.idsOperatedBy(orgIds);
    const groupBy = args.groupBy ?? [];
    // Monthly counters answer whole months (every period) unless days are asked for.
    const monthly = !groupBy.includes('DAY') && isWholeMonths(range);
    const counters = await this.counters
      .find(
        {
          unit: monthly ? 'MONTH' : 'DAY',
          stationId: { $in: stationIds },
          period: monthly
            ? { $gte: range.from.slice(0, 7), $lte: range.to.slice(0, 7) }
            : { $gte: range.from, $lte: range.to },
        },
        COUNTER_PROJECTION,
      )
      .lean<VisitCounter[]>();
    return {
      organizationId: args.organizationId,
      ...range,
      groupBy,
      stations: stationIds.length,
      ...visitStats(counters, groupBy),
    };
  }
}
