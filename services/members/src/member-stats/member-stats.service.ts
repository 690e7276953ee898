import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type PipelineStage } from 'mongoose';
import { isWithinScope, type Claims } from '@jiceng/auth';
import { forbidden, notFound } from '@jiceng/graphql';
import { birthDateRange, shanghaiToday } from '../member/age';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  GENDER_LABELS,
  GENDERS,
  MEMBER_STATUS_LABELS,
  PIPELINE,
  type AgeBand,
} from '../member/member.enums';
import { MEMBER_MODEL, type Member } from '../member/member.schema';
import { OrgProjectionService } from '@jiceng/org-projection';
import { SECTOR_LABELS } from './sector-labels';

const AGGREGATE_ROLES = new Set(['ADMIN', 'AUDITOR', 'ORG_ADMIN', 'ANALYST']);
type Counted = { _id: string | Types.ObjectId | null; n: number }[];

@Injectable()
export class MemberStatsService {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly orgs: OrgProjectionService,
  ) {}

  async stats(organizationId: string | undefined, claims: Claims) {
    if (!AGGREGATE_ROLES.has(claims.role))
      throw forbidden('Your role does not read member statistics');
    const rootId = organizationId ?? claims.orgId;
    let root: Types.ObjectId | null = null;
    if (rootId) {
      const node = await this.orgs.get(rootId);
      if (!node) throw notFound('Organization', rootId);
      if (!isWithinScope(claims, { id: rootId, ancestorIds: node.ancestorIds.map(String) }))
        throw forbidden(`Organization ${rootId} is outside your scope`);
      root = node._id;
    }
    const today = shanghaiToday();
    const current = { status: { $ne: 'LEFT' } };
    const bandFacets = Object.fromEntries(
      AGE_BANDS.map((band) => [
        band,
        [{ $match: { ...current, birthDate: birthDateRange(band, today) } }, { $count: 'n' }],
      ]),
    );
    // One pass over the subtree: mongo's $facet runs every breakdown on the same documents.
    const pipeline: PipelineStage[] = [
      { $match: root ? { organizationPath: root } : {} },
      { $project: { status: 1, gender: 1, birthDate: 1, organizationId: 1 } },
      {
        $facet: {
          status: [{ $group: { _id: '$status', n: { $sum: 1 } } }],
          gender: [{ $match: current }, { $group: { _id: '$gender', n: { $sum: 1 } } }],
          branch: [{ $match: current }, { $group: { _id: '$organizationId', n: { $sum: 1 } } }],
          ...bandFacets,
        },
      } as PipelineStage,
    ];
    const [facets] = await this.model.aggregate<Record<string, Counted>>(pipeline);
    const countOf = (rows: Counted, key: string) => rows.find((r) => String(r._id) === key)?.n ?? 0;
    const byStatus = PIPELINE.map((status) => ({
      status,
      label: MEMBER_STATUS_LABELS[status],
      count: countOf(facets.status, status),
    }));
    return {
      organizationId: root ? String(root) : null,
      total: byStatus.reduce((sum, s) => sum + s.count, 0),
      left: countOf(facets.status, 'LEFT'),
      byStatus,
      byGender: GENDERS.map((gender) => ({
        gender,
        label: GENDER_LABELS[gender],
        count: countOf(facets.gender, gender),
      })),
      byAgeBand: AGE_BANDS.map((band: AgeBand) => ({
        band,
        label: AGE_BAND_LABELS[band],
        count: facets[band][0]?.n ?? 0,
      })),
      bySector: await this.bySector(facets.branch),
      asOf: new Date(),
    };
  }

  /** Branch counts folded by the branch's sector, from the projection (one `$in` read). */
  private async bySector(branches: Counted) {
    const nodes = await this.orgs.findByIds(branches.map((b) => String(b._id)));
    const sectorOf = new Map(nodes.map((n) => [String(n._id), n.sector]));
    const counts = new Map<string, number>();
    for (const { _id, n } of branches) {
      const sector = sectorOf.get(String(_id)) ?? 'UNKNOWN';
      counts.set(sector, (counts.get(sector) ?? 0) + n);
    }
    return [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([sector, count]) => ({ sector, label: SECTOR_LABELS[sector] ?? sector, count }));
  }
}
