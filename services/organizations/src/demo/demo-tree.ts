import { createHash } from 'node:crypto';
import { Types, type Model } from 'mongoose';
import { DEMO_FIRMS, firmBranchName } from './demo-firms';
import { gaomiCity, lulongCounty } from './grid-governance-trees';
import type { OrganizationKind, OrganizationSector } from '@jiceng/events';
import {
  chineseNumeral,
  GAOMI,
  insertMissing as insertDemo,
  LULONG,
  XIONGAN_PROJECTS,
  xionganBranchName,
} from '@jiceng/demo';

/** A node of the demo trees; ids derive from the path so loading twice changes nothing. */
export interface DemoNode {
  _id: Types.ObjectId;
  name: string;
  kind: OrganizationKind;
  sector: OrganizationSector;
  regionCode: string;
  parentId: Types.ObjectId | null;
  ancestorIds: Types.ObjectId[];
  depth: number;
}

/** A node of the demo forest as declared, with its children. */
export interface DemoSpec {
  name: string;
  kind: OrganizationKind;
  sector: OrganizationSector;
  regionCode: string;
  children?: DemoSpec[];
}
type Spec = DemoSpec;

/** A deterministic id for a demo record, so loading twice changes nothing. */
export const demoId = (path: string) =>
  new Types.ObjectId(createHash('sha256').update(`jiceng-demo:${path}`).digest('hex').slice(0, 24));
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

// 运河区 (沧州, 130903): 6 streets with the report's 73 communities; each community has grid
// branches and building groups below it; 两新 and 区直机关 committees hold enterprise and unit branches.
const YUNHE_STREETS: [string, number][] = [
  ['水月寺街道', 13],
  ['南环中路街道', 13],
  ['西环中路街道', 12],
  ['公园街道', 12],
  ['市场街道', 12],
  ['解放路街道', 11],
];
const COMMUNITY_NAMES = [
  '朝东',
  '朝阳',
  '彩虹',
  '新华',
  '光荣',
  '永安',
  '清池',
  '运河',
  '金城',
  '华北',
  '育红',
  '顺和',
  '建设',
];

function community(street: string, i: number): Spec {
  const name = `${street.replace('街道', '')}${COMMUNITY_NAMES[i % COMMUNITY_NAMES.length]}${i >= COMMUNITY_NAMES.length ? '二' : ''}社区党委`;
  return {
    name,
    kind: i % 4 === 3 ? 'GENERAL_BRANCH' : 'PARTY_COMMITTEE',
    sector: 'COMMUNITY',
    regionCode: '130903',
    children: range(3, (g) => ({
      name: `第${chineseNumeral(g + 1)}网格党支部`,
      kind: 'BRANCH',
      sector: 'GRID',
      regionCode: '130903',
      children: range(2, (b) => ({
        name: `${g * 2 + b + 1}号楼党小组`,
        kind: 'GROUP',
        sector: 'BUILDING',
        regionCode: '130903',
      })),
    })),
  };
}

const yunhe: Spec = {
  name: '中共沧州市运河区委员会',
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '130903',
  children: [
    ...YUNHE_STREETS.map(([street, communities]) => ({
      name: `${street}党工委`,
      kind: 'WORKING_COMMITTEE' as const,
      sector: 'COMMUNITY' as const,
      regionCode: '130903',
      children: range(communities, (i) => community(street, i)),
    })),
    {
      name: '运河区委两新工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'NON_PUBLIC_ENTERPRISE',
      regionCode: '130903',
      children: [
        ...range(20, (i) => ({
          name: `运河区第${chineseNumeral(i + 1)}非公企业党支部`,
          kind: 'BRANCH' as const,
          sector: 'NON_PUBLIC_ENTERPRISE' as const,
          regionCode: '130903',
        })),
        ...range(6, (i) => ({
          name: `运河区第${chineseNumeral(i + 1)}社会组织党支部`,
          kind: 'BRANCH' as const,
          sector: 'SOCIAL_ORGANIZATION' as const,
          regionCode: '130903',
        })),
      ],
    },
    {
      // 53 区级单位党组织 report with the communities (双报到).
      name: '运河区直属机关工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '130903',
      children: range(53, (i) => ({
        name: `运河区直第${chineseNumeral(i + 1)}机关党支部`,
        kind: 'BRANCH' as const,
        sector: 'STATE_ORGAN' as const,
        regionCode: '130903',
      })),
    },
  ],
};

export { XIONGAN_PROJECTS, XIONGAN_PROJECT_FIRMS, xionganFirmOfBranch } from '@jiceng/demo';

// 雄安新区: project joint committees (雄安高铁站, 东西轴线 …) with area general branches,
// "140余个项目临时党支部" and team groups: 片区党总支 → 项目党支部 → 班组党小组.
function project([project, branches]: [string, number]): Spec {
  const areas = Math.ceil(branches / 10);
  return {
    name: `${project}项目联合党委`,
    kind: 'JOINT_COMMITTEE',
    sector: 'CONSTRUCTION_PROJECT',
    regionCode: '130632',
    children: range(areas, (a) => ({
      name: `${project}第${chineseNumeral(a + 1)}片区党总支`,
      kind: 'GENERAL_BRANCH' as const,
      sector: 'CONSTRUCTION_PROJECT' as const,
      regionCode: '130632',
      children: range(Math.min(10, branches - a * 10), (b) => ({
        name: xionganBranchName(project, a * 10 + b + 1),
        kind: 'TEMPORARY_BRANCH' as const,
        sector: 'CONSTRUCTION_PROJECT' as const,
        regionCode: '130632',
        children: range(2, (g) => ({
          name: `${chineseNumeral(g + 1)}班组党小组`,
          kind: 'GROUP' as const,
          sector: 'CONSTRUCTION_PROJECT' as const,
          regionCode: '130632',
        })),
      })),
    })),
  };
}

// "已有150余家企业和130余家农村（社区）党组织开展党建联建": the branches of the 24 contractors
// ("24家施工总承包企业") and of 130 resident enterprises under the comprehensive committee; 36
// villages in each county and 容东片区's 24 communities; 新区直属机关 units pair with enterprises.
const XIONGAN_ENTERPRISE_PREFIXES = [
  '雄创',
  '容和',
  '安泰',
  '白洋',
  '淀湾',
  '雄兴',
  '容盛',
  '金湖',
  '昝岗',
  '雄东',
  '容西',
  '启航',
  '淀北',
];
const XIONGAN_ENTERPRISE_TRADES = [
  '科技',
  '数据',
  '生物医药',
  '新材料',
  '物流',
  '金融服务',
  '文化旅游',
  '现代农业',
  '环保',
  '智能制造',
];
export const XIONGAN_ENTERPRISES = XIONGAN_ENTERPRISE_TRADES.flatMap((trade) =>
  XIONGAN_ENTERPRISE_PREFIXES.map((prefix) => `${prefix}${trade}有限公司党支部`),
);
export const XIONGAN_UNITS = [
  '党群工作部',
  '改革发展局',
  '规划建设局',
  '公共服务局',
  '综合执法局',
  '生态环境局',
  '应急管理局',
  '自然资源和规划局',
  '市场监督管理局',
  '财政局',
].map((unit) => `雄安新区${unit}机关党支部`);
export const XIONGAN_COUNTIES: [string, string][] = [
  ['安新县委', '130632'],
  ['容城县委', '130629'],
  ['雄县县委', '130638'],
];
const VILLAGES_PER_COUNTY = 36;
const RONGDONG_COMMUNITIES = 24;
export const xionganVillageName = (county: string, v: number) =>
  `${county.replace('县委', '')}第${chineseNumeral(v + 1)}村党支部`;

const xiongan: Spec = {
  name: '中共河北雄安新区工作委员会',
  kind: 'WORKING_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '130632',
  children: [
    {
      name: '雄安新区企事业单位和两新组织综合党委',
      kind: 'COMPREHENSIVE_COMMITTEE',
      sector: 'NON_PUBLIC_ENTERPRISE',
      regionCode: '130632',
      children: [
        ...XIONGAN_PROJECTS.map(project),
        ...DEMO_FIRMS.map((firm) => ({
          name: firmBranchName(firm),
          kind: 'BRANCH' as const,
          sector: firm.sector,
          regionCode: '130632',
        })),
        ...XIONGAN_ENTERPRISES.map((name, i) => ({
          name,
          kind: 'BRANCH' as const,
          sector: i % 4 === 0 ? ('SOE' as const) : ('NON_PUBLIC_ENTERPRISE' as const),
          regionCode: '130632',
        })),
      ],
    },
    {
      name: '雄安新区直属机关工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '130632',
      children: XIONGAN_UNITS.map((name) => ({
        name,
        kind: 'BRANCH' as const,
        sector: 'STATE_ORGAN' as const,
        regionCode: '130632',
      })),
    },
    {
      name: '容东片区党工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'COMMUNITY',
      regionCode: '130629',
      children: range(RONGDONG_COMMUNITIES, (c) => ({
        name: `容东片区第${chineseNumeral(c + 1)}社区党委`,
        kind: 'PARTY_COMMITTEE' as const,
        sector: 'COMMUNITY' as const,
        regionCode: '130629',
      })),
    },
    ...XIONGAN_COUNTIES.map(([name, regionCode]) => ({
      name,
      kind: 'PARTY_COMMITTEE' as const,
      sector: 'STATE_ORGAN' as const,
      regionCode,
      children: range(VILLAGES_PER_COUNTY, (v) => ({
        name: xionganVillageName(name, v),
        kind: 'BRANCH' as const,
        sector: 'VILLAGE' as const,
        regionCode,
      })),
    })),
  ],
};

// 桃城区 (衡水, 131102): 两新工委 with the mobile branches for riders, couriers and drivers.
const taocheng: Spec = {
  name: '中共衡水市桃城区委员会',
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '131102',
  children: [
    {
      name: '桃城区委两新工委',
      kind: 'WORKING_COMMITTEE',
      sector: 'NON_PUBLIC_ENTERPRISE',
      regionCode: '131102',
      children: ['车轮支部', '网上支部', '邻里小哥支部'].map((name) => ({
        name: `桃城区${name}`,
        kind: 'MOBILE_BRANCH' as const,
        sector: 'NEW_EMPLOYMENT' as const,
        regionCode: '131102',
      })),
    },
  ],
};

// 山东潍坊: "与山东潍坊开展跨省党建联建，两地首批8个村党支部结对".
export const weifangVillageName = (v: number) => `寿光第${chineseNumeral(v + 1)}村党支部`;
const shandong: Spec = {
  name: '中共山东省委员会',
  kind: 'PARTY_COMMITTEE',
  sector: 'STATE_ORGAN',
  regionCode: '370000',
  children: [
    {
      name: '中共潍坊市委员会',
      kind: 'PARTY_COMMITTEE',
      sector: 'STATE_ORGAN',
      regionCode: '370700',
      children: [
        {
          name: '中共寿光市委员会',
          kind: 'PARTY_COMMITTEE',
          sector: 'STATE_ORGAN',
          regionCode: '370783',
          children: range(8, (v) => ({
            name: weifangVillageName(v),
            kind: 'BRANCH' as const,
            sector: 'VILLAGE' as const,
            regionCode: '370783',
          })),
        },
        // 高密市 (370785): 德邻有约's grid and compound branches and the units reporting to them.
        gaomiCity(),
      ],
    },
  ],
};

const DEMO_FOREST: Spec[] = [
  {
    name: '中共河北省委员会',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130000',
    children: [
      {
        name: '中共沧州市委员会',
        kind: 'PARTY_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode: '130900',
        children: [
          yunhe,
          {
            // 27 市级单位党组织 report with 运河区's communities (双报到).
            name: '沧州市直属机关工委',
            kind: 'WORKING_COMMITTEE',
            sector: 'STATE_ORGAN',
            regionCode: '130900',
            children: range(27, (i) => ({
              name: `沧州市直第${chineseNumeral(i + 1)}机关党支部`,
              kind: 'BRANCH' as const,
              sector: 'STATE_ORGAN' as const,
              regionCode: '130900',
            })),
          },
        ],
      },
      {
        name: '中共衡水市委员会',
        kind: 'PARTY_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode: '131100',
        children: [taocheng],
      },
      {
        name: LULONG.city,
        kind: 'PARTY_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode: '130300',
        // 卢龙县 (130324): 党员联系户 on the villages' grids, 吹哨报到 to the county's departments.
        children: [lulongCounty()],
      },
      xiongan,
    ],
  },
  {
    name: '中共辽宁省委员会',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '210000',
    children: [
      {
        name: '中共锦州市委员会',
        kind: 'PARTY_COMMITTEE',
        sector: 'STATE_ORGAN',
        regionCode: '210700',
        children: [
          {
            name: '中共锦州市凌河区委员会',
            kind: 'PARTY_COMMITTEE',
            sector: 'STATE_ORGAN',
            regionCode: '210703',
            children: range(6, (i) => ({
              name: `凌河区第${chineseNumeral(i + 1)}街道党工委`,
              kind: 'WORKING_COMMITTEE' as const,
              sector: 'COMMUNITY' as const,
              regionCode: '210703',
            })),
          },
        ],
      },
    ],
  },
  shandong,
];

/** Flattens the demo forest, parents before children. */
export function demoNodes(): DemoNode[] {
  const nodes: DemoNode[] = [];
  const walk = (spec: Spec, parent: DemoNode | null, path: string) => {
    const fullPath = `${path}/${spec.name}`;
    const node: DemoNode = {
      _id: demoId(fullPath),
      name: spec.name,
      kind: spec.kind,
      sector: spec.sector,
      regionCode: spec.regionCode,
      parentId: parent?._id ?? null,
      ancestorIds: parent ? [...parent.ancestorIds, parent._id] : [],
      depth: parent ? parent.depth + 1 : 0,
    };
    nodes.push(node);
    spec.children?.forEach((child) => walk(child, node, fullPath));
  };
  DEMO_FOREST.forEach((root) => walk(root, null, ''));
  return nodes;
}

/** Well-known demo organizations, for tokens and examples. */
export function demoLandmarks(nodes: DemoNode[]): Record<string, string> {
  const byName = (name: string) => String(nodes.find((n) => n.name === name)?._id);
  return {
    hebei: byName('中共河北省委员会'),
    yunhe: byName('中共沧州市运河区委员会'),
    cangzhouUnits: byName('沧州市直属机关工委'),
    yunheUnits: byName('运河区直属机关工委'),
    shuiyuesi: byName('水月寺街道党工委'),
    xiongan: byName('中共河北雄安新区工作委员会'),
    taocheng: byName('中共衡水市桃城区委员会'),
    linghe: byName('中共锦州市凌河区委员会'),
    xionganComprehensive: byName('雄安新区企事业单位和两新组织综合党委'),
    weifang: byName('中共潍坊市委员会'),
    lulong: byName(LULONG.county),
    lulongDemoTownship: byName(LULONG.demoTownship),
    lulongDepartments: byName(LULONG.departments),
    gaomi: byName(GAOMI.city),
    gaomiUnits: byName(GAOMI.units),
  };
}

/** The demo node with this name; the name must be unique in the demo forest. */
export function demoNodeNamed(nodes: DemoNode[], name: string): DemoNode {
  const found = nodes.filter((n) => n.name === name);
  if (found.length !== 1) throw new Error(`${found.length} demo organizations are named ${name}`);
  return found[0];
}

export function demoChildren(nodes: DemoNode[], parent: DemoNode): DemoNode[] {
  return nodes.filter((n) => n.parentId?.equals(parent._id));
}

/**
 * Inserts the documents whose ids are not stored yet, in bulk, and reports how many; documents
 * carrying an outbox publish their events through the running service's relay.
 */
export async function insertMissing<T extends { _id: Types.ObjectId }>(
  model: Model<any>,
  docs: T[],
): Promise<{ total: number; inserted: number }> {
  return { total: docs.length, inserted: (await insertDemo(model, docs)).length };
}
