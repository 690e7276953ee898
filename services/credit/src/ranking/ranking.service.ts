import { Injectable } from '@nestjs/common';
import { OrgProjectionService } from '@jiceng/org-projection';
import { accountKey, type AccountKind } from '../account/account';
import { BalanceService } from '../ledger/balance.service';
import { MemberRefsService } from '../projections/member-refs.service';
import { rank, type RankedStanding } from './ranking';

/** Organizations that earn with their members take part in rankings even without points. */
const EARNING_KINDS = new Set(['BRANCH', 'GENERAL_BRANCH', 'TEMPORARY_BRANCH', 'MOBILE_BRANCH']);

@Injectable()
export class RankingService {
  constructor(
    private readonly orgTree: OrgProjectionService,
    private readonly members: MemberRefsService,
    private readonly balances: BalanceService,
  ) {}

  /**
   * Everyone ranked within an organization's subtree for a period: members whose branch lies in
   * it (every status but LEFT), or its active branches and any organization in it with points.
   */
  async ranking(kind: AccountKind, period: string, rootId: string): Promise<RankedStanding[]> {
    const nodes = (await this.orgTree.subtree(rootId)).map((n) => ({ ...n, _id: String(n._id) }));
    if (kind === 'MEMBER') {
      const members = await this.members.inBranches(nodes.map((n) => n._id));
      const points = await this.balances.pointsOf(
        members.map((m) => accountKey('MEMBER', m._id)),
        period,
      );
      return rank(
        members.map((m) => ({ id: m._id, points: points.get(accountKey('MEMBER', m._id)) ?? 0 })),
      );
    }
    const points = await this.balances.pointsOf(
      nodes.map((n) => accountKey('ORGANIZATION', n._id)),
      period,
    );
    const pointsOf = (id: string) => points.get(accountKey('ORGANIZATION', id)) ?? 0;
    return rank(
      nodes
        .filter(
          (n) => pointsOf(n._id) !== 0 || (n.status === 'ACTIVE' && EARNING_KINDS.has(n.kind)),
        )
        .map((n) => ({ id: n._id, points: pointsOf(n._id) })),
    );
  }
}
