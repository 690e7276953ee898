import type { TemplateInput } from './rating-template.rules';

// 运河区's 《社区党建“星级管理”评定标准》: 5 aspects and 22 criteria, "每条均有明确的分值权重、得分
// 标准、扣分情形". The report names the aspects only; the criteria are drawn from what it and
// DOMAIN.md describe communities doing (168 协商议事, 双报到, 党群服务中心 ≥ 500 m², 运河"码"上到,
// 群众诉求 within 5 working days, 党建联建 lists), weighted to 100.
export const DEFAULT_RATING_TEMPLATE: TemplateInput & { name: string } = {
  name: '运河区社区党建“星级管理”评定标准',
  effectiveFrom: '2021-Q1',
  fiveStarMinScore: 90,
  fourStarMinScore: 75,
  aspects: [
    {
      code: 'A',
      title: '班子建设',
      criteria: [
        {
          code: 'A1',
          title: '班子配备',
          maxScore: 5,
          rule: '社区“两委”班子配备齐全，书记、主任“一肩挑”，交叉任职比例符合要求',
          deductions: [
            { description: '班子成员每缺额1人扣1分', points: 1 },
            { description: '未实行书记、主任“一肩挑”扣2分', points: 2 },
          ],
        },
        {
          code: 'A2',
          title: '书记履职',
          maxScore: 5,
          rule: '书记履行抓基层党建第一责任人职责，年度述职评议、谈心谈话、包联网格均有记录',
          deductions: [{ description: '每缺一项记录扣2分', points: 2 }],
        },
        {
          code: 'A3',
          title: '民主决策',
          maxScore: 5,
          rule: '社区重大事项由党组织研究决定，落实“四议两公开”',
          deductions: [{ description: '重大事项未经党组织研究决定，每次扣2分', points: 2 }],
        },
        {
          code: 'A4',
          title: '“大党委”兼职委员',
          maxScore: 5,
          rule: '吸纳辖区单位、小区党组织负责人担任兼职委员，每季度至少召开1次联席会议',
          deductions: [{ description: '每季度少开一次联席会议扣1分', points: 1 }],
        },
      ],
    },
    {
      code: 'B',
      title: '制度机制运行',
      criteria: [
        {
          code: 'B1',
          title: '“三会一课”',
          maxScore: 5,
          rule: '按规定召开支部党员大会、支委会、党小组会，按时上党课，记录完整',
          deductions: [{ description: '每缺一次扣1分', points: 1 }],
        },
        {
          code: 'B2',
          title: '主题党日',
          maxScore: 5,
          rule: '每月开展主题党日活动，主题鲜明、党员参与率不低于80%',
          deductions: [
            { description: '每缺一次扣1分', points: 1 },
            { description: '参与率低于80%扣1分', points: 1 },
          ],
        },
        {
          code: 'B3',
          title: '组织生活会和民主评议党员',
          maxScore: 5,
          rule: '每年召开组织生活会，开展民主评议党员',
          deductions: [
            { description: '未召开组织生活会扣3分', points: 3 },
            { description: '未开展民主评议党员扣2分', points: 2 },
          ],
        },
        {
          code: 'B4',
          title: '协商议事',
          maxScore: 5,
          rule: '依托居民议事厅开展党建引领协商议事（如“168”协商议事法），每季度至少1次，议定事项有落实',
          deductions: [
            { description: '每季度未开展协商议事扣2分', points: 2 },
            { description: '议定事项未落实，每项扣1分', points: 1 },
          ],
        },
        {
          code: 'B5',
          title: '网格化党建',
          maxScore: 5,
          rule: '社区党组织—网格党支部—楼栋党小组组织体系健全',
          deductions: [{ description: '每缺一个网格党组织扣1分', points: 1 }],
        },
      ],
    },
    {
      code: 'C',
      title: '活动场所建设',
      criteria: [
        {
          code: 'C1',
          title: '党群服务中心面积',
          maxScore: 5,
          rule: '社区党群服务中心面积不低于500平方米',
          deductions: [{ description: '每少50平方米扣1分', points: 1 }],
        },
        {
          code: 'C2',
          title: '“六有”标准',
          maxScore: 4,
          rule: '有场所、有标识、有制度、有设施、有活动、有台账',
          deductions: [{ description: '每缺一项扣1分，扣完为止', points: 1 }],
        },
        {
          code: 'C3',
          title: '标识标牌',
          maxScore: 3,
          rule: '统一悬挂标识牌，设置党旗、入党誓词',
          deductions: [{ description: '每缺一项扣1分', points: 1 }],
        },
        {
          code: 'C4',
          title: '开放使用',
          maxScore: 3,
          rule: '公示开放时间，日常开放，无空置闲置、挪作他用',
          deductions: [
            { description: '未公示开放时间扣1分', points: 1 },
            { description: '空置闲置或挪作他用扣2分', points: 2 },
          ],
        },
      ],
    },
    {
      code: 'D',
      title: '党员队伍建设',
      criteria: [
        {
          code: 'D1',
          title: '发展党员',
          maxScore: 4,
          rule: '坚持标准、履行程序发展党员，入党申请人、积极分子培养考察有记录',
          deductions: [{ description: '程序不规范，每例扣2分', points: 2 }],
        },
        {
          code: 'D2',
          title: '党员教育管理',
          maxScore: 4,
          rule: '党员学习教育经常化，《党支部工作手册》记录完整',
          deductions: [{ description: '手册每缺一项记录扣1分', points: 1 }],
        },
        {
          code: 'D3',
          title: '“双报到”',
          maxScore: 4,
          rule: '在职党员和单位党组织到社区报到服务，建立“双报到”档案',
          deductions: [
            { description: '“双报到”档案不完整扣2分', points: 2 },
            { description: '报到率低于90%扣2分', points: 2 },
          ],
        },
        {
          code: 'D4',
          title: '流动党员管理',
          maxScore: 4,
          rule: '建立流动党员台账，保持经常联系',
          deductions: [
            { description: '未建立台账扣2分', points: 2 },
            { description: '失联党员每人扣1分', points: 1 },
          ],
        },
        {
          code: 'D5',
          title: '党费收缴',
          maxScore: 4,
          rule: '按时足额收缴党费，账目清楚',
          deductions: [{ description: '每发现一例未按时足额收缴扣1分', points: 1 }],
        },
      ],
    },
    {
      code: 'E',
      title: '服务平台建设',
      criteria: [
        {
          code: 'E1',
          title: '志愿服务',
          maxScore: 5,
          rule: '通过“运河‘码’上到”发布志愿服务任务，每月不少于2项，审核积分及时',
          deductions: [{ description: '每月少发布一项扣1分', points: 1 }],
        },
        {
          code: 'E2',
          title: '群众诉求办理',
          maxScore: 5,
          rule: '采集上报、审查受理、处理反馈、核查结案、考核评价闭环，5个工作日内办结',
          deductions: [{ description: '超期未办结每件扣1分', points: 1 }],
        },
        {
          code: 'E3',
          title: '特色品牌',
          maxScore: 5,
          rule: '形成特色党建品牌，党建工作与社区中心工作相辅相成',
          deductions: [{ description: '无特色品牌扣3分', points: 3 }],
        },
        {
          code: 'E4',
          title: '党建联建',
          maxScore: 5,
          rule: '与辖区单位、企业开展党建联建，建立资源清单、需求清单、项目清单',
          deductions: [{ description: '每缺一张清单扣1分', points: 1 }],
        },
      ],
    },
  ],
};
