import { closingProblem, rankEntries } from '../contest/contest-ranking';
import { allocationProblem, fundStepProblem } from '../fund/fund-steps';
import { fundingSums } from '../project/funding-totals';
import { completionByYear } from '../secretary-project/completion';
import { transitionProblem } from '../secretary-project/secretary-project-steps';
import { demoCast } from '@jiceng/demo';
import { chineseNumeral } from '@jiceng/demo';
import { demoId, WAN, type DemoInput } from './demo-kit';
import { demoRural } from './demo-rural';

const org = (path: string, name: string, regionCode: string) => ({
  _id: demoId(`test/${path}`),
  name,
  regionCode,
});
const input: DemoInput = {
  xiongan: org('xiongan', '中共河北雄安新区工作委员会', '130632'),
  xionganVillages: [
    ['安新', '130632'],
    ['容城', '130629'],
    ['雄县', '130638'],
  ].map(([county, code]) =>
    Array.from({ length: 36 }, (_, v) =>
      org(`${county}/${v}`, `${county}第${chineseNumeral(v + 1)}村党支部`, code),
    ),
  ),
  weifangVillages: Array.from({ length: 8 }, (_, v) =>
    org(`寿光/${v}`, `寿光第${chineseNumeral(v + 1)}村党支部`, '370783'),
  ),
  lingheStreets: Array.from({ length: 6 }, (_, s) =>
    org(`凌河/${s}`, `凌河区第${chineseNumeral(s + 1)}街道党工委`, '210703'),
  ),
  yunhe: org('运河', '中共沧州市运河区委员会', '130903'),
  yunheCommunities: Array.from({ length: 6 }, (_, s) =>
    Array.from({ length: 12 }, (_, c) =>
      org(`运河/${s}/${c}`, `运河第${s}街道第${c}社区党委`, '130903'),
    ),
  ),
};

describe('rural demo data', () => {
  const data = demoRural(input);

  // Every Member the rural subgraph returns as a reference ({ __typename, id }) must be a member
  // the members demo creates: the demo cast (the members demo's own spec checks it creates each).
  it('refers only to members the members demo creates, each on the street of its record', () => {
    const cast = new Map(demoCast().map((m) => [String(m.id), m]));
    const references = [
      ...data.commitmentSheets.map((s) => ({
        field: `CommitmentSheet(${s._id}).member`,
        id: s.memberId,
        organizationId: s.organizationId,
      })),
      ...data.secretaryProjects.map((p) => ({
        field: `SecretaryProject(${p._id}).secretary`,
        id: p.secretaryMemberId,
        organizationId: p.organizationId,
      })),
    ];
    expect(references).toHaveLength(396 + 36);
    const dangling = references
      .filter((r) => r.id === null || !cast.has(r.id))
      .map((r) => `${r.field} → Member ${r.id}`);
    expect(dangling).toEqual([]);
    const elsewhere = references
      .filter((r) => !input.lingheStreets[cast.get(r.id!)!.street]._id.equals(r.organizationId))
      .map((r) => `${r.field}: Member ${r.id} holds its membership on another street`);
    expect(elsewhere).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(demoRural(input))).toBe(JSON.stringify(data));
  });

  it('pairs 8 village branches: 2180万元 invested, 1300亩 built', () => {
    expect(data.pairings).toHaveLength(8);
    expect(data.pairings[0].name).toBe('安新第一村—寿光第一村跨省结对');
    const paired = data.projects.filter((p) => p.pairingId);
    expect(paired).toHaveLength(8);
    expect(fundingSums(paired.flatMap((p) => p.fundings)).investmentFen).toBe(2180 * WAN);
    expect(paired.reduce((s, p) => s + p.areaMu, 0)).toBe(1300);
  });

  it('gives every 雄安 village a project; 示范创建 got 4000万元 of subsidies and 2亿多元 of investment', () => {
    const home = data.projects.filter((p) => !p.pairingId);
    expect(home).toHaveLength(108);
    const demonstrations = home.filter((p) => p.kind === 'DEMONSTRATION');
    const sums = fundingSums(demonstrations.flatMap((p) => p.fundings));
    expect(sums).toEqual({ subsidyFen: 4000 * WAN, investmentFen: 21_000 * WAN });
    for (const p of data.projects) {
      for (const f of p.fundings) expect(f.amountFen).toBeGreaterThanOrEqual(0);
      for (const y of [...p.fundings, ...p.incomes].map((r) => r.year)) {
        expect(y).toBeGreaterThanOrEqual(p.startYear);
        expect(y).toBeLessThanOrEqual(2023);
      }
    }
  });

  it('has 36 villages over 50万元 of collective income in 2023 and 24 in 2022', () => {
    const over = (year: number) => {
      const byVillage = new Map<string, number>();
      for (const i of data.projects.flatMap((p) => p.incomes).filter((i) => i.year === year))
        byVillage.set(String(i.villageId), (byVillage.get(String(i.villageId)) ?? 0) + i.amountFen);
      return [...byVillage.values()].filter((f) => f >= 50 * WAN).length;
    };
    expect(over(2023)).toBe(36);
    expect(over(2022)).toBe(24);
  });

  it('has 凌河区 36 secretary projects, 28 accepted, each through legal dated steps', () => {
    expect(data.secretaryProjects).toHaveLength(36);
    const counts = new Map<string, number>();
    for (const p of data.secretaryProjects) {
      counts.set(p.state, (counts.get(p.state) ?? 0) + 1);
      for (let i = 1; i < p.steps.length; i++) {
        expect(transitionProblem(p.steps[i - 1].state, p.steps[i].state)).toBeNull();
        expect(p.steps[i].at > p.steps[i - 1].at).toBe(true);
      }
      expect(p.version).toBe(p.steps.length);
    }
    expect(Object.fromEntries(counts)).toEqual({
      ACCEPTED: 28,
      IN_PROGRESS: 5,
      MIDTERM_REVIEWED: 3,
    });
    const [row] = completionByYear(
      [...counts].map(([state, count]) => ({ year: 2022, state: state as any, count })),
    );
    expect(row).toMatchObject({ approved: 36, accepted: 28, completionRate: 0.7778 });
  });

  it('has 396 commitment sheets of 396 goals, one per cadre, reported and assessed in order', () => {
    expect(data.commitmentSheets).toHaveLength(396);
    expect(new Set(data.commitmentSheets.map((s) => s.memberId)).size).toBe(396);
    expect(data.commitmentSheets.flatMap((s) => s.goals)).toHaveLength(396);
    const roles = data.commitmentSheets.map((s) => s.role);
    expect(roles.filter((r) => r === 'SECRETARY')).toHaveLength(62);
    for (const s of data.commitmentSheets) {
      expect(
        s.midYearReport!.at > s.goalsSetAt &&
          s.midYearReport!.at >= new Date('2022-05-31T16:00:00Z'),
      ).toBe(true);
      expect(s.yearEndAssessment!.at >= new Date('2022-11-30T16:00:00Z')).toBe(true);
    }
  });

  it('closes the 2022-Q2 contest with every juror scoring every entry and two winners', () => {
    const [closed, open] = data.contests;
    expect(closed).toMatchObject({ quarter: '2022-Q2', status: 'CLOSED', winnerCount: 2 });
    expect(closed.entries).toHaveLength(30);
    const scored = closed.entries.map((e) => ({ id: String(e._id), scores: e.scores }));
    expect(closingProblem(closed.jurors, scored)).toBeNull();
    expect(closed.ranking.map((r) => String(r.entryId))).toEqual(
      rankEntries(scored, 2).map((r) => r.entryId),
    );
    expect(closed.ranking.filter((r) => r.winner)).toHaveLength(2);
    expect(open).toMatchObject({ quarter: '2022-Q3', status: 'OPEN', ranking: [] });
  });

  it('allocates the 150万元 fund through every stage, never over budget', () => {
    const [fund] = data.funds;
    const allocated = fund.allocations.reduce((s, a) => s + a.amountFen, 0);
    expect(fund.budgetFen).toBe(150 * WAN);
    expect(fund.remainingFen).toBe(fund.budgetFen - allocated);
    expect(fund.remainingFen).toBe(15 * WAN);
    expect(data.fundApplications).toHaveLength(30);
    for (const a of data.fundApplications) {
      const stages = a.steps.map((s) => s.stage);
      for (let i = 1; i < stages.length; i++)
        if (stages[i] !== 'ALLOCATED') expect(fundStepProblem(stages[i - 1], stages[i])).toBeNull();
      expect(a.stage).toBe(stages[stages.length - 1]);
      const allocation = fund.allocations.find((x) => x.applicationId.equals(a._id));
      expect(a.allocatedFen ?? null).toBe(allocation?.amountFen ?? null);
      if (allocation)
        expect(
          allocationProblem(
            { stage: 'PRESENTED', requestedFen: a.requestedFen },
            allocation.amountFen,
          ),
        ).toBeNull();
    }
    const stageOf = (stage: string) =>
      data.fundApplications.filter((a) => a.stage === stage).length;
    expect([stageOf('ALLOCATED'), stageOf('PRESENTED'), stageOf('NOT_SELECTED')]).toEqual([
      9, 1, 20,
    ]);
  });
});
