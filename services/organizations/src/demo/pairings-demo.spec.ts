import { demoNodes } from './demo-tree';
import { demoPairings } from './pairings-demo';

describe('demo pairings', () => {
  const nodes = demoNodes();
  const byId = new Map(nodes.map((n) => [String(n._id), n]));
  const pairings = demoPairings(nodes, new Date('2026-01-01T00:00:00Z'));
  const parties = (kinds: string[]) =>
    new Set(
      pairings
        .filter((p) => kinds.includes(p.kind))
        .flatMap((p) => p.parties.map((party) => byId.get(String(party.organizationId))!)),
    );

  it("reaches the report's scale: 150余家企业 with 130余家农村（社区）党组织", () => {
    const sides = [...parties(['VILLAGE_ENTERPRISE', 'COMMUNITY_ENTERPRISE', 'SOE'])];
    const enterprises = sides.filter((n) => ['SOE', 'NON_PUBLIC_ENTERPRISE'].includes(n.sector));
    const rural = sides.filter((n) => ['VILLAGE', 'COMMUNITY'].includes(n.sector));
    expect(enterprises.length).toBeGreaterThan(150);
    expect(rural.length).toBeGreaterThan(130);
  });

  it('pairs 8 雄安 villages with 8 潍坊 villages under one cross-province agreement', () => {
    const crossProvince = pairings.filter((p) => p.kind === 'CROSS_PROVINCE');
    expect(crossProvince).toHaveLength(9);
    const umbrella = crossProvince.find((p) => p.name === '雄安—潍坊跨省党建联建')!;
    expect(umbrella.jointProjects.map((j) => j.note).join()).toContain(
      '累计投资2180万元，建设1300亩',
    );
    const villages = [...parties(['CROSS_PROVINCE'])].filter((n) => n.sector === 'VILLAGE');
    expect(villages.filter((n) => n.regionCode.startsWith('37'))).toHaveLength(8);
    expect(villages.filter((n) => n.regionCode.startsWith('13'))).toHaveLength(8);
  });

  it('gives each 运河区 community a 大党委 with the units reporting to it', () => {
    const committees = pairings.filter((p) => p.kind === 'COMMUNITY_UNIT');
    expect(committees).toHaveLength(73);
    expect(committees.flatMap((p) => p.parties.slice(1))).toHaveLength(27 + 53);
    expect(
      committees.every((p) => p.parties.slice(1).every((u) => u.partTimeCommitteeMembers === 1)),
    ).toBe(true);
  });

  it('has distinct ids, one created event each and ordered joint-project histories', () => {
    expect(new Set(pairings.map((p) => String(p._id))).size).toBe(pairings.length);
    expect(pairings.every((p) => p.outbox.length === 1)).toBe(true);
    for (const project of pairings.flatMap((p) => p.jointProjects)) {
      const times = project.statusChanges.map((c) => c.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(project.statusChanges.at(-1)?.status).toBe(project.status);
    }
  });
});
