import { createHash } from 'node:crypto';
import { Types } from 'mongoose';
import type { OrganizationKind, OrganizationSector } from '../organization/organization.enums';

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

interface Spec {
  name: string;
  kind: OrganizationKind;
  sector: OrganizationSector;
  regionCode: string;
  children?: Spec[];
}

const idFor = (path: string) =>
  new Types.ObjectId(createHash('sha256').update(`jiceng-demo:${path}`).digest('hex').slice(0, 24));
const range = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const CN_DIGITS = '〇一二三四五六七八九十';
const cn = (n: number) =>
  n <= 10
    ? CN_DIGITS[n]
    : n < 20
      ? `十${CN_DIGITS[n - 10]}`
      : `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 ? CN_DIGITS[n % 10] : ''}`;

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
      name: `第${cn(g + 1)}网格党支部`,
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
          name: `运河区第${cn(i + 1)}非公企业党支部`,
          kind: 'BRANCH' as const,
          sector: 'NON_PUBLIC_ENTERPRISE' as const,
          regionCode: '130903',
        })),
        ...range(6, (i) => ({
          name: `运河区第${cn(i + 1)}社会组织党支部`,
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
        name: `运河区直第${cn(i + 1)}机关党支部`,
        kind: 'BRANCH' as const,
        sector: 'STATE_ORGAN' as const,
        regionCode: '130903',
      })),
    },
  ],
};

// 雄安新区: project joint committees (雄安高铁站, 东西轴线 …) with area general branches,
// "140余个项目临时党支部" and team groups: 片区党总支 → 项目党支部 → 班组党小组.
const XIONGAN_PROJECTS: [string, number][] = [
  ['雄安高铁站', 40],
  ['东西轴线', 36],
  ['容东片区', 34],
  ['启动区', 30],
];

function project([project, branches]: [string, number]): Spec {
  const areas = Math.ceil(branches / 10);
  return {
    name: `${project}项目联合党委`,
    kind: 'JOINT_COMMITTEE',
    sector: 'CONSTRUCTION_PROJECT',
    regionCode: '130632',
    children: range(areas, (a) => ({
      name: `${project}第${cn(a + 1)}片区党总支`,
      kind: 'GENERAL_BRANCH' as const,
      sector: 'CONSTRUCTION_PROJECT' as const,
      regionCode: '130632',
      children: range(Math.min(10, branches - a * 10), (b) => ({
        name: `${project}${a * 10 + b + 1}标段临时党支部`,
        kind: 'TEMPORARY_BRANCH' as const,
        sector: 'CONSTRUCTION_PROJECT' as const,
        regionCode: '130632',
        children: range(2, (g) => ({
          name: `${cn(g + 1)}班组党小组`,
          kind: 'GROUP' as const,
          sector: 'CONSTRUCTION_PROJECT' as const,
          regionCode: '130632',
        })),
      })),
    })),
  };
}

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
      children: XIONGAN_PROJECTS.map(project),
    },
    ...[
      ['安新县委', '130632'],
      ['容城县委', '130629'],
      ['雄县县委', '130638'],
    ].map(([name, regionCode]) => ({
      name,
      kind: 'PARTY_COMMITTEE' as const,
      sector: 'STATE_ORGAN' as const,
      regionCode,
      children: range(8, (v) => ({
        name: `${name.replace('县委', '')}第${cn(v + 1)}村党支部`,
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
              name: `沧州市直第${cn(i + 1)}机关党支部`,
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
              name: `凌河区第${cn(i + 1)}街道党工委`,
              kind: 'WORKING_COMMITTEE' as const,
              sector: 'COMMUNITY' as const,
              regionCode: '210703',
            })),
          },
        ],
      },
    ],
  },
];

/** Flattens the demo forest, parents before children. */
export function demoNodes(): DemoNode[] {
  const nodes: DemoNode[] = [];
  const walk = (spec: Spec, parent: DemoNode | null, path: string) => {
    const fullPath = `${path}/${spec.name}`;
    const node: DemoNode = {
      _id: idFor(fullPath),
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
  };
}
