// The organization trees of 网格治理's two demo regions, built from the shared plan
// (@jiceng/demo grid-governance) so the members and volunteering demos find them by its names.
import {
  GAOMI,
  GAOMI_COMPOUNDS_PER_COMMUNITY,
  GAOMI_GRIDS_PER_COMMUNITY,
  GAOMI_STREETS,
  GAOMI_UNITS,
  gaomiCommunityName,
  gaomiCompoundName,
  gaomiGridName,
  gaomiStreetName,
  gaomiUnitBranches,
  gaomiUnitOrganization,
  LULONG,
  LULONG_DEPARTMENTS,
  LULONG_TOWNSHIPS,
  lulongDemoGrids,
  lulongTownshipName,
  lulongVillageName,
} from '@jiceng/demo';
import type { DemoSpec } from './demo-tree';

const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/**
 * 卢龙县委 → 乡镇党委 (sector VILLAGE, so 吹哨报到 reads them as townships) → 村党支部 → in the
 * demo township 网格党小组 (GROUP, sector GRID: "以村为单元划分网格", the branch's members are
 * the grid's); beside them 县直属机关工委 with the departments the townships whistle.
 */
export function lulongCounty(): DemoSpec {
  const regionCode = LULONG.regionCode;
  const grids = lulongDemoGrids();
  return {
    name: LULONG.county,
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode,
    children: [
      ...LULONG_TOWNSHIPS.map(({ township, villages }) => ({
        name: lulongTownshipName(township),
        kind: 'PARTY_COMMITTEE' as const,
        sector: 'VILLAGE' as const,
        regionCode,
        children: villages.map((village) => {
          const name = lulongVillageName(township, village);
          return {
            name,
            kind: 'BRANCH' as const,
            sector: 'VILLAGE' as const,
            regionCode,
            children: grids
              .filter((g) => g.village === name)
              .map((g) => ({
                name: g.grid,
                kind: 'GROUP' as const,
                sector: 'GRID' as const,
                regionCode,
              })),
          };
        }),
      })),
      {
        name: LULONG.departments,
        kind: 'WORKING_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode,
        children: LULONG_DEPARTMENTS.map(({ name, sector }) => ({
          name,
          kind: name.endsWith('党总支') ? ('GENERAL_BRANCH' as const) : ('BRANCH' as const),
          sector,
          regionCode,
        })),
      },
    ],
  };
}

/**
 * 高密市委 → 街道党工委 → 社区党委 → 网格党支部 (GRID) and 小区党支部 (RESIDENTIAL_COMPOUND), the
 * branches that hold 德邻有约; and 市直机关工委 with the 140 units (a unit of one branch is that
 * branch; larger units a 党总支 or 党委 over their branches), 384 branches in all.
 */
export function gaomiCity(): DemoSpec {
  const regionCode = GAOMI.regionCode;
  let c = 0;
  return {
    name: GAOMI.city,
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode,
    children: [
      ...GAOMI_STREETS.map(({ street, communities }) => ({
        name: gaomiStreetName(street),
        kind: 'WORKING_COMMITTEE' as const,
        sector: 'COMMUNITY' as const,
        regionCode,
        children: communities.map((community) => {
          const index = c++;
          return {
            name: gaomiCommunityName(street, community),
            kind: 'PARTY_COMMITTEE' as const,
            sector: 'COMMUNITY' as const,
            regionCode,
            children: [
              ...range(GAOMI_GRIDS_PER_COMMUNITY, (g) => ({
                name: gaomiGridName(community, g),
                kind: 'BRANCH' as const,
                sector: 'GRID' as const,
                regionCode,
              })),
              ...range(GAOMI_COMPOUNDS_PER_COMMUNITY, (k) => ({
                name: gaomiCompoundName(community, index, k),
                kind: 'BRANCH' as const,
                sector: 'RESIDENTIAL_COMPOUND' as const,
                regionCode,
              })),
            ],
          };
        }),
      })),
      {
        name: GAOMI.units,
        kind: 'WORKING_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode,
        children: GAOMI_UNITS.map((unit) => {
          const own = gaomiUnitOrganization(unit);
          return {
            ...own,
            sector: unit.sector,
            regionCode,
            ...(unit.branches > 1 && {
              children: gaomiUnitBranches(unit).map((name) => ({
                name,
                kind: 'BRANCH' as const,
                sector: unit.sector,
                regionCode,
              })),
            }),
          };
        }),
      },
    ],
  };
}
