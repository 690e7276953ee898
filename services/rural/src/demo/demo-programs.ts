// 凌河区's 书记项目 and 明白纸. "全区六个街道党工委书记拟定"党建+智慧社区"、党群服务中心建设、数字党建
// 示范园区、"快递小哥"爱心驿站等项目36个，经区委组织部审核通过后已立项实施，其中28项已完成"; the
// commitment sheets follow "指导396名农村干部逐人填报…明白纸…共谋划…村级重点工作396项" (a 运河区 figure,
// placed on 凌河区's streets, the levels the demo tree has there).
import { addDays } from '@jiceng/calendar';
import type {
  SecretaryProject,
  SecretaryProjectStep,
} from '../secretary-project/secretary-project.schema';
import type { SecretaryProjectState } from '../secretary-project/secretary-project-steps';
import type { CommitmentSheet } from '../commitment-sheet/commitment-sheet.schema';
import type { CadreRole } from '../commitment-sheet/commitment-sheet-steps';
import { shortName } from '../pairing/short-name';
import { chineseNumeral, lingheCadres, lingheStreetSecretaries } from '@jiceng/demo';
import {
  between,
  demoId,
  DISTRICT_ADMIN,
  LOCAL_ADMIN,
  rng,
  shanghai,
  type DemoInput,
} from './demo-kit';

const SECRETARY_YEAR = 2022;
const SECRETARY_PROJECTS_PER_STREET = 6;
// The 8 of 36 not yet accepted: each street's last project and the fifth of two streets.
const UNFINISHED = new Set([5, 11, 17, 23, 29, 35, 4, 22]);
const THEMES = [
  '"党建+智慧社区"',
  '党群服务中心建设',
  '数字党建示范园区',
  '"快递小哥"爱心驿站',
  '停车难综合治理',
  '矛盾纠纷多元化解',
  '老旧小区红色物业',
  '网格党建精细化',
  '"15分钟"便民服务圈',
  '红色楼道创建',
  '社区党校',
  '志愿服务积分超市',
];

function step(
  state: SecretaryProjectState,
  date: string,
  by: string,
  scores: Partial<SecretaryProjectStep> = {},
): SecretaryProjectStep {
  return { state, at: shanghai(date), by, note: null, ...scores };
}

export function secretaryProjects(input: DemoInput): SecretaryProject[] {
  // Each street's secretary leads its projects: a member the members demo creates (demo cast).
  const secretaries = lingheStreetSecretaries();
  return input.lingheStreets.flatMap((street, s) =>
    Array.from({ length: SECRETARY_PROJECTS_PER_STREET }, (_, j) => {
      const g = s * SECRETARY_PROJECTS_PER_STREET + j;
      const random = rng(`secretary/${g}`);
      const unfinished = UNFINISHED.has(g);
      // Of the 8 unfinished, 3 have had their midterm evaluation.
      const reviewed = !unfinished || [...UNFINISHED].indexOf(g) < 3;
      const midtermScore = reviewed ? between(random, 80, 95) : null;
      const acceptance = unfinished
        ? null
        : {
            selfCheckScore: between(random, 85, 98),
            upperReviewScore: between(random, 80, 96),
            residentScore: between(random, 85, 99),
          };
      const steps = [
        step('PROPOSED', `2022-01-${10 + s}`, LOCAL_ADMIN),
        step('APPROVED', `2022-02-${15 + s}`, DISTRICT_ADMIN),
        step('IN_PROGRESS', `2022-03-0${1 + (j % 5)}`, LOCAL_ADMIN),
        ...(reviewed
          ? [
              step('MIDTERM_REVIEWED', `2022-07-${10 + j}`, DISTRICT_ADMIN, {
                midtermScore: midtermScore!,
              }),
            ]
          : []),
        ...(acceptance ? [step('ACCEPTED', `2022-12-${10 + j}`, DISTRICT_ADMIN, acceptance)] : []),
      ];
      const last = steps[steps.length - 1];
      return {
        _id: demoId(`secretary/${g}`),
        organizationId: street._id,
        year: SECRETARY_YEAR,
        title: `${shortName(street.name)}${THEMES[(s * 5 + j) % THEMES.length]}`,
        goals: '聚焦"党建+基层治理"，实现项目目标化、目标节点化、节点责任化',
        secretaryMemberId: String(secretaries[s].id),
        state: last.state,
        steps,
        midtermScore,
        selfCheckScore: acceptance?.selfCheckScore ?? null,
        upperReviewScore: acceptance?.upperReviewScore ?? null,
        residentScore: acceptance?.residentScore ?? null,
        version: steps.length,
        createdAt: steps[0].at,
        updatedAt: last.at,
      };
    }),
  );
}

const COMMITMENT_YEAR = 2022;
const GOALS = ['村庄硬化绿化亮化', '发展壮大村级集体经济', '公共游园建设', '文化广场建设'];

export function commitmentSheets(input: DemoInput): CommitmentSheet[] {
  // The cadres are members the members demo creates (demo cast), each on its sheet's street.
  return lingheCadres().map((cadre, i) => {
    const random = rng(`sheet/${i}`);
    const street = input.lingheStreets[cadre.street];
    const role = cadre.role as CadreRole;
    const goalsSetAt = shanghai(addDays('2022-01-05', between(random, 0, 20)));
    return {
      _id: demoId(`sheet/${i}`),
      memberId: String(cadre.id),
      organizationId: street._id,
      year: COMMITMENT_YEAR,
      role,
      goals: [
        {
          title: `${GOALS[i % GOALS.length]}（第${chineseNumeral((i % 9) + 1)}项）`,
          measures: '明晰责任主体，拿出办法举措，划定时间节点',
          deadline: '2022-12-31',
        },
      ],
      stage: 'ASSESSED',
      goalsSetAt,
      goalsSetBy: LOCAL_ADMIN,
      midYearReport: {
        at: shanghai(addDays('2022-06-20', between(random, 0, 10))),
        by: LOCAL_ADMIN,
        report: '截至6月底，年初谋划的重点工作推进顺利',
      },
      yearEndAssessment: {
        at: shanghai(addDays('2022-12-15', between(random, 0, 13))),
        by: DISTRICT_ADMIN,
        completedGoals: 1,
        score: between(random, 80, 98),
        comment: null,
      },
      createdAt: goalsSetAt,
      updatedAt: goalsSetAt,
    };
  });
}
