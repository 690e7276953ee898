import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, type FieldError } from '@jiceng/graphql';
import { OrgProjectionService } from '@jiceng/org-projection';
import { isYear, YEAR_MESSAGE } from '@jiceng/calendar';
import { RURAL_PROJECT_KIND_LABELS } from '../project/project.enums';
import { RURAL_PROJECT_MODEL, type RuralProject } from '../project/project.schema';
import { VILLAGE_SECTOR } from '../access/authority';
import { isFen } from '../validation/fen';
import { RuralAccess } from '../access/rural-access';
import { fundingBreakdown, type FundingGroup } from './funding-breakdown';
import { REGION_PREFIX, type RuralFundingFilter } from './dto/rural-stats.inputs';

const DEFAULT_VILLAGES = 20;
const MAX_VILLAGES = 100;

/** Analyst queries over the projects' embedded money and income records, one aggregation each. */
@Injectable()
export class RuralStatsService {
  constructor(
    @InjectModel(RURAL_PROJECT_MODEL) private readonly projects: Model<RuralProject>,
    private readonly access: RuralAccess,
    private readonly projection: OrgProjectionService,
  ) {}

  async fundingTotals(
    claims: Claims,
    organizationId: string | undefined,
    filter: RuralFundingFilter | undefined,
  ) {
    const villages = await this.villages(claims, organizationId, filter?.regionCode);
    const entry = {
      ...(villages && { 'fundings.villageId': { $in: villages } }),
      ...(filter?.year && { 'fundings.year': filter.year }),
    };
    const groups = await this.projects.aggregate<{
      _id: Omit<FundingGroup, 'amountFen' | 'projectIds'> & { villageId: Types.ObjectId };
      amountFen: number;
      projectIds: Types.ObjectId[];
    }>([
      { $match: { ...entry, ...(filter?.kinds?.length && { kind: { $in: filter.kinds } }) } },
      { $unwind: '$fundings' },
      { $match: entry },
      {
        $group: {
          _id: {
            year: '$fundings.year',
            kind: '$kind',
            villageId: '$fundings.villageId',
            type: '$fundings.type',
          },
          amountFen: { $sum: '$fundings.amountFen' },
          projectIds: { $addToSet: '$_id' },
        },
      },
    ]);
    const regions = await this.regionCodes(groups.map((g) => String(g._id.villageId)));
    const breakdown = fundingBreakdown(
      groups.map((g) => ({
        ...g._id,
        villageId: String(g._id.villageId),
        amountFen: g.amountFen,
        projectIds: g.projectIds.map(String),
      })),
      (id) => regions.get(id)?.regionCode ?? '',
    );
    return {
      ...breakdown,
      byYear: breakdown.byYear.map(({ key, ...sums }) => ({ year: key, ...sums })),
      byKind: breakdown.byKind.map(({ key, ...sums }) => ({
        kind: key,
        kindLabel: RURAL_PROJECT_KIND_LABELS[key],
        ...sums,
      })),
      byRegion: breakdown.byRegion.map(({ key, ...sums }) => ({ regionCode: key, ...sums })),
    };
  }

  async villagesByIncome(
    claims: Claims,
    args: {
      organizationId?: string;
      year: number;
      minFen: number;
      regionCode?: string;
      first?: number;
    },
  ) {
    const first = args.first ?? DEFAULT_VILLAGES;
    const problems: FieldError[] = [];
    if (!isYear(args.year)) problems.push({ field: 'year', message: YEAR_MESSAGE });
    if (!isFen(args.minFen))
      problems.push({ field: 'minFen', message: 'must be a whole number of fen from 0' });
    if (!Number.isInteger(first) || first < 1 || first > MAX_VILLAGES)
      problems.push({ field: 'first', message: `must be between 1 and ${MAX_VILLAGES}` });
    if (problems.length) throw badUserInput(problems);
    const villages = await this.villages(claims, args.organizationId, args.regionCode);
    const entry = {
      'incomes.year': args.year,
      ...(villages && { 'incomes.villageId': { $in: villages } }),
    };
    const rows = await this.projects.aggregate<{
      _id: Types.ObjectId;
      amountFen: number;
      projectCount: number;
    }>([
      { $match: entry },
      { $unwind: '$incomes' },
      { $match: entry },
      {
        $group: {
          _id: '$incomes.villageId',
          amountFen: { $sum: '$incomes.amountFen' },
          projectCount: { $sum: 1 },
        },
      },
      { $match: { amountFen: { $gte: args.minFen } } },
      { $sort: { amountFen: -1, _id: 1 } },
    ]);
    const top = rows.slice(0, first);
    const nodes = await this.regionCodes(top.map((r) => String(r._id)));
    return {
      year: args.year,
      minFen: args.minFen,
      count: rows.length,
      villages: top.map((r) => ({
        villageId: String(r._id),
        village: { id: String(r._id) },
        name: nodes.get(String(r._id))?.name ?? '',
        regionCode: nodes.get(String(r._id))?.regionCode ?? '',
        year: args.year,
        amountFen: r.amountFen,
        projectCount: r.projectCount,
      })),
    };
  }

  /** The villages of the subtree, narrowed to a region; null when nothing narrows. */
  private villages(claims: Claims, organizationId: string | undefined, regionCode?: string) {
    if (regionCode !== undefined && regionCode !== null && !REGION_PREFIX.test(regionCode))
      throw badUserInput([
        { field: 'regionCode', message: 'must be 2, 4 or 6 digits of a GB/T 2260 code' },
      ]);
    return this.access.scope(claims, organizationId, { sector: VILLAGE_SECTOR, regionCode });
  }

  private async regionCodes(ids: string[]) {
    const nodes = await this.projection.findByIds([...new Set(ids)]);
    return new Map(nodes.map((n) => [String(n._id), n]));
  }
}
