import { Types } from 'mongoose';
import { ageOn } from '../member/age';
import { birthDateOfIdNumber, genderOfIdNumber, idNumberProblem } from '../personal-data/id-number';
import type { OrgNode } from '@jiceng/org-projection';
import {
  demoCast,
  GAOMI,
  GAOMI_FIGURES,
  GAOMI_STREETS,
  GAOMI_UNITS,
  gaomiCommunityName,
  gaomiGridName,
  gaomiStreetName,
  gaomiUnitBranches,
  gaomiUnitCommunity,
  gaomiUnitOrganization,
  LINGHE_STREETS,
  lingheStreetName,
  LULONG,
  lulongDemoGrids,
} from '@jiceng/demo';
import { DEMO_TODAY, FIGURES, findLandmarks, LANDMARK_NAMES, planDemo } from './demo-plan';

// A small forest shaped like the organizations demo: the landmarks the report's figures hang on.
function forest(): OrgNode[] {
  const nodes: OrgNode[] = [];
  const add = (
    name: string,
    kind: string,
    sector: string,
    parent: OrgNode | null,
    regionCode = '130903',
  ) => {
    const node: OrgNode = {
      _id: new Types.ObjectId(),
      name,
      kind,
      sector,
      regionCode,
      status: 'ACTIVE',
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      version: 1,
      updatedAt: DEMO_TODAY,
    };
    nodes.push(node);
    return node;
  };
  const hebei = add('中共河北省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '130000');
  const city = add('中共沧州市委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', hebei, '130900');
  const yunhe = add(LANDMARK_NAMES.yunhe, 'PARTY_COMMITTEE', 'STATE_ORGAN', city);
  for (let s = 0; s < 6; s++) {
    const street = add(`街道${s}`, 'WORKING_COMMITTEE', 'COMMUNITY', yunhe);
    for (let c = 0; c < (s < 1 ? 13 : 12); c++) {
      const community = add(`社区${s}-${c}`, 'PARTY_COMMITTEE', 'COMMUNITY', street);
      add(`网格${s}-${c}`, 'BRANCH', 'GRID', community);
    }
  }
  const cityUnits = add(
    LANDMARK_NAMES.cityUnits,
    'WORKING_COMMITTEE',
    'STATE_ORGAN',
    city,
    '130900',
  );
  for (let i = 0; i < 27; i++) add(`市直${i}党支部`, 'BRANCH', 'STATE_ORGAN', cityUnits, '130900');
  const districtUnits = add(
    LANDMARK_NAMES.districtUnits,
    'WORKING_COMMITTEE',
    'STATE_ORGAN',
    yunhe,
  );
  for (let i = 0; i < 53; i++) add(`区直${i}党支部`, 'BRANCH', 'STATE_ORGAN', districtUnits);
  const enterprises = add('两新工委', 'WORKING_COMMITTEE', 'NON_PUBLIC_ENTERPRISE', yunhe);
  for (let i = 0; i < 5; i++) add(`企业${i}党支部`, 'BRANCH', 'NON_PUBLIC_ENTERPRISE', enterprises);
  const xiongan = add(LANDMARK_NAMES.xiongan, 'WORKING_COMMITTEE', 'STATE_ORGAN', hebei, '130632');
  const project = add('项目联合党委', 'JOINT_COMMITTEE', 'CONSTRUCTION_PROJECT', xiongan, '130632');
  for (let i = 0; i < 140; i++)
    add(`${i}标段临时党支部`, 'TEMPORARY_BRANCH', 'CONSTRUCTION_PROJECT', project, '130632');
  const county = add('安新县委', 'PARTY_COMMITTEE', 'STATE_ORGAN', xiongan, '130632');
  for (let i = 0; i < 8; i++) add(`村${i}党支部`, 'BRANCH', 'VILLAGE', county, '130632');
  add('车轮支部', 'MOBILE_BRANCH', 'NEW_EMPLOYMENT', hebei, '131102');
  const liaoning = add('中共辽宁省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '210000');
  const linghe = add(
    '中共锦州市凌河区委员会',
    'PARTY_COMMITTEE',
    'STATE_ORGAN',
    liaoning,
    '210703',
  );
  for (let s = 0; s < LINGHE_STREETS; s++)
    add(lingheStreetName(s), 'WORKING_COMMITTEE', 'COMMUNITY', linghe, '210703');
  // 卢龙县 and 高密市 as the shared plan (@jiceng/demo grid-governance) names them.
  const qinhuangdao = add(LULONG.city, 'PARTY_COMMITTEE', 'STATE_ORGAN', hebei, '130300');
  const lulong = add(LULONG.county, 'PARTY_COMMITTEE', 'STATE_ORGAN', qinhuangdao, '130324');
  const township = add(LULONG.demoTownship, 'PARTY_COMMITTEE', 'VILLAGE', lulong, '130324');
  const villages = new Map<string, OrgNode>();
  for (const g of lulongDemoGrids()) {
    if (!villages.has(g.village))
      villages.set(g.village, add(g.village, 'BRANCH', 'VILLAGE', township, '130324'));
    add(g.grid, 'GROUP', 'GRID', villages.get(g.village)!, '130324');
  }
  const panzhuang = add('潘庄镇党委', 'PARTY_COMMITTEE', 'VILLAGE', lulong, '130324');
  add('潘庄镇潘庄村党支部', 'BRANCH', 'VILLAGE', panzhuang, '130324');
  const shandong = add('中共山东省委员会', 'PARTY_COMMITTEE', 'STATE_ORGAN', null, '370000');
  const gaomi = add(GAOMI.city, 'PARTY_COMMITTEE', 'STATE_ORGAN', shandong, '370785');
  for (const { street, communities } of GAOMI_STREETS) {
    const streetNode = add(
      gaomiStreetName(street),
      'WORKING_COMMITTEE',
      'COMMUNITY',
      gaomi,
      '370785',
    );
    for (const c of communities) {
      const community = add(
        gaomiCommunityName(street, c),
        'PARTY_COMMITTEE',
        'COMMUNITY',
        streetNode,
        '370785',
      );
      add(gaomiGridName(c, 0), 'BRANCH', 'GRID', community, '370785');
    }
  }
  const units = add(GAOMI.units, 'WORKING_COMMITTEE', 'STATE_ORGAN', gaomi, '370785');
  for (const u of GAOMI_UNITS) {
    const own = gaomiUnitOrganization(u);
    const unit = add(own.name, own.kind, u.sector, units, '370785');
    if (u.branches > 1)
      for (const name of gaomiUnitBranches(u)) add(name, 'BRANCH', u.sector, unit, '370785');
  }
  return nodes;
}

describe('demo members plan', () => {
  const nodes = forest();
  const landmarks = findLandmarks(nodes);
  if (Array.isArray(landmarks)) throw new Error(landmarks.join('; '));
  const { members, unitReports } = planDemo(nodes, landmarks, 12_000);

  it('names what the projection still lacks', () => {
    expect(findLandmarks(nodes.filter((n) => n.kind !== 'TEMPORARY_BRANCH'))).toEqual([
      '140 project branches of 雄安 (0)',
    ]);
  });

  it('reproduces the report figures exactly', () => {
    const cityUnits = new Set(landmarks.cityUnits.map((n) => String(n._id)));
    const districtUnits = new Set(landmarks.districtUnits.map((n) => String(n._id)));
    const reporting = members.filter((m) => m.community);
    expect(reporting.filter((m) => cityUnits.has(String(m.branch._id)))).toHaveLength(
      FIGURES.cityReporting,
    );
    expect(reporting.filter((m) => districtUnits.has(String(m.branch._id)))).toHaveLength(
      FIGURES.districtReporting,
    );
    expect(reporting.every((m) => m.inService && m.unit?._id.equals(m.branch._id))).toBe(true);
    expect(unitReports).toHaveLength(
      FIGURES.cityUnits + FIGURES.districtUnits + GAOMI_FIGURES.units,
    );
    expect(new Set(unitReports.map((r) => `${r.unit._id}:${r.community._id}`)).size).toBe(
      80 + GAOMI_FIGURES.units,
    );
    expect(members.filter((m) => m.status === 'APPLICANT')).toHaveLength(FIGURES.applicants);
    expect(members.length).toBeGreaterThanOrEqual(12_000);
  });

  it('gives every member a valid, unique ID number that agrees with birth date and gender', () => {
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(members.length);
    for (const m of members) {
      expect(idNumberProblem(m.idNumber, DEMO_TODAY)).toBeNull();
      expect(birthDateOfIdNumber(m.idNumber).getTime()).toBe(m.birthDate.getTime());
      expect(genderOfIdNumber(m.idNumber)).toBe(m.gender);
    }
  });

  it('dates every status and assignment plausibly', () => {
    for (const m of members) {
      expect(m.statusSince.getTime()).toBeLessThanOrEqual(DEMO_TODAY.getTime());
      expect(ageOn(m.birthDate, m.statusSince)).toBeGreaterThanOrEqual(18);
      if (m.floating) {
        expect(['FULL', 'PROBATIONARY']).toContain(m.status);
        expect(m.floating.node.kind).toBe('TEMPORARY_BRANCH');
        expect(m.floating.from.getTime()).toBeGreaterThanOrEqual(m.statusSince.getTime());
      }
    }
    expect(
      members
        .filter((m) => m.status === 'APPLICANT')
        .every((m) => ageOn(m.birthDate, DEMO_TODAY) <= 29),
    ).toBe(true);
    expect(members.some((m) => m.floating)).toBe(true);
  });

  // Other services' demos refer to these members by id (the rural demo's spec checks that it
  // refers to no one else): each must be created, with that id, on its street.
  it('creates every member of the demo cast with its id, on its street, in good standing', () => {
    const planned = new Map(members.filter((m) => m.id).map((m) => [String(m.id), m]));
    const missing = demoCast()
      .filter(
        (c) => !planned.get(String(c.id))?.branch._id.equals(landmarks.lingheStreets[c.street]._id),
      )
      .map((c) => `Member ${c.id} (${c.role}, ${lingheStreetName(c.street)})`);
    expect(missing).toEqual([]);
    expect(planned.size).toBe(
      demoCast().length + lulongDemoGrids().reduce((n, g) => n + g.memberIds.length, 0),
    );
    expect([...planned.values()].every((m) => ['FULL', 'PROBATIONARY'].includes(m.status))).toBe(
      true,
    );
  });

  // 德邻有约: "140余个市直单位、384个机关党支部、3600余名党员到属地网格（小区）报到".
  it("registers 3600 members of 高密's 384 unit branches and its 140 units with its communities", () => {
    const branches = new Set(landmarks.gaomiUnitBranches.map((n) => String(n._id)));
    const communities = new Set(landmarks.gaomiCommunities.map((n) => String(n._id)));
    expect(branches.size).toBe(GAOMI_FIGURES.unitBranches);
    const own = members.filter((m) => branches.has(String(m.branch._id)));
    const reporting = own.filter((m) => m.community);
    expect(reporting).toHaveLength(GAOMI_FIGURES.reportingMembers);
    expect(reporting.every((m) => communities.has(String(m.community!.node._id)))).toBe(true);
    expect(new Set(reporting.map((m) => String(m.community!.node._id)))).toEqual(communities);
    expect(new Set(own.map((m) => String(m.branch._id)))).toEqual(branches);
    const hospital = own.find((m) => m.branch.name === '高密市人民医院第一党支部');
    expect(hospital?.employer).toBe('高密市人民医院');
    const units = unitReports.filter((r) => r.unit.regionCode === GAOMI.regionCode);
    expect(units.map((r) => r.community.name)).toEqual(
      GAOMI_UNITS.map((_, i) => gaomiUnitCommunity(i)),
    );
    // Their grid branches keep a fixed size, whatever the target leaves for 运河区's grids.
    const grid = landmarks.gaomiCommunities[0];
    const gridMembers = members.filter((m) => m.branch.parentId?.equals(grid._id));
    expect(gridMembers).toHaveLength(30);
  });

  // 党员联系户: the household-contacts demo assigns 10–15 households to each of these members.
  it("puts each 卢龙 demo grid's members, with the plan's ids, in its village branch", () => {
    const byId = new Map(members.filter((m) => m.id).map((m) => [String(m.id), m]));
    for (const g of lulongDemoGrids())
      for (const id of g.memberIds) {
        const m = byId.get(String(id));
        expect(m?.branch.name).toBe(g.village);
        expect(['FULL', 'PROBATIONARY']).toContain(m?.status);
      }
    const village = landmarks.lulongGridVillages.get(lulongDemoGrids()[0].village)!;
    const planned = lulongDemoGrids()
      .filter((g) => g.village === village.name)
      .reduce((n, g) => n + g.memberIds.length, 0);
    expect(members.filter((m) => m.branch._id.equals(village._id))).toHaveLength(planned);
    const lulong = members.filter((m) =>
      m.branch.ancestorIds.some((a) => a.equals(landmarks.lulong._id)),
    );
    expect(lulong.filter((m) => m.branch.name === '潘庄镇潘庄村党支部')).toHaveLength(70);
    expect(lulong.some((m) => m.floating)).toBe(false);
  });

  it('is deterministic', () => {
    const again = planDemo(nodes, landmarks, 12_000).members;
    expect(again.map((m) => m.idNumber + m.name + m.status)).toEqual(
      members.map((m) => m.idNumber + m.name + m.status),
    );
  });
});
