import { Types } from 'mongoose';
import { DEFAULT_RATING_TEMPLATE } from './default-template';
import { buildTemplate, templateProblems } from './rating-template.rules';
import {
  adjustmentProblems,
  applyAdjustments,
  criterionScores,
  scoreProblems,
  starsSupportedBy,
  templateMaxScore,
  totalScore,
} from './scoring';

const template = buildTemplate(DEFAULT_RATING_TEMPLATE, {
  _id: new Types.ObjectId(),
  version: 1,
  createdAt: new Date(),
  createdBy: 'test',
});
const criteria = DEFAULT_RATING_TEMPLATE.aspects.flatMap((a) => a.criteria);
const fullMarks = () => criteria.map((c) => ({ criterionCode: c.code, score: c.maxScore }));

describe('the default template', () => {
  it('has the 5 aspects and 22 criteria of the standard, worth 100', () => {
    expect(DEFAULT_RATING_TEMPLATE.aspects.map((a) => a.title)).toEqual([
      '班子建设',
      '制度机制运行',
      '活动场所建设',
      '党员队伍建设',
      '服务平台建设',
    ]);
    expect(criteria).toHaveLength(22);
    expect(templateMaxScore(DEFAULT_RATING_TEMPLATE)).toBe(100);
    expect(templateProblems(DEFAULT_RATING_TEMPLATE)).toEqual([]);
  });

  it('rejects a template whose criteria do not add up to 100, or with repeated codes', () => {
    const [first, ...rest] = DEFAULT_RATING_TEMPLATE.aspects;
    const short = {
      ...DEFAULT_RATING_TEMPLATE,
      aspects: [{ ...first, criteria: first.criteria.slice(1) }, ...rest],
    };
    expect(templateProblems(short)).toEqual([
      { field: 'input.aspects', message: 'criteria add up to 95; they must add up to 100' },
    ]);
    const repeated = {
      ...DEFAULT_RATING_TEMPLATE,
      fourStarMinScore: 95,
      aspects: [
        { ...first, criteria: [first.criteria[0], { ...first.criteria[1], code: 'A1' }] },
        ...rest,
      ],
    };
    expect(templateProblems(repeated).map((p) => p.field)).toEqual([
      'input.aspects[0].criteria[1].code',
      'input.fourStarMinScore',
    ]);
  });
});

describe('scoring a self-assessment', () => {
  it('accepts every criterion scored once within range and totals it', () => {
    const scores = fullMarks();
    scores[3] = { criterionCode: 'A4', score: 3.5 };
    expect(scoreProblems(template, scores)).toEqual([]);
    const stored = criterionScores(template, [...scores].reverse());
    expect(stored.map((s) => s.criterionCode)).toEqual(criteria.map((c) => c.code));
    expect(stored[3]).toEqual({ criterionCode: 'A4', aspectCode: 'A', score: 3.5, maxScore: 5 });
    expect(totalScore(stored)).toBe(98.5);
  });

  it('names the criterion and the index of a score out of range', () => {
    const scores = fullMarks();
    scores[3] = { criterionCode: 'A4', score: 6 };
    scores[5] = { criterionCode: 'B2', score: -1 };
    expect(scoreProblems(template, scores)).toEqual([
      {
        field: 'input.scores[3].score',
        message: 'A4 “大党委”兼职委员 must be scored between 0 and 5',
      },
      { field: 'input.scores[5].score', message: 'B2 主题党日 must be scored between 0 and 5' },
    ]);
  });

  it('reports unknown, repeated and missing criteria and over-precise scores', () => {
    const scores = fullMarks().slice(0, 20);
    scores[0] = { criterionCode: 'Z9', score: 1 };
    scores[1] = { criterionCode: 'A3', score: 1.25 };
    expect(scoreProblems(template, scores)).toEqual([
      { field: 'input.scores[0].criterionCode', message: 'Z9 is not a criterion of template v1' },
      { field: 'input.scores[1].score', message: 'A3 scores have at most one decimal place' },
      { field: 'input.scores[2].criterionCode', message: 'A3 is scored more than once' },
      { field: 'input.scores', message: 'criteria not scored: A1, A2, E3, E4' },
    ]);
  });

  it('maps totals to the stars they support', () => {
    expect(starsSupportedBy(template, 90)).toBe(5);
    expect(starsSupportedBy(template, 89.9)).toBe(4);
    expect(starsSupportedBy(template, 75)).toBe(4);
    expect(starsSupportedBy(template, 74.5)).toBe(3);
  });

  it('applies inspection adjustments and checks their range', () => {
    const stored = criterionScores(template, fullMarks());
    const adjustments = [{ criterionCode: 'C1', score: 3, reason: '面积不足400平方米' }];
    expect(adjustmentProblems(template, adjustments)).toEqual([]);
    expect(applyAdjustments(stored, adjustments)).toEqual({
      adjustments: [
        { criterionCode: 'C1', previousScore: 5, score: 3, reason: '面积不足400平方米' },
      ],
      adjustedScore: 98,
    });
    expect(
      adjustmentProblems(template, [
        { criterionCode: 'C2', score: 5, reason: 'x' },
        { criterionCode: 'C2', score: 1, reason: ' ' },
      ]).map((p) => p.field),
    ).toEqual([
      'input.adjustments[0].score',
      'input.adjustments[1].criterionCode',
      'input.adjustments[1].reason',
    ]);
  });
});
