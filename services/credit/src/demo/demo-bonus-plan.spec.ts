import {
  DEMO_BONUS_QUARTER,
  DEMO_BONUS_TASK_POINTS,
  XIONGAN_PROJECT_FIRMS,
  XIONGAN_PROJECTS,
  demoFirmServiceDays,
  demoFirmTier,
  xionganBranchName,
  xionganFirmOfBranch,
} from '@jiceng/demo';
import { parsePeriod } from '@jiceng/calendar';
import { CREDIT_RULES_V1 } from '../rules/credit-rules';
import { earningsFor, tierFor } from '../rules/scoring';

// The volunteering demo's bonus quarter (@jiceng/demo) scored by credit's own rules: what the
// firm behind a floating member's project branch earns per approved service day, summed over
// the quarter, placed in v1's tier table.

const FIRMS = 24;
const firmPoints = (firm: number) => {
  const day = earningsFor(
    CREDIT_RULES_V1,
    {
      claimantKind: 'MEMBER',
      memberId: 'm',
      organizationId: null,
      taskPoints: DEMO_BONUS_TASK_POINTS,
      durationMinutes: 480,
    },
    { branchId: 'b', unitOrganizationId: null, firmId: `firm-${firm}` },
  ).find((e) => e.role === 'FIRM')!.requested;
  return day * demoFirmServiceDays(firm);
};

describe('the demo bonus quarter (24家企业获得党建信用加分)', () => {
  it('is a past quarter', () => {
    expect(parsePeriod(DEMO_BONUS_QUARTER, ['QUARTER'])).toBeTruthy();
  });

  it('puts every one of the 24 firms in the tier the plan means, 4 A, 8 B, 12 C', () => {
    const tiers = Array.from(
      { length: FIRMS },
      (_, f) => tierFor(CREDIT_RULES_V1.firmBonusTiers, firmPoints(f)).tier,
    );
    expect(tiers).toEqual(Array.from({ length: FIRMS }, (_, f) => demoFirmTier(f)));
    expect(tiers.filter((t) => t !== 'NONE')).toHaveLength(24);
    const count = (tier: string) => tiers.filter((t) => t === tier).length;
    expect([count('A'), count('B'), count('C')]).toEqual([4, 8, 12]);
  });

  it('stays within the firm monthly cap, so no day is cut', () => {
    const most = Math.max(...Array.from({ length: FIRMS }, (_, f) => firmPoints(f)));
    expect(most).toBeLessThanOrEqual(CREDIT_RULES_V1.monthlyCaps.FIRM);
  });

  it('gives every firm project branches, each branch to one firm', () => {
    const firms = new Set<number>();
    for (const [project, sections] of XIONGAN_PROJECTS)
      for (let s = 1; s <= sections; s++)
        firms.add(xionganFirmOfBranch(xionganBranchName(project, s))!);
    expect(firms.size).toBe(Object.values(XIONGAN_PROJECT_FIRMS).reduce((a, b) => a + b));
    expect(firms.size).toBe(FIRMS);
    expect(xionganFirmOfBranch('雄安高铁站41标段临时党支部')).toBeNull();
  });
});

describe('the demo bonus quarter, firm by firm', () => {
  it('keeps every firm at least 15 service days inside its band', () => {
    const day = firmPoints(0) / demoFirmServiceDays(0);
    const bands = [0, ...CREDIT_RULES_V1.firmBonusTiers.map((t) => t.minPoints)].sort(
      (a, b) => a - b,
    );
    for (let f = 0; f < FIRMS; f++) {
      const points = firmPoints(f);
      const below = Math.max(...bands.filter((b) => b <= points));
      const above = Math.min(...bands.filter((b) => b > points), Infinity);
      expect(points - below).toBeGreaterThanOrEqual(15 * day);
      expect(above - points).toBeGreaterThan(15 * day);
    }
  });
});
