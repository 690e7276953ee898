// 雄安新区's rural projects and the 雄安–潍坊 pairings: "两地首批8个村党支部结对，累计投资2180万元，
// 建设1300亩高品质现代设施农业"; "推进党支部领办合作社，创办村集体企业 … 文化旅游"; 示范创建 "从2021年
// 开始，新区财政每年专列奖补资金 … 已累计投入4000万元，吸引撬动各级各类资金2亿多元".
import type { Types } from 'mongoose';
import { pairingName, pairKeyOf, type RuralPairing } from '../pairing/pairing.schema';
import type { RuralProjectKind } from '../project/project.enums';
import type {
  CollectiveIncome,
  RuralFunding,
  RuralMilestone,
  RuralProject,
  RuralStatusChange,
} from '../project/project.schema';
import { shortName } from '../pairing/short-name';
import {
  between,
  DEMO_MODEL,
  demoId,
  DISTRICT_ADMIN,
  rng,
  shanghai,
  split,
  WAN,
  type DemoInput,
  type DemoOrg,
} from './demo-kit';

export const PAIRING_PROGRAM = '雄安—潍坊跨省党建联建';
const PAIRING_STARTED = '2022-04-14';
// The organization demo pairs 安新第一–三村, 容城第一–三村 and 雄县第一–二村 with 寿光第一–八村.
const PAIRED: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [1, 0],
  [1, 1],
  [1, 2],
  [2, 0],
  [2, 1],
];
const PAIR_INVESTMENT_WAN = [300, 290, 280, 275, 270, 265, 255, 245]; // 2180万元
const PAIR_AREA_MU = [180, 175, 170, 165, 160, 155, 150, 145]; // 1300亩
const DEMONSTRATION_SUBSIDY_WAN = { 2021: 1500, 2022: 2500 }; // 4000万元
const DEMONSTRATION_INVESTMENT_WAN = 21_000; // 2亿多元
/** "村集体经济突破50万元" */
export const INCOME_THRESHOLD_FEN = 50 * WAN;

const HOME_KINDS: RuralProjectKind[] = [
  'COOPERATIVE',
  'COLLECTIVE_ENTERPRISE',
  'DEMONSTRATION',
  'CULTURE_TOURISM',
  'FACILITY_AGRICULTURE',
];
const TITLES: Record<RuralProjectKind, (village: string, i: number) => string> = {
  COOPERATIVE: (v, i) =>
    `${v}党支部领办${['莲藕种植', '芦苇编织', '苗木花卉', '生态养殖', '特色果蔬'][i % 5]}合作社`,
  COLLECTIVE_ENTERPRISE: (v, i) =>
    `${v}村集体${['农产品加工厂', '物业服务公司', '劳务服务公司', '粮食烘干中心'][i % 4]}`,
  DEMONSTRATION: (v) => `${v}"美好农村"示范创建`,
  CULTURE_TOURISM: (v, i) =>
    `${v}${['白洋淀民俗体验', '淀泊风光观光', '非遗传承工坊', '乡村民宿'][i % 4]}`,
  FACILITY_AGRICULTURE: (v, i) => `${v}${['智能温室', '设施蔬菜大棚', '食用菌基地'][i % 3]}`,
};
const AREA_MU: Record<RuralProjectKind, [number, number]> = {
  COOPERATIVE: [60, 400],
  COLLECTIVE_ENTERPRISE: [5, 40],
  DEMONSTRATION: [50, 300],
  CULTURE_TOURISM: [20, 150],
  FACILITY_AGRICULTURE: [80, 300],
};

interface ProjectSpec {
  path: string;
  name: string;
  villages: DemoOrg[];
  kind: RuralProjectKind;
  areaMu: number;
  startYear: number;
  completed: boolean;
  pairingId?: Types.ObjectId;
  fundings: Omit<RuralFunding, '_id' | 'recordedAt' | 'recordedBy' | 'note'>[];
  incomes: Omit<CollectiveIncome, 'recordedAt' | 'recordedBy'>[];
}

function project(spec: ProjectSpec): RuralProject {
  const { startYear } = spec;
  const planned = `${startYear}-01-15`;
  const statusChanges: RuralStatusChange[] = [
    { status: 'PLANNED', on: planned, by: DISTRICT_ADMIN },
    { status: 'IN_PROGRESS', on: `${startYear}-03-01`, by: DISTRICT_ADMIN },
    ...(spec.completed
      ? [{ status: 'COMPLETED' as const, on: `${startYear + 1}-06-30`, by: DISTRICT_ADMIN }]
      : []),
  ];
  const built = spec.completed || startYear < 2023;
  const milestones: RuralMilestone[] = [
    { title: '项目立项', dueOn: `${startYear}-02-01`, reachedOn: `${startYear}-01-28` },
    {
      title: '主体建设完成',
      dueOn: `${startYear}-10-31`,
      reachedOn: built ? `${startYear}-10-20` : null,
    },
  ].map((m, i) => ({
    ...m,
    _id: demoId(`${spec.path}/milestone/${i}`),
    recordedBy: DISTRICT_ADMIN,
  }));
  const recorded = (year: number) => ({
    recordedAt: shanghai(`${year}-12-20`),
    recordedBy: DISTRICT_ADMIN,
  });
  return {
    _id: demoId(spec.path),
    name: spec.name,
    villageIds: spec.villages.map((v) => v._id),
    kind: spec.kind,
    model: DEMO_MODEL,
    areaMu: spec.areaMu,
    startYear,
    pairingId: spec.pairingId ?? null,
    status: spec.completed ? 'COMPLETED' : 'IN_PROGRESS',
    statusChanges,
    milestones,
    fundings: spec.fundings.map((f, i) => ({
      ...f,
      _id: demoId(`${spec.path}/funding/${i}`),
      note: null,
      ...recorded(f.year),
    })),
    incomes: spec.incomes.map((income) => ({ ...income, ...recorded(income.year) })),
    version: 1,
    createdBy: DISTRICT_ADMIN,
    createdAt: shanghai(planned),
    updatedAt: shanghai(planned),
  };
}

/** The 8 pairings and their facility agriculture projects (investment recorded in 雄安). */
function pairings(input: DemoInput) {
  return PAIRED.map(([county, v], i) => {
    const [xiongan, weifang] = [input.xionganVillages[county][v], input.weifangVillages[i]];
    const pairing: RuralPairing = {
      _id: demoId(`pairing/${i}`),
      program: PAIRING_PROGRAM,
      name: pairingName(xiongan.name, weifang.name),
      villageIds: [xiongan._id, weifang._id],
      pairKey: pairKeyOf([xiongan._id, weifang._id]),
      startedOn: PAIRING_STARTED,
      createdBy: DISTRICT_ADMIN,
      createdAt: shanghai(PAIRING_STARTED),
    };
    const first = Math.round(PAIR_INVESTMENT_WAN[i] * 0.6);
    const second = PAIR_INVESTMENT_WAN[i] - first;
    const facility = project({
      path: `pairing/${i}/project`,
      name: `高品质现代设施农业（${shortName(xiongan.name)}—${shortName(weifang.name)}）`,
      villages: [xiongan, weifang],
      kind: 'FACILITY_AGRICULTURE',
      areaMu: PAIR_AREA_MU[i],
      startYear: 2022,
      completed: i < 4,
      pairingId: pairing._id,
      fundings: [
        {
          type: 'INVESTMENT',
          villageId: xiongan._id,
          year: 2022,
          amountFen: first * WAN,
          source: '潍坊蔬菜龙头企业',
        },
        {
          type: 'INVESTMENT',
          villageId: xiongan._id,
          year: 2023,
          amountFen: second * WAN,
          source: '村集体经济组织',
        },
      ],
      incomes: [],
    });
    return { pairing, project: facility };
  });
}

/**
 * One project led by each 雄安 village; collective income reaches 50万元 in 2023 for every third
 * village and in 2022 for two in nine.
 */
function homeProjects(input: DemoInput): RuralProject[] {
  const villages = input.xionganVillages.flat();
  const demonstrations = villages.filter((_, g) => HOME_KINDS[g % 5] === 'DEMONSTRATION').length;
  // Shares in whole 万元, as budgets are written.
  const inWan = (wan: number, parts: number) => split(wan, parts).map((w) => w * WAN);
  const subsidies = Object.entries(DEMONSTRATION_SUBSIDY_WAN).map(([year, wan]) => ({
    year: Number(year),
    shares: inWan(wan, demonstrations),
  }));
  const leverage = split(DEMONSTRATION_INVESTMENT_WAN, demonstrations);
  let d = 0;
  return villages.map((village, g) => {
    const random = rng(`home/${g}`);
    const kind = HOME_KINDS[g % 5];
    const startYear = kind === 'DEMONSTRATION' ? 2021 : 2021 + (g % 3);
    const fundings: ProjectSpec['fundings'] = [];
    if (kind === 'DEMONSTRATION') {
      const [y2021, y2022] = inWan(leverage[d], 2);
      for (const { year, shares } of subsidies)
        fundings.push({
          type: 'SUBSIDY',
          villageId: village._id,
          year,
          amountFen: shares[d],
          source: '新区财政奖补资金',
        });
      fundings.push(
        {
          type: 'INVESTMENT',
          villageId: village._id,
          year: 2021,
          amountFen: y2021,
          source: '各级各类资金',
        },
        {
          type: 'INVESTMENT',
          villageId: village._id,
          year: 2022,
          amountFen: y2022,
          source: '各级各类资金',
        },
      );
      d++;
    } else {
      for (let year = startYear; year <= Math.min(startYear + 1, 2023); year++)
        fundings.push({
          type: 'INVESTMENT',
          villageId: village._id,
          year,
          amountFen: between(random, 50, 600) * WAN,
          source: ['村集体', '龙头企业', '社会资本'][(g + year) % 3],
        });
    }
    const income = (year: number, over: boolean) => ({
      villageId: village._id,
      year,
      amountFen: (over ? between(random, 50, 150) : between(random, 10, 49)) * WAN,
    });
    const incomes = [
      ...(startYear <= 2022 ? [income(2022, g % 9 === 0 || g % 9 === 3)] : []),
      income(2023, g % 3 === 0),
    ];
    const [min, max] = AREA_MU[kind];
    return project({
      path: `home/${String(village._id)}`,
      name: TITLES[kind](shortName(village.name), g),
      villages: [village],
      kind,
      areaMu: between(random, min, max),
      startYear,
      completed: startYear === 2021,
      fundings,
      incomes,
    });
  });
}

export function ruralProjects(input: DemoInput) {
  const paired = pairings(input);
  return {
    pairings: paired.map((p) => p.pairing),
    projects: [...paired.map((p) => p.project), ...homeProjects(input)],
  };
}
