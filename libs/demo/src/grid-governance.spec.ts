import {
  GAOMI_FIGURES,
  GAOMI_UNITS,
  gaomiCommunities,
  gaomiCompoundName,
  gaomiUnitBranches,
  gaomiUnitCommunity,
  gaomiUnitOrganization,
  GAOMI_COMPOUNDS_PER_COMMUNITY,
  GAOMI_STREETS,
  LULONG_TOWNSHIPS,
  lulongDemoGrids,
  lulongVillageName,
} from './grid-governance';

describe('grid governance plan', () => {
  it('has the 140 units and 384 unit branches of 高密, each name once', () => {
    expect(GAOMI_UNITS).toHaveLength(GAOMI_FIGURES.units);
    const branches = GAOMI_UNITS.flatMap(gaomiUnitBranches);
    expect(branches).toHaveLength(GAOMI_FIGURES.unitBranches);
    const names = [...GAOMI_UNITS.map((u) => gaomiUnitOrganization(u).name), ...branches];
    // A one-branch unit's organization is its branch: counted once.
    const oneBranch = GAOMI_UNITS.filter((u) => u.branches === 1).length;
    expect(new Set(names).size).toBe(names.length - oneBranch);
    expect(new Set(GAOMI_UNITS.map((u) => u.sector))).toEqual(
      new Set(['STATE_ORGAN', 'PUBLIC_INSTITUTION', 'SOE']),
    );
  });

  it("spreads the units over all of 高密's communities, whose compounds are all named apart", () => {
    const communities = gaomiCommunities();
    expect(new Set(communities).size).toBe(communities.length);
    const reportedTo = new Set(GAOMI_UNITS.map((_, i) => gaomiUnitCommunity(i)));
    expect(reportedTo).toEqual(new Set(communities));
    const compounds = GAOMI_STREETS.flatMap((s) => s.communities).flatMap((c, i) =>
      Array.from({ length: GAOMI_COMPOUNDS_PER_COMMUNITY }, (_, k) =>
        gaomiCompoundName(c, i, k).replace(/^.+社区/, ''),
      ),
    );
    expect(new Set(compounds).size).toBe(compounds.length);
  });

  it('gives every village of the demo township 3–5 grids of 2–6 members, with fixed ids', () => {
    const grids = lulongDemoGrids();
    const villages = LULONG_TOWNSHIPS[0].villages.map((v) => lulongVillageName('卢龙镇', v));
    expect(new Set(grids.map((g) => g.village))).toEqual(new Set(villages));
    for (const village of villages) {
      const own = grids.filter((g) => g.village === village);
      expect(own.length).toBeGreaterThanOrEqual(3);
      expect(own.length).toBeLessThanOrEqual(5);
    }
    for (const g of grids) {
      expect(g.memberIds.length).toBeGreaterThanOrEqual(2);
      expect(g.memberIds.length).toBeLessThanOrEqual(6);
    }
    const ids = grids.flatMap((g) => g.memberIds.map(String));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(grids.map((g) => g.grid)).size).toBe(grids.length);
    expect(lulongDemoGrids()).toEqual(grids);
  });

  it('names the villages of 卢龙县 apart', () => {
    const villages = LULONG_TOWNSHIPS.flatMap((t) => t.villages);
    expect(new Set(villages).size).toBe(villages.length);
  });
});
