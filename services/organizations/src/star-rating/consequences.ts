// What a year's published star ratings mean for a community organization, from 运河区's
// 《社区党建星级评定管理办法》. The window is the calendar year's published quarterly ratings
// (Q1-Q4, Asia/Shanghai) for all three rules, as the 办法 ties them to the annual assessment.
import { parsePeriod } from '@jiceng/calendar';

export interface RatingConsequences {
  year: number;
  publishedCount: number;
  fiveStarCount: number;
  fourStarCount: number;
  threeStarCount: number;
  threeStarPeriods: string[];
  /** 五星级 at least once and never 三星级: may be recommended for district-level commendation. */
  eligibleForCommendation: boolean;
  commendationReason: string;
  /** 三星级 twice or more: the secretary and the 两委 cannot be rated 优秀 that year. */
  excellentBarred: boolean;
  excellentBarredReason: string | null;
  /** 三星级 three times: the street working committee may deduct performance pay. */
  performanceDeduction: boolean;
  performanceDeductionReason: string | null;
}

const EXCELLENT_BAR_THRESHOLD = 2;
const PERFORMANCE_DEDUCTION_THRESHOLD = 3;

export function ratingConsequences(
  year: number,
  published: readonly { period: string; stars: number }[],
): RatingConsequences {
  const ofYear = published
    .filter((r) => parsePeriod(r.period)?.year === year)
    .sort((a, b) => a.period.localeCompare(b.period));
  const count = (stars: number) => ofYear.filter((r) => r.stars === stars).length;
  const threeStarPeriods = ofYear.filter((r) => r.stars === 3).map((r) => r.period);
  const threes = threeStarPeriods.length;
  const fives = count(5);
  const eligible = fives > 0 && threes === 0;
  const threeList = threeStarPeriods.join('、');
  return {
    year,
    publishedCount: ofYear.length,
    fiveStarCount: fives,
    fourStarCount: count(4),
    threeStarCount: threes,
    threeStarPeriods,
    eligibleForCommendation: eligible,
    commendationReason: eligible
      ? `${year}年被评定为五星级${fives}次且未被评定为三星级，可推荐为区级以上表彰对象`
      : fives === 0
        ? `${year}年未被评定为五星级`
        : `${year}年被评定为三星级（${threeList}），不能推荐为区级以上表彰对象`,
    excellentBarred: threes >= EXCELLENT_BAR_THRESHOLD,
    excellentBarredReason:
      threes >= EXCELLENT_BAR_THRESHOLD
        ? `${year}年被评定为三星级${threes}次（${threeList}），社区党组织书记述职评议、“两委”班子及干部年度考核不得评为“优秀”等次`
        : null,
    performanceDeduction: threes >= PERFORMANCE_DEDUCTION_THRESHOLD,
    performanceDeductionReason:
      threes >= PERFORMANCE_DEDUCTION_THRESHOLD
        ? `${year}年累计${threes}次被评定为三星级（${threeList}），街道党工委可酌情扣减相关人员绩效`
        : null,
  };
}
