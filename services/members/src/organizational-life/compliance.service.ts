import { Injectable } from '@nestjs/common';
import type { Types } from 'mongoose';
import { monthsOf, shanghaiDate, type Period } from '@jiceng/calendar';
import { OrgProjectionService } from '@jiceng/org-projection';
import {
  branchCompliance,
  complianceSummary,
  type BranchCompliance,
  type ComplianceSummary,
} from './compliance';
import { requiredSlots } from './meeting-rhythm';
import { MeetingTallies } from './meeting-tallies';
import { tallyId, type MeetingTally } from './meeting-tally.schema';
import { MEETING_ORGANIZATION_KINDS } from './organizational-life.enums';

export interface SubtreeCompliance {
  organizationId: string;
  period: string;
  ruleVersions: number[];
  /** Every branch of the subtree, in id order (the connection pages it). */
  branches: BranchCompliance[];
  summary: ComplianceSummary;
}

/**
 * The compliance view of a subtree and period in one request: the subtree's branches from the
 * org projection (one read), their months from the tallies by `_id` (branches × months, in
 * batches), and the rhythm applied in memory. No read touches the meetings themselves.
 */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly orgs: OrgProjectionService,
    private readonly tallies: MeetingTallies,
  ) {}

  /** Active branches of the subtree, the root included when it is one, in id order. */
  async branchesOf(root: Types.ObjectId): Promise<string[]> {
    const nodes = await this.orgs.subtree(root, { kind: 1, status: 1 });
    return nodes
      .filter((n) => MEETING_ORGANIZATION_KINDS.includes(n.kind) && n.status === 'ACTIVE')
      .map((n) => String(n._id))
      .sort();
  }

  async ofSubtree(
    root: Types.ObjectId,
    period: Period,
    now = new Date(),
  ): Promise<SubtreeCompliance> {
    const branches = await this.branchesOf(root);
    const months = monthsOf(period.text);
    const docs = await this.tallies.branchMonths(
      branches.flatMap((b) => months.map((m) => tallyId(b, m))),
    );
    const byBranch = new Map<string, MeetingTally[]>();
    for (const doc of docs) {
      const key = String(doc.organizationId);
      byBranch.set(key, [...(byBranch.get(key) ?? []), doc]);
    }
    const slots = requiredSlots(period.text, shanghaiDate(now));
    const results = branches.map((b) => branchCompliance(b, byBranch.get(b) ?? [], slots));
    return {
      organizationId: String(root),
      period: period.text,
      ruleVersions: [...new Set(slots.map((s) => s.ruleVersion))].sort(),
      branches: results,
      summary: complianceSummary(results),
    };
  }
}
