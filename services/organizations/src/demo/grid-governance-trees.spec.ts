import 'reflect-metadata';
import { ArgumentValidationPipe } from '@jiceng/graphql';
import {
  GAOMI,
  GAOMI_FIGURES,
  GAOMI_STREETS,
  GAOMI_UNITS,
  gaomiCommunities,
  gaomiUnitBranches,
  gaomiUnitOrganization,
  LULONG,
  LULONG_DEPARTMENTS,
  LULONG_TOWNSHIPS,
  lulongDemoGrids,
  lulongTownshipName,
  lulongVillageName,
} from '@jiceng/demo';
import { CreateOrganizationInput } from '../organization/dto/organization.inputs';
import { demoChildren, demoLandmarks, demoNodeNamed, demoNodes, type DemoNode } from './demo-tree';

describe('网格治理 demo trees (卢龙县, 高密市)', () => {
  const nodes = demoNodes();
  const under = (root: DemoNode) =>
    nodes.filter((n) => n.ancestorIds.some((a) => a.equals(root._id)));
  const lulong = demoNodeNamed(nodes, LULONG.county);
  const gaomi = demoNodeNamed(nodes, GAOMI.city);
  const regions = [lulong, ...under(lulong), gaomi, ...under(gaomi)];

  it('hangs 卢龙县 under 秦皇岛 and 高密 under 潍坊, with their GB/T 2260 codes throughout', () => {
    expect(demoNodeNamed(nodes, String(LULONG.city))._id).toEqual(lulong.parentId);
    expect(demoNodeNamed(nodes, '中共潍坊市委员会')._id).toEqual(gaomi.parentId);
    expect(new Set([lulong, ...under(lulong)].map((n) => n.regionCode))).toEqual(
      new Set(['130324']),
    );
    expect(new Set([gaomi, ...under(gaomi)].map((n) => n.regionCode))).toEqual(new Set(['370785']));
    const landmarks = demoLandmarks(nodes);
    expect(landmarks.lulong).toBe(String(lulong._id));
    expect(landmarks.gaomiUnits).toBe(String(demoNodeNamed(nodes, GAOMI.units)._id));
  });

  it('names every organization of both regions once in the whole demo forest', () => {
    // demoNodeNamed throws unless the name is unique across all demo trees.
    for (const n of regions) expect(demoNodeNamed(nodes, n.name)._id).toEqual(n._id);
  });

  it('declares every organization as createOrganization would accept it', async () => {
    const pipe = new ArgumentValidationPipe();
    const problems: string[] = [];
    for (const n of regions) {
      const input = { name: n.name, kind: n.kind, sector: n.sector, regionCode: n.regionCode };
      await pipe
        .transform(input, { type: 'body', metatype: CreateOrganizationInput, data: 'input' })
        .catch((e: Error) => problems.push(`${n.name}: ${e.message}`));
    }
    expect(problems).toEqual([]);
  });

  it('builds 卢龙县: 12 townships of villages, the demo township with its 39 grids, the departments', () => {
    const townships = demoChildren(nodes, lulong).filter((n) => n.sector === 'VILLAGE');
    expect(townships.map((n) => n.name)).toEqual(
      LULONG_TOWNSHIPS.map((t) => lulongTownshipName(t.township)),
    );
    expect(townships.every((n) => n.kind === 'PARTY_COMMITTEE')).toBe(true);
    for (const [i, township] of townships.entries()) {
      const villages = demoChildren(nodes, township);
      expect(villages.map((v) => v.name)).toEqual(
        LULONG_TOWNSHIPS[i].villages.map((v) => lulongVillageName(LULONG_TOWNSHIPS[i].township, v)),
      );
      expect(villages.every((v) => v.kind === 'BRANCH' && v.sector === 'VILLAGE')).toBe(true);
    }
    const demo = demoNodeNamed(nodes, LULONG.demoTownship);
    const villages = demoChildren(nodes, demo);
    expect(villages).toHaveLength(10);
    const grids = villages.flatMap((v) => demoChildren(nodes, v));
    expect(grids.map((g) => g.name)).toEqual(lulongDemoGrids().map((g) => g.grid));
    expect(grids).toHaveLength(39);
    expect(grids.every((g) => g.kind === 'GROUP' && g.sector === 'GRID')).toBe(true);
    for (const v of villages) {
      expect(demoChildren(nodes, v).length).toBeGreaterThanOrEqual(3);
      expect(demoChildren(nodes, v).length).toBeLessThanOrEqual(5);
    }
    // Grids only in the demo township; a 党小组 has no organizations below it.
    expect(under(lulong).filter((n) => n.sector === 'GRID')).toHaveLength(39);
    expect(grids.every((g) => demoChildren(nodes, g).length === 0)).toBe(true);
    const departments = demoChildren(nodes, demoNodeNamed(nodes, LULONG.departments));
    expect(departments.map((d) => [d.name, d.sector])).toEqual(
      LULONG_DEPARTMENTS.map((d) => [d.name, d.sector]),
    );
  });

  it('builds 高密市: streets, communities with grid and compound branches, 140 units, 384 unit branches', () => {
    const streets = demoChildren(nodes, gaomi).filter(
      (n) => n.kind === 'WORKING_COMMITTEE' && n.sector === 'COMMUNITY',
    );
    expect(streets).toHaveLength(GAOMI_STREETS.length);
    const communities = streets.flatMap((s) => demoChildren(nodes, s));
    expect(communities.map((c) => c.name)).toEqual(gaomiCommunities());
    expect(communities.every((c) => c.sector === 'COMMUNITY')).toBe(true);
    const branches = communities.flatMap((c) => demoChildren(nodes, c));
    expect(branches.every((b) => b.kind === 'BRANCH')).toBe(true);
    expect(branches.filter((b) => b.sector === 'GRID')).toHaveLength(communities.length * 4);
    expect(branches.filter((b) => b.sector === 'RESIDENTIAL_COMPOUND')).toHaveLength(
      communities.length * 2,
    );

    const committee = demoNodeNamed(nodes, GAOMI.units);
    const units = demoChildren(nodes, committee);
    expect(units).toHaveLength(GAOMI_FIGURES.units);
    expect(units.map((u) => u.name)).toEqual(GAOMI_UNITS.map((u) => gaomiUnitOrganization(u).name));
    const unitBranches = under(committee).filter((n) => n.kind === 'BRANCH');
    expect(unitBranches).toHaveLength(GAOMI_FIGURES.unitBranches);
    expect(unitBranches.map((b) => b.name).sort()).toEqual(
      GAOMI_UNITS.flatMap(gaomiUnitBranches).sort(),
    );
    expect(new Set(under(committee).map((n) => n.sector))).toEqual(
      new Set(['STATE_ORGAN', 'PUBLIC_INSTITUTION', 'SOE']),
    );
    // A unit's branches share its sector: the hospital's branches are 事业单位, the bank's 国企.
    for (const u of units)
      expect(demoChildren(nodes, u).every((b) => b.sector === u.sector)).toBe(true);
  });
});
