import type { Types } from 'mongoose';
import { chineseNumeral } from './chinese-numerals';
import { between, demoIds, rng } from './demo-kit';

// 网格治理's two demo regions, as one plan: the organizations demo builds their trees from it,
// the members demo puts members on them, and the 党员联系户, 吹哨报到 and 德邻有约 demos look the
// same organizations (and the demo township's grid members) up by these names and ids instead
// of guessing. Pure and deterministic.
//
// 卢龙县 (河北秦皇岛, 130324): "村党支部—网格（党小组）—党员—党员联系户", each member contacting
// 10–15 households; townships whistle the county's departments (吹哨报到).
// 高密市 (山东潍坊, 370785): 网格（小区）党支部 hold 德邻有约 service days, to which "140余个市直单位、
// 384个机关党支部、3600余名党员" report (双报到).

// ---- 卢龙县 -----------------------------------------------------------------------------------

export const LULONG = {
  regionCode: '130324',
  /** The prefecture committee the county sits under (中共河北省委员会 → this → the county). */
  city: '中共秦皇岛市委员会',
  county: '中共秦皇岛市卢龙县委员会',
  /** The county's departments (县直部门) hang under this committee. */
  departments: '卢龙县直属机关工委',
  /** The township that has all its villages and their grids (党小组) in the demo. */
  demoTownship: '卢龙镇党委',
} as const;

/**
 * 卢龙县's townships (乡镇) with their villages. The twelve township names are the county's
 * real ones as far as we know them (whether a few are still 乡 or became 镇 may be out of date;
 * libs/geo lists counties only). The village names are plausible, NOT checked against the real
 * villages. 卢龙镇 (the county seat) is the demo township with all its villages; the others
 * carry a handful each.
 */
export const LULONG_TOWNSHIPS: readonly { township: string; villages: readonly string[] }[] = [
  {
    township: '卢龙镇',
    villages: [
      '东关',
      '西关',
      '南关',
      '北关',
      '城东',
      '城西',
      '孟家窝铺',
      '大李庄',
      '小刘庄',
      '徐庄',
    ],
  },
  { township: '潘庄镇', villages: ['潘庄', '前郭庄', '后郭庄', '徐各庄'] },
  { township: '燕河营镇', villages: ['燕河营', '桃林口', '王家楼', '东刘庄'] },
  { township: '双望镇', villages: ['双望', '高庄', '张家营', '南房庄'] },
  { township: '刘田各庄镇', villages: ['刘田各庄', '北曹庄', '鲁各庄', '小王庄'] },
  { township: '石门镇', villages: ['石门', '董家口', '魏家沟', '郭家峪'] },
  { township: '木井镇', villages: ['木井', '大王庄', '三道岭', '柳河'] },
  { township: '陈官屯镇', villages: ['陈官屯', '石各庄', '马庄', '八里庄'] },
  { township: '印庄乡', villages: ['印庄', '侯庄', '赵家庄', '西沙河'] },
  { township: '蛤泊乡', villages: ['蛤泊', '东阚庄', '张官营', '邢各庄'] },
  { township: '下寨乡', villages: ['下寨', '小营', '崔庄', '韩庄'] },
  { township: '刘家营乡', villages: ['刘家营', '杨庄', '孙家洼', '大桥'] },
];

/** 卢龙镇 → 卢龙镇党委 (乡镇党委). */
export const lulongTownshipName = (township: string) => `${township}党委`;
/** 卢龙镇, 东关 → 卢龙镇东关村党支部: the township keeps names unique across the county. */
export const lulongVillageName = (township: string, village: string) =>
  `${township}${village}村党支部`;
/** The village's grid `grid` (from 0): 卢龙镇东关村第一网格党小组. */
export const lulongGridName = (township: string, village: string, grid: number) =>
  `${township}${village}村第${chineseNumeral(grid + 1)}网格党小组`;

const LULONG_DEMO_TOWNSHIP = LULONG_TOWNSHIPS[0];

export interface LulongDemoGrid {
  /** The village branch (村党支部) the grid's party group belongs to, and whose members it has. */
  village: string;
  /** The grid's party group (网格党小组, kind GROUP, sector GRID). */
  grid: string;
  /**
   * The members of the grid, as fixed member ids: the members demo creates them in the village
   * branch (membership is held by the branch, not the 党小组), the household-contacts demo
   * assigns each 10–15 households of this grid.
   */
  memberIds: Types.ObjectId[];
}

const memberId = demoIds('members');

/**
 * The demo township's grids, village by village: 3–5 grids per village and 2–6 members per
 * grid (a rural branch of 6–30 members), drawn once from fixed labels.
 */
export function lulongDemoGrids(): LulongDemoGrid[] {
  const { township, villages } = LULONG_DEMO_TOWNSHIP;
  return villages.flatMap((village) => {
    const random = rng(`jiceng-demo-lulong:${village}`);
    return Array.from({ length: between(random, 3, 5) }, (_, g) => {
      const grid = lulongGridName(township, village, g);
      return {
        village: lulongVillageName(township, village),
        grid,
        memberIds: Array.from({ length: between(random, 2, 6) }, (_, k) =>
          memberId(`lulong/${grid}/${k}`),
        ),
      };
    });
  });
}

export type DemoDepartmentSector = 'STATE_ORGAN' | 'PUBLIC_INSTITUTION';

/**
 * 卢龙县's departments (县直部门) that townships whistle, each as its party organization's
 * name, under 卢龙县直属机关工委: the organs' 机关党支部 and the public institutions' branches.
 */
export const LULONG_DEPARTMENTS: readonly { name: string; sector: DemoDepartmentSector }[] = [
  ...[
    '住房和城乡建设局',
    '民政局',
    '交通运输局',
    '自然资源和规划局',
    '水务局',
    '卫生健康局',
    '城市管理综合执法局',
    '农业农村局',
    '公安局',
    '教育局',
    '人力资源和社会保障局',
    '应急管理局',
    '市场监督管理局',
    '财政局',
    '司法局',
    '发展和改革局',
    '信访局',
  ].map((organ) => ({ name: `卢龙县${organ}机关党支部`, sector: 'STATE_ORGAN' as const })),
  ...['卢龙县医院党总支', '卢龙县中医院党支部', '卢龙县疾病预防控制中心党支部'].map((name) => ({
    name,
    sector: 'PUBLIC_INSTITUTION' as const,
  })),
];

// ---- 高密市 -----------------------------------------------------------------------------------

export const GAOMI = {
  regionCode: '370785',
  /** Under 中共山东省委员会 → 中共潍坊市委员会, beside 寿光. */
  city: '中共高密市委员会',
  /** 市直机关工委: the 140 units and their 384 branches. */
  units: '高密市直属机关工委',
} as const;

export const GAOMI_FIGURES = {
  units: 140,
  unitBranches: 384,
  /** "3600余名党员" of the units, registered with 高密's communities (双报到). */
  reportingMembers: 3600,
} as const;

/**
 * 高密's three streets and their communities. The streets are real; of the communities only
 * 醴泉街道交通社区 is from the report, the others are plausible names.
 */
export const GAOMI_STREETS: readonly { street: string; communities: readonly string[] }[] = [
  {
    street: '醴泉街道',
    communities: ['交通', '凤凰', '康成', '夷安', '文化', '仁和', '北关', '南关', '利群'],
  },
  {
    street: '朝阳街道',
    communities: ['朝阳', '晏子', '立新', '豪迈', '平安', '锦绣', '胜利', '嘉园'],
  },
  {
    street: '密水街道',
    communities: ['密水', '金家口', '北湖', '康庄', '新华', '长安', '和平', '润园'],
  },
];
export const GAOMI_GRIDS_PER_COMMUNITY = 4;
export const GAOMI_COMPOUNDS_PER_COMMUNITY = 2;

/** 醴泉街道 → 醴泉街道党工委. */
export const gaomiStreetName = (street: string) => `${street}党工委`;
/** 醴泉街道, 交通 → 醴泉街道交通社区党委. */
export const gaomiCommunityName = (street: string, community: string) =>
  `${street}${community}社区党委`;
/** The community's grid `grid` (from 0): 交通社区第一网格党支部 (sector GRID). */
export const gaomiGridName = (community: string, grid: number) =>
  `${community}社区第${chineseNumeral(grid + 1)}网格党支部`;

const COMPOUND_PREFIXES = [
  '凤城',
  '康成',
  '夷安',
  '锦绣',
  '翰林',
  '润泽',
  '金域',
  '阳光',
  '御景',
  '明珠',
];
const COMPOUND_SUFFIXES = ['花园', '家园', '华庭', '佳苑', '名居'];
/**
 * The `compound`-th (from 0) residential compound's branch of the `c`-th community of 高密 (in
 * street order): 交通社区凤城花园小区党支部 (sector RESIDENTIAL_COMPOUND). Fifty compound names,
 * none repeated across the city.
 */
export function gaomiCompoundName(community: string, c: number, compound: number): string {
  const i = c * GAOMI_COMPOUNDS_PER_COMMUNITY + compound;
  const prefix = COMPOUND_PREFIXES[i % COMPOUND_PREFIXES.length];
  const suffix =
    COMPOUND_SUFFIXES[Math.floor(i / COMPOUND_PREFIXES.length) % COMPOUND_SUFFIXES.length];
  return `${community}社区${prefix}${suffix}小区党支部`;
}

/** 高密's communities, in street order, as organization names. */
export const gaomiCommunities = (): string[] =>
  GAOMI_STREETS.flatMap(({ street, communities }) =>
    communities.map((c) => gaomiCommunityName(street, c)),
  );

export type DemoUnitSector = 'STATE_ORGAN' | 'PUBLIC_INSTITUTION' | 'SOE';

export interface GaomiUnit {
  /** The unit itself: 高密市民政局, 高密市人民医院, 中国农业银行高密支行. */
  unit: string;
  sector: DemoUnitSector;
  /** Its 机关党支部 (1 or more). */
  branches: number;
}

const units = (sector: DemoUnitSector, list: [string, number][]): GaomiUnit[] =>
  list.map(([unit, branches]) => ({ unit, sector, branches }));

/** The 140 市直单位 (organs, the court, hospitals, schools, banks …) with their 384 branches. */
export const GAOMI_UNITS: readonly GaomiUnit[] = [
  ...units('STATE_ORGAN', [
    ['中共高密市委办公室', 2],
    ['高密市人民政府办公室', 2],
    ['高密市人大常委会机关', 2],
    ['政协高密市委员会机关', 2],
    ['高密市纪委监委机关', 3],
    ['中共高密市委组织部', 2],
    ['中共高密市委宣传部', 2],
    ['中共高密市委统战部', 2],
    ['中共高密市委政法委员会', 2],
    ['中共高密市委机构编制委员会办公室', 1],
    ['高密市发展和改革局', 3],
    ['高密市教育和体育局', 5],
    ['高密市科学技术局', 2],
    ['高密市工业和信息化局', 3],
    ['高密市公安局', 14],
    ['高密市民政局', 3],
    ['高密市司法局', 3],
    ['高密市财政局', 3],
    ['高密市人力资源和社会保障局', 4],
    ['高密市自然资源和规划局', 4],
    ['高密市住房和城乡建设局', 4],
    ['高密市交通运输局', 3],
    ['高密市水利局', 3],
    ['高密市农业农村局', 4],
    ['高密市商务局', 2],
    ['高密市文化和旅游局', 3],
    ['高密市卫生健康局', 3],
    ['高密市退役军人事务局', 2],
    ['高密市应急管理局', 2],
    ['高密市审计局', 2],
    ['高密市市场监督管理局', 8],
    ['高密市统计局', 2],
    ['高密市医疗保障局', 2],
    ['高密市综合行政执法局', 7],
    ['高密市行政审批服务局', 3],
    ['高密市信访局', 1],
    ['高密市人民法院', 10],
    ['高密市人民检察院', 5],
    ['国家税务总局高密市税务局', 6],
    ['潍坊市生态环境局高密分局', 2],
    ['高密市总工会', 1],
    ['共青团高密市委员会', 1],
    ['高密市妇女联合会', 1],
    ['高密市残疾人联合会', 1],
    ['高密市科学技术协会', 1],
    ['高密市工商业联合会', 1],
  ]),
  ...units('PUBLIC_INSTITUTION', [
    ['高密市人民医院', 30],
    ['高密市中医院', 16],
    ['高密市妇幼保健院', 8],
    ['高密市第二人民医院', 4],
    ['高密市疾病预防控制中心', 2],
    ['高密市精神卫生中心', 2],
    ['高密市中心血站', 1],
    ['高密市融媒体中心', 2],
    ['高密市档案馆', 1],
    ['高密市图书馆', 1],
    ['高密市博物馆', 1],
    ['高密市文化馆', 1],
    ['高密市公共就业和人才服务中心', 1],
    ['高密市社会福利中心', 1],
    ['高密市第一中学', 8],
    ['高密市第二中学', 5],
    ['高密市第三中学', 3],
    ['高密市第四中学', 3],
    ['高密市实验中学', 3],
    ['高密市康成中学', 2],
    ['高密市职业教育中心学校', 3],
    ['高密市特殊教育学校', 1],
    ['高密市实验幼儿园', 1],
    // 高密市第一 … 第四十六实验小学: numbered primary schools, two branches each but the last five.
    ...Array.from({ length: 46 }, (_, i): [string, number] => [
      `高密市第${chineseNumeral(i + 1)}实验小学`,
      i < 41 ? 2 : 1,
    ]),
  ]),
  ...units('SOE', [
    ['中国工商银行高密支行', 2],
    ['中国农业银行高密支行', 2],
    ['中国银行高密支行', 2],
    ['中国建设银行高密支行', 2],
    ['中国邮政储蓄银行高密市支行', 1],
    ['高密农村商业银行', 8],
    ['国网山东省电力公司高密市供电公司', 7],
    ['中国移动高密分公司', 1],
    ['中国联通高密分公司', 1],
    ['中国电信高密分公司', 1],
    ['高密市城市建设投资集团有限公司', 3],
    ['高密市水务集团有限公司', 2],
    ['高密市公共交通有限公司', 2],
    ['中国邮政集团有限公司高密市分公司', 2],
    ['中国人寿保险股份有限公司高密支公司', 1],
    ['中国人民财产保险股份有限公司高密支公司', 1],
    ['高密市国有资产运营集团有限公司', 3],
    ['高密市粮食储备有限公司', 1],
    ['高密市供销合作社联合社', 2],
    ['高密市燃气有限公司', 2],
    ['高密市热力有限公司', 2],
    ['高密市农业发展集团有限公司', 1],
    ['高密市文化旅游发展集团有限公司', 1],
    ['高密市交通发展集团有限公司', 2],
    ['高密市融资担保有限公司', 1],
  ]),
];

const organ = (u: GaomiUnit) => (u.sector === 'STATE_ORGAN' ? '机关' : '');

/**
 * The unit's own party organization, directly under 高密市直属机关工委: with one branch it is
 * that branch (高密市信访局机关党支部); with 2–6 a general branch (高密市民政局机关党总支); with
 * more a committee (高密市人民医院党委).
 */
export function gaomiUnitOrganization(u: GaomiUnit): {
  name: string;
  kind: 'BRANCH' | 'GENERAL_BRANCH' | 'PARTY_COMMITTEE';
} {
  if (u.branches === 1) return { name: `${u.unit}${organ(u)}党支部`, kind: 'BRANCH' };
  if (u.branches <= 6) return { name: `${u.unit}${organ(u)}党总支`, kind: 'GENERAL_BRANCH' };
  return { name: `${u.unit}${organ(u)}党委`, kind: 'PARTY_COMMITTEE' };
}

/**
 * The unit's branches (机关党支部), the members' organizations: its own organization when it has
 * one branch, else 高密市民政局机关第一党支部 … below it.
 */
export const gaomiUnitBranches = (u: GaomiUnit): string[] =>
  u.branches === 1
    ? [gaomiUnitOrganization(u).name]
    : Array.from(
        { length: u.branches },
        (_, k) => `${u.unit}${organ(u)}第${chineseNumeral(k + 1)}党支部`,
      );

/**
 * The community a unit (by its index in GAOMI_UNITS) reports to as a unit (单位报到): the units
 * take the communities in turn, five or six to a community.
 */
export const gaomiUnitCommunity = (unit: number): string => {
  const communities = gaomiCommunities();
  return communities[unit % communities.length];
};
