import { createHash } from 'node:crypto';

// Deterministic randomness for the demo: every draw derives from a label, so a member's
// attributes do not depend on how many other members were generated before it.
export function rng(label: string): () => number {
  let state = createHash('sha256').update(label).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)];

const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文',
];
const MALE = [
  ...'伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林博成建国志海庆东文峰',
];
const FEMALE = [...'芳娜敏静丽艳娟霞秀英华慧巧美玲桂兰凤洁琳素云莲真环雪荣爱妹倩婷宁蓉欣颖晶月'];

export function personName(random: () => number, male: boolean): string {
  const given = male ? MALE : FEMALE;
  const name = pick(random, given) + (random() < 0.7 ? pick(random, given) : '');
  return pick(random, SURNAMES) + name;
}

export function mobilePhone(random: () => number): string {
  const prefix = pick(random, [
    '130',
    '131',
    '132',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '157',
    '158',
    '159',
    '176',
    '177',
    '180',
    '182',
    '185',
    '186',
    '187',
    '188',
    '189',
    '191',
    '199',
  ]);
  return prefix + String(Math.floor(random() * 1e8)).padStart(8, '0');
}

export interface Role {
  occupations: readonly string[];
  employer?: (branchName: string, random: () => number) => string;
  /** Birth years are drawn from [oldest, youngest] ages with these weights per decade band. */
  ages: [number, number];
  femaleShare: number;
}

const unitOf = (branchName: string) => branchName.replace(/党支部$/, '');

export const ROLES = {
  resident: {
    occupations: [
      '退休职工',
      '退休教师',
      '社区居民',
      '个体经营者',
      '企业职工',
      '自由职业者',
      '社区工作者',
    ],
    ages: [22, 86],
    femaleShare: 0.36,
  },
  inService: {
    occupations: ['公务员', '事业单位职工', '科员', '科长'],
    employer: unitOf,
    ages: [24, 59],
    femaleShare: 0.42,
  },
  enterprise: {
    occupations: ['企业职工', '技术员', '工程师', '销售经理', '财务人员', '项目经理'],
    employer: unitOf,
    ages: [23, 55],
    femaleShare: 0.3,
  },
  soe: {
    occupations: ['国企职工', '工程师', '技术员', '管理人员'],
    employer: unitOf,
    ages: [24, 60],
    femaleShare: 0.28,
  },
  villager: {
    occupations: ['农民', '村干部', '合作社社员', '建筑工人', '个体经营者'],
    ages: [25, 80],
    femaleShare: 0.22,
  },
  rider: {
    occupations: ['外卖骑手', '快递员', '网约车司机', '货车司机'],
    employer: (_name: string, random: () => number) =>
      pick(random, ['美团', '饿了么', '顺丰速运', '中通快递', '滴滴出行', '货拉拉']),
    ages: [22, 48],
    femaleShare: 0.08,
  },
  cadre: {
    occupations: ['村干部', '街道干部', '社区工作者'],
    ages: [30, 58],
    femaleShare: 0.3,
  },
  applicant: {
    occupations: ['企业职工', '社区工作者', '教师', '外卖骑手', '技术员'],
    ages: [18, 28],
    femaleShare: 0.45,
  },
} as const satisfies Record<string, Role>;
