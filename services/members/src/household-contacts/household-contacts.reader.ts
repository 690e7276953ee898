import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@jiceng/calendar';
import { OrgProjectionService, type OrgNode } from '@jiceng/org-projection';
import type { HouseholdContactDutySource } from '../organizational-life/appraisal.rules';
import { dutyMetInYear, monthsSoFar, type DutyMonth } from './household-contact.rules';
import { isGrid } from './household-contacts.access';
import type { HouseholdRoster } from './household-contacts.schema';
import {
  gridMonthStats,
  memberDutyMonth,
  statsTotals,
  type GridMonthStats,
  type StatsTotals,
} from './household-stats';
import { HouseholdTallies } from './household-tallies';
import { gridMonthId, type HouseholdGridMonth } from './household-tally.schema';

export interface SubtreeStats {
  organizationId: string;
  month: string;
  totals: StatsTotals;
  /** Every active grid of the subtree, in id order (the connection pages it). */
  grids: GridMonthStats[];
  /** The root's direct children that hold grids, each with its subtree's totals. */
  children: { organizationId: string; totals: StatsTotals }[];
}

/** The documents a set of grids' months are computed from: rosters and month tallies, by `_id`. */
export interface GridMonthSources {
  rosters: (ids: readonly string[]) => Promise<(HouseholdRoster | null)[]>;
  months: (ids: readonly string[]) => Promise<(HouseholdGridMonth | null)[]>;
  contactGrids: (memberIds: readonly string[]) => Promise<string[][]>;
}

/**
 * A member's months over the grids it held households in: one read of its grids, then the
 * grids' rosters and months by `_id`. With request loaders as sources, a page of members is
 * one batch per stage.
 */
export async function memberDutyMonths(
  sources: GridMonthSources,
  memberId: string,
  months: readonly string[],
  today: string,
): Promise<DutyMonth[]> {
  const [grids] = await sources.contactGrids([memberId]);
  if (!grids.length) return months.map((m) => memberDutyMonth(memberId, [], m, today));
  const [rosters, tallies] = await Promise.all([
    sources.rosters(grids),
    sources.months(grids.flatMap((g) => months.map((m) => gridMonthId(g, m)))),
  ]);
  return months.map((month, i) =>
    memberDutyMonth(
      memberId,
      grids.map((_, j) => ({ roster: rosters[j], tally: tallies[j * months.length + i] })),
      month,
      today,
    ),
  );
}

/**
 * The analyst figures of household contacts and the appraisal's duty source. A subtree's month
 * reads the org projection once (its grids and their ancestors), then the grids' rosters and
 * month tallies by `_id`: never the visits themselves. Every ancestor's figures (village,
 * township, county) are sums of its grids', so any subtree is answered the same way.
 */
@Injectable()
export class HouseholdContactsReader implements HouseholdContactDutySource {
  constructor(
    private readonly orgs: OrgProjectionService,
    private readonly tallies: HouseholdTallies,
  ) {}

  readonly direct: GridMonthSources = {
    rosters: async (ids) => {
      const found = new Map((await this.tallies.rostersOf(ids)).map((r) => [String(r._id), r]));
      return ids.map((id) => found.get(id) ?? null);
    },
    months: async (ids) => {
      const found = new Map((await this.tallies.gridMonths(ids)).map((m) => [m._id, m]));
      return ids.map((id) => found.get(id) ?? null);
    },
    contactGrids: async (memberIds) => {
      const found = new Map((await this.tallies.members(memberIds)).map((m) => [m._id, m]));
      return memberIds.map((id) => Object.keys(found.get(id)?.grids ?? {}).sort());
    },
  };

  async ofSubtree(root: OrgNode, month: string, now = new Date()): Promise<SubtreeStats> {
    const nodes = await this.orgs.subtree(root._id, { kind: 1, sector: 1, status: 1, parentId: 1 });
    const grids = nodes.filter((n) => isGrid(n) && n.status === 'ACTIVE');
    const ids = grids.map((g) => String(g._id)).sort();
    const [rosters, months] = await Promise.all([
      this.direct.rosters(ids),
      this.direct.months(ids.map((g) => gridMonthId(g, month))),
    ]);
    const today = shanghaiDate(now);
    const rows = ids.map((g, i) => gridMonthStats(g, rosters[i], months[i], month, today));
    const byId = new Map(rows.map((r) => [r.organizationId, r]));
    const rootId = String(root._id);
    const children = nodes
      .filter((n) => String(n.parentId) === rootId)
      .map((child) => {
        const childId = String(child._id);
        const under = grids.filter(
          (g) => String(g._id) === childId || g.ancestorIds.some((a) => String(a) === childId),
        );
        return {
          organizationId: childId,
          totals: statsTotals(under.map((g) => byId.get(String(g._id))!)),
        };
      })
      .filter((c) => c.totals.grids > 0)
      .sort((a, b) => a.organizationId.localeCompare(b.organizationId));
    return { organizationId: rootId, month, totals: statsTotals(rows), grids: rows, children };
  }

  /**
   * 卢龙县's rule reads this: met when, in every month of the year (so far) in which the member
   * held households, all of them were visited by the 10th; null when it held none that year.
   */
  async dutyMet(memberId: string, year: number, now = new Date()): Promise<boolean | null> {
    const today = shanghaiDate(now);
    const months = monthsSoFar(year, today);
    if (!months.length) return null;
    return dutyMetInYear(await memberDutyMonths(this.direct, memberId, months, today));
  }
}
