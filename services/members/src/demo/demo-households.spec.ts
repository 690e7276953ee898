import { Types } from 'mongoose';
import {
  MAX_HOUSEHOLDS_PER_MEMBER,
  MIN_HOUSEHOLDS_PER_MEMBER,
} from '../household-contacts/household-contact.rules';
import { gridMonthStats, memberDutyMonth } from '../household-contacts/household-stats';
import type { HouseholdGridMonth } from '../household-contacts/household-tally.schema';
import {
  DEMO_CONTACT_MONTHS,
  DEMO_CONTACTS_PER_GRID,
  demoRosters,
  demoVisits,
  type ContactGrid,
} from './demo-households';

// The demo's household contacts judged by the service's own rules: 10–15 households a member,
// visits mostly on time, some members overdue every month, problems found and mostly solved.

const NOW = new Date('2024-07-01T00:00:00Z');
const TODAY = '2024-07-01';
const grids: ContactGrid[] = Array.from({ length: 12 }, (_, i) => {
  const _id = new Types.ObjectId();
  return {
    _id,
    path: [new Types.ObjectId(), _id],
    members: Array.from({ length: 8 + (i % 3) }, (_, k) => ({
      _id: new Types.ObjectId(),
      status: k === 0 ? 'APPLICANT' : 'FULL',
    })),
  };
});
const encrypt = (phone: string) => ({ kid: 'test', iv: '', tag: '', ct: `x${phone.length}` });
const rosters = demoRosters(grids, encrypt, NOW);
const visits = demoVisits(rosters, NOW);

const tallyOf = (gridId: Types.ObjectId, month: string): HouseholdGridMonth => ({
  _id: `${gridId}|${month}`,
  organizationId: gridId,
  month,
  visits: Object.fromEntries(
    visits
      .filter((v) => v.gridId.equals(gridId) && v.month === month)
      .map((v) => [
        String(v._id),
        {
          householdId: v.householdId,
          memberId: String(v.memberId),
          visitedOn: v.visitedOn,
          onTime: v.onTime,
          problem: v.problem?.category ?? null,
          solved: !!v.problem?.solvedOn,
          version: v.version,
        },
      ]),
  ),
});

describe('the demo household contacts', () => {
  it('gives five 党员 of each grid 10–15 households, with an event each and no applicant', () => {
    expect(rosters).toHaveLength(grids.length);
    for (const roster of rosters) {
      const perMember = new Map<string, number>();
      for (const h of roster.households)
        perMember.set(String(h.memberId), (perMember.get(String(h.memberId)) ?? 0) + 1);
      expect(perMember.size).toBe(DEMO_CONTACTS_PER_GRID);
      for (const n of perMember.values()) {
        expect(n).toBeGreaterThanOrEqual(MIN_HOUSEHOLDS_PER_MEMBER);
        expect(n).toBeLessThanOrEqual(MAX_HOUSEHOLDS_PER_MEMBER);
      }
      const applicant = grids.find((g) => g._id.equals(roster._id))!.members[0]._id;
      expect(roster.households.some((h) => h.memberId?.equals(applicant))).toBe(false);
      expect(new Set(roster.households.map((h) => h.address)).size).toBe(roster.households.length);
      expect(roster.outbox).toHaveLength(roster.households.length);
    }
  });

  it('is the same every time', () => {
    const again = demoRosters(grids, encrypt, NOW);
    expect(again.map((r) => r.households.map((h) => String(h._id)))).toEqual(
      rosters.map((r) => r.households.map((h) => String(h._id))),
    );
    expect(demoVisits(again, NOW).map((v) => v.visitedOn)).toEqual(visits.map((v) => v.visitedOn));
  });

  it('has most visits on time, overdue members every month, problems found and mostly solved', () => {
    for (const month of DEMO_CONTACT_MONTHS) {
      const stats = rosters.map((r) =>
        gridMonthStats(String(r._id), r, tallyOf(r._id, month), month, TODAY),
      );
      const covered = stats.reduce((n, s) => n + s.covered, 0);
      const onTime = stats.reduce((n, s) => n + s.visitedOnTime, 0);
      expect(onTime / covered).toBeGreaterThan(0.75);
      expect(onTime / covered).toBeLessThan(0.95);
      expect(stats.reduce((n, s) => n + s.overdueMembers.length, 0)).toBeGreaterThan(0);
    }
    const found = visits.filter((v) => v.problem);
    const solved = found.filter((v) => v.problem?.solvedOn);
    expect(found.length).toBeGreaterThan(0);
    expect(solved.length / found.length).toBeGreaterThan(0.5);
    for (const v of solved) {
      expect(v.version).toBe(2);
      expect(v.outbox.map((o) => JSON.parse(o.value).type)).toEqual([
        'jiceng.members.household-visit.recorded',
        'jiceng.members.household-problem.resolved',
      ]);
      expect(v.problem!.solvedOn! >= v.visitedOn).toBe(true);
    }
  });

  it("makes some members' months MET and others MISSED", () => {
    const roster = rosters[0];
    const members = [...new Set(roster.households.map((h) => String(h.memberId)))];
    const statuses = members.flatMap((m) =>
      DEMO_CONTACT_MONTHS.map(
        (month) =>
          memberDutyMonth(m, [{ roster, tally: tallyOf(roster._id, month) }], month, TODAY).status,
      ),
    );
    expect(statuses).toContain('MET');
    expect(statuses).toContain('MISSED');
    expect(statuses).not.toContain('NONE');
  });
});
