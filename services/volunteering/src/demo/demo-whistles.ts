// 吹哨报到 in 卢龙县, "今年以来，县级部门统筹解决乡镇上报群众反映难点、难以解决的4大类共计69条重点问题":
// 2024 H1, the year the other 卢龙县 demos (党员联系户) call 今年, as of DEMO_WHISTLE_AS_OF. Villages
// of every township raise problems; their townships whistle 69 of them to 1–3 of the county's
// departments (the other few they resolve themselves, 镇级解决); the departments accept, act and
// answer, most within the working days given, a few late; the villages evaluate most of them.
// Pure and deterministic: the documents are what WhistleService would have written step by step,
// outbox records included (whistleRecord, in the order of the writes).
import type { Types } from 'mongoose';
import {
  addWorkingDays,
  isWorkingDay,
  officialCalendarDays,
  shanghaiDate,
  shanghaiDayEnd,
  shanghaiInstant,
  type CalendarExceptions,
} from '@jiceng/calendar';
import {
  between,
  LULONG,
  LULONG_DEPARTMENTS,
  LULONG_TOWNSHIPS,
  lulongTownshipName,
  lulongVillageName,
  pickDistinct,
  rng,
  shuffled,
} from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import type { OutboxRecord } from '@jiceng/outbox';
import type { Satisfaction } from '../service-request/service-request.enums';
import type { WhistleCategory } from '../whistle/whistle.enums';
import { whistleRecord, type WhistleEventKind } from '../whistle/whistle.events';
import type { StepRecord, Whistle, WhistleReport } from '../whistle/whistle.schema';
import { countyOf, departmentProblem, townshipOf } from '../whistle/whistle-rules';
import { isReportOverdue } from '../whistle/whistle-steps';
import { sumTallies, tallyIncrements, type WhistleStats } from '../whistle/whistle-tally';
import { demoId } from './demo-kit';

/** The period whose figures the seed reports: "今年以来" as of the members demo's day. */
export const DEMO_WHISTLE_YEAR = '2024';
/** Every step of the demo happens before this day (Shanghai). */
export const DEMO_WHISTLE_AS_OF = '2024-06-30';

/** The four categories (4大类) and how many whistled problems fall in each: 69 in all. */
export const DEMO_WHISTLE_CATEGORIES: Record<WhistleCategory, number> = {
  INFRASTRUCTURE: 24,
  ENVIRONMENT: 17,
  LIVELIHOOD: 16,
  SOCIAL_GOVERNANCE: 12,
};

/** The plan's figures, as whistleStats(卢龙县委, "2024") reads them from the tallies. */
export const DEMO_WHISTLES = {
  whistled: 69,
  /** 镇级解决: resolved by the township, not among the 69. */
  resolved: 7,
  /** Problems whistled to one, two, three departments: 36 + 2·23 + 3·10 = 112 reports. */
  departmentCounts: [36, 23, 10],
  reports: 112,
  /** Reports answered after their due date. */
  late: 6,
  /** Whistled problems the village has not evaluated yet (部门报到, awaiting 反馈评价). */
  unevaluated: 5,
  /** Of the evaluations (64 whistled + 7 resolved = 71): 不满意, and 基本满意. */
  dissatisfied: 3,
  basicallySatisfied: 8,
} as const;

export const DEMO_WHISTLE_VILLAGE_ADMIN = 'demo-village-admin';
export const DEMO_WHISTLE_TOWNSHIP_ADMIN = 'demo-township-admin';
export const DEMO_WHISTLE_DEPARTMENT_ADMIN = 'demo-department-admin';

export interface DemoWhistleOrg {
  _id: Types.ObjectId;
  name: string;
}

export interface DemoWhistleVillage extends DemoWhistleOrg {
  /** The village's township (乡镇党委). */
  townshipId: Types.ObjectId;
  /** Root first, the village last: the tallies a problem of the village counts in. */
  path: Types.ObjectId[];
}

export interface DemoWhistleInput {
  /** 卢龙县委: the county whose departments are whistled. */
  countyId: Types.ObjectId;
  /** Villages of several townships, in a fixed order (the shared plan's). */
  villages: DemoWhistleVillage[];
  /** The county's departments (县直部门), by their party organizations' names. */
  departments: DemoWhistleOrg[];
}

/** The organizations of 卢龙县 the demo needs, by the shared plan's names. */
export const lulongWhistleNames = (): string[] => [
  LULONG.county,
  ...LULONG_TOWNSHIPS.flatMap(({ township, villages }) => [
    lulongTownshipName(township),
    ...villages.map((v) => lulongVillageName(township, v)),
  ]),
  ...LULONG_DEPARTMENTS.map((d) => d.name),
];

type Node = Pick<OrgNode, '_id' | 'name' | 'kind' | 'sector' | 'regionCode' | 'status'> &
  Pick<OrgNode, 'ancestorIds'>;

/**
 * The demo's input from the organization projection's nodes of 卢龙县 (those named by
 * lulongWhistleNames and their ancestors), or what is missing. Each village's township and
 * county, and each department, pass the rules WhistleService applies (townshipOf, countyOf,
 * departmentProblem), so the documents are ones the service would have accepted.
 */
export function lulongWhistleInput(nodes: readonly Node[]): DemoWhistleInput | string {
  const byId = new Map(nodes.map((n) => [String(n._id), n]));
  const named = new Map(
    nodes.filter((n) => n.status === 'ACTIVE').map((n) => [n.name, n] as const),
  );
  const county = named.get(LULONG.county);
  if (!county) return `no ${LULONG.county}`;
  // Names repeat elsewhere (other counties, other runs' trees on a shared broker): a village or
  // department is the one below the county when there is one, so the last one read never wins;
  // otherwise the one by that name, which the checks below then refuse.
  const below = (n: Node) => n.ancestorIds.some((id) => String(id) === String(county._id));
  const inCounty = (name: string) => {
    const all = nodes.filter((n) => n.status === 'ACTIVE' && n.name === name);
    return all.find(below) ?? all[0];
  };
  const missing: string[] = [];
  const villages: DemoWhistleVillage[] = [];
  for (const { township, villages: names } of LULONG_TOWNSHIPS)
    for (const name of names.map((v) => lulongVillageName(township, v))) {
      const village = inCounty(name);
      const ancestors = village?.ancestorIds.map((id) => byId.get(String(id)));
      if (!village || !ancestors || ancestors.some((a) => !a)) {
        missing.push(name);
        continue;
      }
      const known = ancestors as Node[];
      const found = townshipOf(known);
      if (found?.name !== lulongTownshipName(township))
        return `${name} is not a village of ${lulongTownshipName(township)}`;
      if (String(countyOf(known.slice(0, known.indexOf(found)))?._id) !== String(county._id))
        return `${name} is not in ${LULONG.county}`;
      villages.push({
        _id: village._id,
        name,
        townshipId: found._id as Types.ObjectId,
        path: [...village.ancestorIds, village._id],
      });
    }
  const departments: DemoWhistleOrg[] = [];
  for (const { name } of LULONG_DEPARTMENTS) {
    const d = inCounty(name);
    if (!d) {
      missing.push(name);
      continue;
    }
    const problem = departmentProblem(d, { _id: county._id, name: county.name });
    if (problem) return `${name} ${problem}`;
    departments.push({ _id: d._id, name });
  }
  if (missing.length) return `missing ${missing.length} organizations, e.g. ${missing[0]}`;
  return { countyId: county._id, villages, departments };
}

/**
 * Which departments answer which kind of problem, by a part of their names; a whistle calls
 * the first 1–3 of its category's list after a shuffle, so the calls stay plausible.
 */
const DEPARTMENTS_OF: Record<WhistleCategory, string[]> = {
  INFRASTRUCTURE: ['交通运输局', '住房和城乡建设局', '水务局', '自然资源和规划局', '发展和改革局'],
  ENVIRONMENT: ['城市管理综合执法局', '农业农村局', '水务局', '自然资源和规划局', '卫生健康局'],
  LIVELIHOOD: ['民政局', '人力资源和社会保障局', '教育局', '卫生健康局', '卢龙县医院', '财政局'],
  SOCIAL_GOVERNANCE: ['公安局', '司法局', '信访局', '应急管理局', '市场监督管理局'],
};

const PROBLEMS: Record<WhistleCategory, { title: string; action: string; answer: string }[]> = {
  INFRASTRUCTURE: [
    {
      title: '通村道路破损严重，雨天积水',
      action: '现场勘查，列入农村公路养护计划',
      answer: '路面已修补，排水沟已疏通',
    },
    {
      title: '村内饮水管网老化，冬季多次爆管',
      action: '会同乡镇排查管网，制定改造方案',
      answer: '主管网已更换，供水恢复正常',
    },
    {
      title: '过村桥梁护栏缺失',
      action: '组织安全评估并设置警示标志',
      answer: '护栏已加装，桥梁通过验收',
    },
    { title: '村内主街路灯损坏', action: '排查线路，协调电力部门', answer: '路灯已更换并恢复照明' },
    { title: '农田灌溉机井损坏', action: '技术人员入村检修', answer: '机井已修复，满足春灌需要' },
    {
      title: '宅基地审批手续办理慢',
      action: '梳理材料，开辟审批绿色通道',
      answer: '审批已办结，证件已送达',
    },
  ],
  ENVIRONMENT: [
    {
      title: '村边河道垃圾堆积',
      action: '组织清理并落实河长巡河',
      answer: '河道已清理，建立长效保洁机制',
    },
    {
      title: '养殖场粪污直排影响村民生活',
      action: '现场执法检查，责令整改',
      answer: '粪污处理设施已建成运行',
    },
    { title: '村内垃圾清运不及时', action: '调整清运线路和频次', answer: '已实现日产日清' },
    {
      title: '村口违规倾倒建筑垃圾',
      action: '立案查处并组织清运',
      answer: '建筑垃圾已清运，设置监控',
    },
    { title: '旱厕改造后无人抽运', action: '协调抽厕服务队伍', answer: '已建立定期抽运制度' },
  ],
  LIVELIHOOD: [
    {
      title: '困难老人低保认定有争议',
      action: '入户核查家庭收入情况',
      answer: '已依规纳入低保并按月发放',
    },
    { title: '村卫生室缺少常用药品', action: '核实药品目录，协调配送', answer: '常用药品已配齐' },
    {
      title: '留守儿童上学路远无校车',
      action: '调研学生分布，研究接送方案',
      answer: '已开通接送线路',
    },
    { title: '返乡务工人员欠薪', action: '约谈用工单位，督促支付', answer: '欠薪已全部追回' },
    { title: '残疾人两项补贴未到账', action: '核对发放名册', answer: '补贴已补发到位' },
    {
      title: '危房改造补助迟迟未落实',
      action: '复核鉴定结果，加快拨付',
      answer: '补助资金已拨付，改造开工',
    },
  ],
  SOCIAL_GOVERNANCE: [
    {
      title: '土地承包边界纠纷长期未决',
      action: '组织调解，调取确权资料',
      answer: '双方达成调解协议',
    },
    {
      title: '村内电动车充电存在安全隐患',
      action: '开展隐患排查，规划集中充电点',
      answer: '集中充电棚已建成',
    },
    {
      title: '村民反映集市无照经营占道',
      action: '联合执法，规范经营秩序',
      answer: '已划定摊位，秩序好转',
    },
    {
      title: '邻里宅基地矛盾引发多次上访',
      action: '信访、司法联合接访调处',
      answer: '矛盾已化解，息诉罢访',
    },
    { title: '村道交叉口事故多发', action: '现场勘查交通组织', answer: '已设置减速带和警示标志' },
  ],
};

const RESOLUTIONS = [
  '乡镇协调包村干部和村两委现场解决',
  '乡镇综治中心组织调解，问题已化解',
  '乡镇统筹资金完成维修',
];
const EVALUATION: Record<Satisfaction, string> = {
  SATISFIED: '问题解决及时，群众满意',
  BASICALLY_SATISFIED: '问题基本解决，后续还需跟进',
  DISSATISFIED: '处理结果未达到群众预期',
};

/** The official holidays and make-up workdays, which the service's work calendar starts from. */
const officialExceptions = (): CalendarExceptions =>
  new Map(officialCalendarDays().map((d) => [d.date, d.kind]));

/** `count` distinct indexes of `size`, drawn by `random`. */
const pick = (size: number, count: number, random: () => number) =>
  new Set(pickDistinct([...Array(size).keys()], count, random));

/** A step's event, dated, with the department whose report it is. */
export interface DemoWhistleStep {
  kind: WhistleEventKind;
  at: Date;
  departmentId: string | null;
}

/** A report's history entries that are the department's steps (ADDRESSED is the whistle's). */
const REPORT_KINDS: Partial<Record<string, WhistleEventKind>> = {
  ACCEPTED: 'accepted',
  ACTING: 'acted',
  ANSWERED: 'answered',
};

/**
 * The steps the service took to write the whistle, in the order it wrote them: raised; resolved
 * or whistled; the departments' accepts, actions and answers by time; evaluated.
 */
export function whistleStepsOf(w: Whistle): DemoWhistleStep[] {
  const own = (state: string) => w.history.find((h) => h.state === state)?.at;
  const steps: DemoWhistleStep[] = [{ kind: 'raised', at: w.raisedAt, departmentId: null }];
  const resolved = own('RESOLVED');
  if (resolved) steps.push({ kind: 'resolved', at: resolved, departmentId: null });
  const whistled = own('WHISTLED');
  if (whistled) steps.push({ kind: 'whistled', at: whistled, departmentId: null });
  steps.push(
    ...w.reports
      .flatMap((r) =>
        r.history
          .filter((h) => REPORT_KINDS[h.state])
          .map((h) => ({
            kind: REPORT_KINDS[h.state]!,
            at: h.at,
            departmentId: String(r.departmentId),
          })),
      )
      .sort((a, b) => a.at.getTime() - b.at.getTime()),
  );
  const evaluated = own('EVALUATED');
  if (evaluated) steps.push({ kind: 'evaluated', at: evaluated, departmentId: null });
  return steps;
}

/** The outbox records of the steps, as WhistleService builds them (the raise names no departments). */
export function whistleRecordsOf(w: Whistle): OutboxRecord[] {
  const departmentIds = w.reports.map((r) => r.departmentId);
  return whistleStepsOf(w).map((s) =>
    whistleRecord(
      s.kind,
      { ...w, departmentIds: s.kind === 'raised' ? [] : departmentIds },
      s.at,
      s.departmentId,
    ),
  );
}

/**
 * The figures the tally consumer builds from the whistles' events (the same increments, summed
 * into one tally of their common root), as whistleStats reports them for the county.
 */
export function demoWhistleFigures(whistles: readonly Whistle[]): WhistleStats {
  const tally: Record<string, number | Record<string, unknown>> = {};
  for (const w of whistles)
    for (const s of whistleStepsOf(w))
      for (const [key, n] of Object.entries(tallyIncrements(s.kind, w, s.departmentId))) {
        // `categories.X` and `departments.<id>.answered` nest as the consumer's $inc does.
        const path = key.split('.');
        let node = tally as Record<string, any>;
        for (const part of path.slice(0, -1)) node = node[part] ??= {};
        node[path[path.length - 1]] = (node[path[path.length - 1]] ?? 0) + n;
      }
  return sumTallies([{ _id: 'demo', orgId: 'demo', month: DEMO_WHISTLE_YEAR, ...tally }]);
}

/** Working-day arithmetic on Shanghai dates with the official calendar. */
class WorkDays {
  constructor(private readonly exceptions: CalendarExceptions) {}
  /** The `n`-th working day after `date` (n ≥ 1). */
  after = (date: string, n: number) => addWorkingDays(date, n, this.exceptions);
  /** `date` itself when it is a working day, else the next one. */
  onOrAfter = (date: string) => (isWorkingDay(date, this.exceptions) ? date : this.after(date, 1));
  /** Working days from `from` (excluded) to `to` (included). */
  count(from: string, to: string): number {
    let n = 0;
    for (let d = from; d < to; n++) d = this.after(d, 1);
    return n;
  }
}

const at = (date: string, hour: number, random: () => number) =>
  shanghaiInstant(date, hour, between(random, 0, 59));

/** The first working day of the raise window and its length in working days (Jan–mid May). */
const RAISE_FROM = '2024-01-08';
const RAISE_WORKING_DAYS = 85;

interface Fate {
  category: WhistleCategory;
  departments: number;
  /** Per report, whether it is answered late. */
  late: boolean[];
  satisfaction: Satisfaction | null;
}

/** The fates of the 69 whistled problems: categories, department counts, late reports, satisfactions. */
function whistledFates(random: () => number): Fate[] {
  const { departmentCounts, late, unevaluated, whistled } = DEMO_WHISTLES;
  const categories = shuffled(
    (Object.entries(DEMO_WHISTLE_CATEGORIES) as [WhistleCategory, number][]).flatMap(([c, n]) =>
      Array<WhistleCategory>(n).fill(c),
    ),
    random,
  );
  const counts = shuffled(
    departmentCounts.flatMap((n, i) => Array<number>(n).fill(i + 1)),
    random,
  );
  const reportTotal = counts.reduce((s, n) => s + n, 0);
  const lateReports = pick(reportTotal, late, random);
  const notEvaluated = pick(whistled, unevaluated, random);
  let report = 0;
  let evaluation = 0;
  return categories.map((category, i) => ({
    category,
    departments: counts[i],
    late: Array.from({ length: counts[i] }, () => lateReports.has(report++)),
    satisfaction: notEvaluated.has(i) ? null : satisfactionOf(evaluation++),
  }));
}

/**
 * The k-th evaluation's satisfaction, spread over the evaluations (whistled ones first, then the
 * township-resolved ones): three 不满意 (the 8th, 28th and 48th), every 8th from the 4th
 * otherwise 基本满意.
 */
function satisfactionOf(k: number): Satisfaction {
  if (k % 20 === 7 && Math.floor(k / 20) < DEMO_WHISTLES.dissatisfied) return 'DISSATISFIED';
  if (k % 8 === 3) return 'BASICALLY_SATISFIED';
  return 'SATISFIED';
}

/** The demo's whistles: 69 whistled and a few resolved by their townships, all in the past. */
export function demoWhistles(input: DemoWhistleInput): Whistle[] {
  const random = rng('jiceng-demo-whistles:lulong');
  const work = new WorkDays(officialExceptions());
  if (!input.villages.length) throw new Error('no 卢龙县 villages for the whistle demo');
  const byName = (part: string) => {
    const d = input.departments.find((x) => x.name.includes(part));
    if (!d) throw new Error(`no 卢龙县 department named like ${part} for the whistle demo`);
    return d;
  };
  const fates = whistledFates(random);
  const total = fates.length + DEMO_WHISTLES.resolved;
  // The problems' raise days spread over the window in order, the fates shuffled over them.
  const raiseDay = (i: number) =>
    work.after(RAISE_FROM, 1 + Math.floor((i * (RAISE_WORKING_DAYS - 1)) / (total - 1)));
  const resolvedHere = pick(total, DEMO_WHISTLES.resolved, random);
  const whistles: Whistle[] = [];
  let fate = 0;
  let resolution = 0;
  for (let i = 0; i < total; i++) {
    // Villages in turn from a shuffled order, so every township raises some.
    const village = input.villages[(i * 7 + between(random, 0, 2)) % input.villages.length];
    const raisedAt = at(raiseDay(i), between(random, 9, 11), random);
    if (resolvedHere.has(i)) {
      const category = (Object.keys(DEMO_WHISTLE_CATEGORIES) as WhistleCategory[])[i % 4];
      whistles.push(
        resolvedWhistle(i, village, input.countyId, category, raisedAt, resolution++, work, random),
      );
    } else
      whistles.push(whistled(i, village, input, fates[fate++], raisedAt, work, random, byName));
  }
  return whistles;
}

function base(
  i: number,
  village: DemoWhistleVillage,
  countyId: Types.ObjectId,
  category: WhistleCategory,
  raisedAt: Date,
  random: () => number,
) {
  const problems = PROBLEMS[category];
  const problem = problems[between(random, 0, problems.length - 1)];
  const short = village.name.replace(/党支部$/, '');
  const whistle: Whistle = {
    _id: demoId(`whistle/lulong/${i}`),
    serviceRequestId: null,
    requesterId: village._id,
    townshipId: village.townshipId,
    countyId,
    path: village.path,
    orgIds: [village._id, village.townshipId],
    title: `${short}${problem.title}`,
    description: `${short}两委多次协调未能解决，群众反映强烈，上报乡镇。`,
    category,
    state: 'RAISED',
    raisedAt,
    reports: [],
    openReports: 0,
    history: [{ state: 'RAISED', at: raisedAt, by: DEMO_WHISTLE_VILLAGE_ADMIN }],
    outbox: [],
    updatedAt: raisedAt,
  };
  return { whistle, problem };
}

function resolvedWhistle(
  i: number,
  village: DemoWhistleVillage,
  countyId: Types.ObjectId,
  category: WhistleCategory,
  raisedAt: Date,
  k: number,
  work: WorkDays,
  random: () => number,
): Whistle {
  const { whistle } = base(i, village, countyId, category, raisedAt, random);
  const day = work.after(shanghaiDate(raisedAt), between(random, 1, 3));
  const resolvedAt = at(day, between(random, 14, 16), random);
  const note = RESOLUTIONS[k % RESOLUTIONS.length];
  const evaluatedAt = at(work.after(day, between(random, 1, 3)), 10, random);
  // Every resolved problem is evaluated; their satisfactions follow the whistled ones'.
  const satisfaction = satisfactionOf(DEMO_WHISTLES.whistled - DEMO_WHISTLES.unevaluated + k);
  const history: StepRecord<Whistle['state']>[] = [
    ...whistle.history,
    { state: 'RESOLVED', at: resolvedAt, by: DEMO_WHISTLE_TOWNSHIP_ADMIN, note },
    {
      state: 'EVALUATED',
      at: evaluatedAt,
      by: DEMO_WHISTLE_VILLAGE_ADMIN,
      note: EVALUATION[satisfaction],
    },
  ];
  return finish({
    ...whistle,
    state: 'EVALUATED',
    resolvedAt,
    resolution: note,
    evaluatedAt,
    satisfaction,
    evaluationComment: EVALUATION[satisfaction],
    history,
    updatedAt: evaluatedAt,
  });
}

function whistled(
  i: number,
  village: DemoWhistleVillage,
  input: DemoWhistleInput,
  fate: Fate,
  raisedAt: Date,
  work: WorkDays,
  random: () => number,
  byName: (part: string) => DemoWhistleOrg,
): Whistle {
  const { whistle, problem } = base(i, village, input.countyId, fate.category, raisedAt, random);
  // 镇级研判 within three working days, then the whistle with 5, 7 or 10 working days to answer.
  const whistleDay = work.after(shanghaiDate(raisedAt), between(random, 1, 3));
  const whistledAt = at(whistleDay, between(random, 14, 16), random);
  const workingDays = [5, 5, 7, 10][between(random, 0, 3)];
  const dueDate = work.after(whistleDay, workingDays);
  const dueAt = shanghaiDayEnd(dueDate);
  const departments = shuffled(DEPARTMENTS_OF[fate.category], random)
    .slice(0, fate.departments)
    .map(byName);
  const note = `请${departments.map((d) => d.name.replace(/(机关)?党(总支|支部)$/, '')).join('、')}${workingDays}个工作日内报到答复`;
  const reports: WhistleReport[] = departments.map((d, r) => {
    // 报到 the next working day, 办理 one or two days after, 答复 by the due date, or 1–4
    // working days past it.
    const acceptDay = work.after(whistleDay, 1);
    const actDay = work.after(acceptDay, between(random, 1, 2));
    const answerDay = fate.late[r]
      ? work.after(dueDate, between(random, 1, 4))
      : work.after(actDay, between(random, 0, Math.max(0, work.count(actDay, dueDate) - 1)) + 1);
    const acceptedAt = at(acceptDay, 9, random);
    const actedAt = at(actDay, 10, random);
    // Distinct minutes: the last answer is one department's, never a tie.
    const answeredAt = shanghaiInstant(answerDay, 15, (r * 17 + between(random, 0, 16)) % 60);
    const answeredLate = isReportOverdue({ dueAt, answeredAt }, answeredAt);
    const by = DEMO_WHISTLE_DEPARTMENT_ADMIN;
    return {
      departmentId: d._id,
      state: 'ANSWERED',
      dueDate,
      dueAt,
      acceptedAt,
      actedAt,
      action: problem.action,
      answeredAt,
      answer: problem.answer,
      answeredLate,
      history: [
        { state: 'ADDRESSED', at: whistledAt, by: DEMO_WHISTLE_TOWNSHIP_ADMIN },
        { state: 'ACCEPTED', at: acceptedAt, by, note: null },
        { state: 'ACTING', at: actedAt, by, note: problem.action },
        { state: 'ANSWERED', at: answeredAt, by, note: problem.answer },
      ],
    };
  });
  const reportedAt = new Date(Math.max(...reports.map((r) => r.answeredAt!.getTime())));
  const history: StepRecord<Whistle['state']>[] = [
    ...whistle.history,
    { state: 'WHISTLED', at: whistledAt, by: DEMO_WHISTLE_TOWNSHIP_ADMIN, note },
    { state: 'REPORTED', at: reportedAt, by: DEMO_WHISTLE_DEPARTMENT_ADMIN, note: null },
  ];
  const done: Whistle = {
    ...whistle,
    state: 'REPORTED',
    whistledAt,
    whistleNote: note,
    workingDays,
    reports,
    openReports: 0,
    orgIds: [village._id, village.townshipId, ...departments.map((d) => d._id)],
    reportedAt,
    history,
    updatedAt: reportedAt,
  };
  if (!fate.satisfaction) return finish(done);
  const evaluatedAt = at(
    work.after(shanghaiDate(reportedAt), between(random, 1, 4)),
    between(random, 9, 11),
    random,
  );
  const comment = EVALUATION[fate.satisfaction];
  return finish({
    ...done,
    state: 'EVALUATED',
    evaluatedAt,
    satisfaction: fate.satisfaction,
    evaluationComment: comment,
    history: [
      ...history,
      { state: 'EVALUATED', at: evaluatedAt, by: DEMO_WHISTLE_VILLAGE_ADMIN, note: comment },
    ],
    updatedAt: evaluatedAt,
  });
}

/** The whistle with the outbox records of its steps. */
const finish = (w: Whistle): Whistle => ({ ...w, outbox: whistleRecordsOf(w) });
