// 卢龙县 as the organizations demo builds it from the shared plan's names (河北省委 → 秦皇岛市委 →
// 卢龙县委 → townships → villages; 卢龙县直属机关工委 → departments), as this service's organization
// projection holds it: the tree the whistle demo's tests read instead of the real projection.
import {
  LULONG,
  LULONG_DEPARTMENTS,
  LULONG_TOWNSHIPS,
  lulongTownshipName,
  lulongVillageName,
} from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import { demoId } from './demo-kit';

export function lulongProjectionNodes(): OrgNode[] {
  const node = (
    name: string,
    kind: string,
    sector: string,
    parent: OrgNode | null,
    regionCode: string = LULONG.regionCode,
  ): OrgNode => ({
    _id: demoId(`test-lulong/${name}`),
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
  const province = node('中共河北省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '130000');
  const city = node(LULONG.city, 'PARTY_COMMITTEE', 'STATE_ORGAN', province, '130300');
  const county = node(LULONG.county, 'PARTY_COMMITTEE', 'STATE_ORGAN', city);
  const works = node(LULONG.departments, 'WORKING_COMMITTEE', 'STATE_ORGAN', county);
  const nodes = [province, city, county, works];
  for (const { township, villages } of LULONG_TOWNSHIPS) {
    const t = node(lulongTownshipName(township), 'PARTY_COMMITTEE', 'VILLAGE', county);
    nodes.push(
      t,
      ...villages.map((v) => node(lulongVillageName(township, v), 'BRANCH', 'VILLAGE', t)),
    );
  }
  for (const d of LULONG_DEPARTMENTS) nodes.push(node(d.name, 'BRANCH', d.sector, works));
  return nodes;
}
