// 卢龙县 and 高密市 as the organizations demo builds them from the shared plan's names, as this
// service's organization projection holds them: the trees the whistle and service-day demos'
// tests read instead of the real projection.
import {
  GAOMI,
  GAOMI_COMPOUNDS_PER_COMMUNITY,
  GAOMI_GRIDS_PER_COMMUNITY,
  GAOMI_STREETS,
  GAOMI_UNITS,
  LULONG,
  LULONG_DEPARTMENTS,
  LULONG_TOWNSHIPS,
  gaomiCommunityName,
  gaomiCompoundName,
  gaomiGridName,
  gaomiStreetName,
  gaomiUnitOrganization,
  lulongTownshipName,
  lulongVillageName,
} from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import { demoId } from './demo-kit';

const node = (
  name: string,
  kind: string,
  sector: string,
  parent: OrgNode | null,
  regionCode: string,
): OrgNode => ({
  _id: demoId(`test-projection/${name}`),
  name,
  kind,
  sector,
  regionCode,
  status: 'ACTIVE',
  parentId: parent?._id ?? null,
  ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
  version: 1,
  updatedAt: new Date('2023-12-01T00:00:00Z'),
});

/** 河北省委 → 秦皇岛市委 → 卢龙县委 → townships → villages; 卢龙县直属机关工委 → departments. */
export function lulongProjectionNodes(): OrgNode[] {
  const at = LULONG.regionCode;
  const province = node('中共河北省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '130000');
  const city = node(LULONG.city, 'PARTY_COMMITTEE', 'STATE_ORGAN', province, '130300');
  const county = node(LULONG.county, 'PARTY_COMMITTEE', 'STATE_ORGAN', city, at);
  const works = node(LULONG.departments, 'WORKING_COMMITTEE', 'STATE_ORGAN', county, at);
  const nodes = [province, city, county, works];
  for (const { township, villages } of LULONG_TOWNSHIPS) {
    const t = node(lulongTownshipName(township), 'PARTY_COMMITTEE', 'VILLAGE', county, at);
    nodes.push(
      t,
      ...villages.map((v) => node(lulongVillageName(township, v), 'BRANCH', 'VILLAGE', t, at)),
    );
  }
  for (const d of LULONG_DEPARTMENTS) nodes.push(node(d.name, 'BRANCH', d.sector, works, at));
  return nodes;
}

/**
 * 山东省委 → 潍坊市委 → 高密市委 → streets → communities → grid and compound branches; 市直机关工委
 * → the 140 units' own organizations (their branches below are left out: the demo needs none).
 */
export function gaomiProjectionNodes(): OrgNode[] {
  const at = GAOMI.regionCode;
  const province = node('中共山东省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '370000');
  const prefecture = node('中共潍坊市委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', province, '370700');
  const city = node(GAOMI.city, 'PARTY_COMMITTEE', 'STATE_ORGAN', prefecture, at);
  const works = node(GAOMI.units, 'WORKING_COMMITTEE', 'STATE_ORGAN', city, at);
  const nodes = [province, prefecture, city, works];
  let c = 0;
  for (const { street, communities } of GAOMI_STREETS) {
    const s = node(gaomiStreetName(street), 'WORKING_COMMITTEE', 'COMMUNITY', city, at);
    nodes.push(s);
    for (const community of communities) {
      const k = node(gaomiCommunityName(street, community), 'PARTY_COMMITTEE', 'COMMUNITY', s, at);
      nodes.push(k);
      for (let g = 0; g < GAOMI_GRIDS_PER_COMMUNITY; g++)
        nodes.push(node(gaomiGridName(community, g), 'BRANCH', 'GRID', k, at));
      for (let p = 0; p < GAOMI_COMPOUNDS_PER_COMMUNITY; p++)
        nodes.push(
          node(gaomiCompoundName(community, c, p), 'BRANCH', 'RESIDENTIAL_COMPOUND', k, at),
        );
      c++;
    }
  }
  for (const u of GAOMI_UNITS) {
    const own = gaomiUnitOrganization(u);
    nodes.push(node(own.name, own.kind, u.sector, works, at));
  }
  return nodes;
}
