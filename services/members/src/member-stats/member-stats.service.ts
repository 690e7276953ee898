import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { forbidden } from '@jiceng/graphql';
import { OrgAccess } from '@jiceng/org-access';
import { shanghaiToday } from '@jiceng/calendar';
import {
  AGE_BAND_LABELS,
  AGE_BANDS,
  GENDER_LABELS,
  GENDERS,
  MEMBER_STATUS_LABELS,
  PIPELINE,
} from '../member/member.enums';
import { combine, heldCount, MemberCounters } from '../read-model/member-counters';
import { SECTOR_LABELS } from './sector-labels';

const AGGREGATE_ROLES = new Set(['ADMIN', 'AUDITOR', 'ORG_ADMIN', 'ANALYST']);

/**
 * Subtree statistics from the per-organization counters: one read of the subtree's
 * organizations, one of their counters and one of the day-level counters of the three birth
 * years on a band boundary today, whatever the number of members.
 */
@Injectable()
export class MemberStatsService {
  constructor(
    private readonly access: OrgAccess,
    private readonly counters: MemberCounters,
  ) {}

  async stats(organizationId: string | undefined, claims: Claims) {
    if (!AGGREGATE_ROLES.has(claims.role))
      throw forbidden('Your role does not read member statistics');
    const rootId = organizationId ?? claims.orgId;
    let root: Types.ObjectId | null = null;
    if (rootId) {
      root = (await this.access.requireKnownWithinScope(claims, rootId))._id;
    }
    const nodes = await this.counters.organizations(root);
    const ids = nodes.map((n) => n._id);
    const perOrganization = await this.counters.perOrganization(ids);
    const totals = combine(perOrganization.values());
    const bands = await this.counters.ageBands(ids, totals, shanghaiToday());
    const bySector = new Map<string, number>();
    for (const node of nodes) {
      const held = heldCount(perOrganization.get(String(node._id)) ?? new Map());
      if (held) bySector.set(node.sector, (bySector.get(node.sector) ?? 0) + held);
    }
    return {
      organizationId: root ? String(root) : null,
      total: heldCount(totals),
      left: totals.get('s.LEFT') ?? 0,
      byStatus: PIPELINE.map((status) => ({
        status,
        label: MEMBER_STATUS_LABELS[status],
        count: totals.get(`s.${status}`) ?? 0,
      })),
      byGender: GENDERS.map((gender) => ({
        gender,
        label: GENDER_LABELS[gender],
        count: totals.get(`g.${gender}`) ?? 0,
      })),
      byAgeBand: AGE_BANDS.map((band) => ({
        band,
        label: AGE_BAND_LABELS[band],
        count: bands[band],
      })),
      bySector: [...bySector.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([sector, count]) => ({ sector, label: SECTOR_LABELS[sector] ?? sector, count })),
      asOf: new Date(),
    };
  }
}
