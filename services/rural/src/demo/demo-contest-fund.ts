// 擂台赛 and 资金梯度式分配. "每季度推出一期，每期一个主题…每镇党组织10名村党组织书记线上"打擂"，评审
// 小组线下"打分"…勇摘桂冠" (two winners), held here by 雄安新区 with ten villages of each county;
// "设立基层党组织自主申报、党（工）委初审推荐、区组复核提名、专家实地考察、现场陈述展演等环节，分配…
// 党建品牌培育专项经费150万元", run here by 运河区 for its communities.
import { Types } from 'mongoose';
import { addDays } from '@jiceng/calendar';
import { rankEntries } from '../contest/contest-ranking';
import type { Contest } from '../contest/contest.schema';
import type { Fund, FundApplication, FundStep } from '../fund/fund.schema';
import { FUND_PIPELINE, type FundStage } from '../fund/fund-steps';
import { shortName } from '../pairing/short-name';
import {
  between,
  demoId,
  DISTRICT_ADMIN,
  LOCAL_ADMIN,
  rng,
  shanghai,
  WAN,
  type DemoInput,
} from './demo-kit';

const JURORS = ['评审组成员一', '评审组成员二', '评审组成员三', '评审组成员四', '评审组成员五'];
const ENTRIES_PER_COUNTY = 10;
const CONTESTS = [
  {
    quarter: '2022-Q2',
    theme: '乡村振兴+发展壮大村级集体经济',
    scored: true,
    opened: '2022-04-06',
  },
  { quarter: '2022-Q3', theme: '党建引领人居环境整治', scored: false, opened: '2022-07-05' },
];

export function contests(input: DemoInput): Contest[] {
  const villages = input.xionganVillages.flatMap((county) => county.slice(0, ENTRIES_PER_COUNTY));
  return CONTESTS.map(({ quarter, theme, scored, opened }) => {
    const random = rng(`contest/${quarter}`);
    const entries = villages.map((village, i) => ({
      _id: demoId(`contest/${quarter}/entry/${i}`),
      organizationId: village._id,
      title: `${shortName(village.name)}：${theme}`,
      enteredAt: shanghai(addDays(opened, i % 10)),
      enteredBy: LOCAL_ADMIN,
      scores: scored
        ? JURORS.map((juror) => ({
            juror,
            score: between(random, 72, 98),
            at: shanghai(addDays(opened, 60)),
            recordedBy: DISTRICT_ADMIN,
          }))
        : [],
    }));
    const ranking = scored
      ? rankEntries(
          entries.map((e) => ({ id: String(e._id), scores: e.scores })),
          2,
        ).map((r) => ({
          ...r,
          entryId: new Types.ObjectId(r.entryId),
        }))
      : [];
    const updated = shanghai(addDays(opened, scored ? 70 : 10));
    return {
      _id: demoId(`contest/${quarter}`),
      organizationId: input.xiongan._id,
      quarter,
      theme,
      jurors: JURORS,
      winnerCount: 2,
      status: scored ? 'CLOSED' : 'OPEN',
      entries,
      ranking,
      closedAt: scored ? updated : null,
      closedBy: scored ? DISTRICT_ADMIN : null,
      version: 1 + entries.length * (1 + JURORS.length) + (scored ? 1 : 0),
      createdBy: DISTRICT_ADMIN,
      createdAt: shanghai(opened),
      updatedAt: updated,
    };
  });
}

const FUND_BUDGET_FEN = 150 * WAN; // 专项经费150万元
const APPLICANTS_PER_STREET = 5;
const AWARD_FEN = 15 * WAN;
const ALLOCATED = 9; // of the 10 presented; the tenth awaits its allocation (the 15万 left)
// How far the 30 applications got: 10 not recommended, 5 not nominated, 3 not past the site
// visit, 2 not past the presentation, 10 presented ("十佳").
const REACHED: [FundStage, number][] = [
  ['SELF_APPLIED', 10],
  ['RECOMMENDED', 5],
  ['REVIEWED', 3],
  ['SITE_VISITED', 2],
  ['PRESENTED', 10],
];
const STAGE_DATES: Record<FundStage, string> = {
  SELF_APPLIED: '2023-03-01',
  RECOMMENDED: '2023-03-20',
  REVIEWED: '2023-04-10',
  SITE_VISITED: '2023-05-10',
  PRESENTED: '2023-06-08',
  ALLOCATED: '2023-06-20',
  NOT_SELECTED: '2023-06-20',
};

export function fundDemo(input: DemoInput): { fund: Fund; applications: FundApplication[] } {
  const fundId = demoId('fund/2023');
  const applicants = input.yunheCommunities.flatMap((street) =>
    street.slice(0, APPLICANTS_PER_STREET),
  );
  const reached = REACHED.flatMap(([stage, n]) => Array<FundStage>(n).fill(stage));
  let presented = 0;
  const applications = applicants.slice(0, reached.length).map((org, i): FundApplication => {
    const random = rng(`fund/${i}`);
    const last = reached[i];
    const allocated = last === 'PRESENTED' && presented++ < ALLOCATED;
    const stages = FUND_PIPELINE.slice(0, FUND_PIPELINE.indexOf(last) + 1);
    const steps: FundStep[] = stages.map((stage) => ({
      stage,
      at: shanghai(STAGE_DATES[stage]),
      by: stage === 'SELF_APPLIED' ? LOCAL_ADMIN : DISTRICT_ADMIN,
      score: stage === 'SITE_VISITED' || stage === 'PRESENTED' ? between(random, 70, 98) : null,
      note: null,
    }));
    if (allocated)
      steps.push({
        stage: 'ALLOCATED',
        at: shanghai(STAGE_DATES.ALLOCATED),
        by: DISTRICT_ADMIN,
        score: null,
        note: null,
      });
    else if (last !== 'PRESENTED')
      steps.push({
        stage: 'NOT_SELECTED',
        at: shanghai(addDays(STAGE_DATES[last], 7)),
        by: DISTRICT_ADMIN,
        score: null,
        note: '未进入下一环节',
      });
    const stage = steps[steps.length - 1].stage;
    return {
      _id: demoId(`fund/2023/application/${i}`),
      fundId,
      organizationId: org._id,
      title: `${shortName(org.name)}党建品牌`,
      requestedFen: last === 'PRESENTED' ? AWARD_FEN : between(random, 8, 25) * WAN,
      stage,
      steps,
      allocatedFen: allocated ? AWARD_FEN : null,
      version: steps.length,
      createdAt: steps[0].at,
      updatedAt: steps[steps.length - 1].at,
    };
  });
  const allocations = applications
    .filter((a) => a.stage === 'ALLOCATED')
    .map((a) => ({
      applicationId: a._id,
      amountFen: AWARD_FEN,
      at: shanghai(STAGE_DATES.ALLOCATED),
      by: DISTRICT_ADMIN,
    }));
  const fund: Fund = {
    _id: fundId,
    organizationId: input.yunhe._id,
    name: '2023年度党建品牌培育专项经费',
    year: 2023,
    budgetFen: FUND_BUDGET_FEN,
    remainingFen: FUND_BUDGET_FEN - allocations.reduce((s, a) => s + a.amountFen, 0),
    allocations,
    createdBy: DISTRICT_ADMIN,
    createdAt: shanghai('2023-02-20'),
    updatedAt: shanghai(STAGE_DATES.ALLOCATED),
  };
  return { fund, applications };
}
