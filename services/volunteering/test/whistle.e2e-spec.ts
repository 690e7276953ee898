import type { KafkaMessage } from 'kafkajs';
import { Types } from 'mongoose';
import { shanghaiMonth } from '@jiceng/calendar';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  eventually,
  withSubgraphStack,
  type OrgSpec,
} from '@jiceng/testing';

// 吹哨报到 through the gateway: organizations and volunteering as processes over the real broker
// and store. 卢龙县 (130324) has a township with two villages and three departments (two 机关, one
// 事业单位) plus an enterprise branch; 昌黎县 (130322) next door has a department of its own.

const TREE: readonly OrgSpec[] = [
  {
    key: 'province',
    name: '河北省委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130000',
  },
  {
    key: 'city',
    parent: 'province',
    name: '秦皇岛市委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130300',
  },
  {
    key: 'county',
    parent: 'city',
    name: '卢龙县委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130324',
  },
  {
    key: 'township',
    parent: 'county',
    name: '卢龙镇党委',
    kind: 'PARTY_COMMITTEE',
    sector: 'VILLAGE',
    regionCode: '130324',
  },
  {
    key: 'village',
    parent: 'township',
    name: '东关村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '130324',
  },
  {
    key: 'village2',
    parent: 'township',
    name: '西关村党支部',
    kind: 'BRANCH',
    sector: 'VILLAGE',
    regionCode: '130324',
  },
  {
    key: 'units',
    parent: 'county',
    name: '卢龙县直属机关工委',
    kind: 'WORKING_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130324',
  },
  {
    key: 'roads',
    parent: 'units',
    name: '卢龙县交通运输局党支部',
    kind: 'BRANCH',
    sector: 'STATE_ORGAN',
    regionCode: '130324',
  },
  {
    key: 'water',
    parent: 'units',
    name: '卢龙县水务局党支部',
    kind: 'BRANCH',
    sector: 'STATE_ORGAN',
    regionCode: '130324',
  },
  {
    key: 'hospital',
    parent: 'county',
    name: '卢龙县医院党总支',
    kind: 'GENERAL_BRANCH',
    sector: 'PUBLIC_INSTITUTION',
    regionCode: '130324',
  },
  {
    key: 'firm',
    parent: 'county',
    name: '卢龙县某建材公司党支部',
    kind: 'BRANCH',
    sector: 'NON_PUBLIC_ENTERPRISE',
    regionCode: '130324',
  },
  {
    key: 'county2',
    parent: 'city',
    name: '昌黎县委',
    kind: 'PARTY_COMMITTEE',
    sector: 'STATE_ORGAN',
    regionCode: '130322',
  },
  {
    key: 'water2',
    parent: 'county2',
    name: '昌黎县水务局党支部',
    kind: 'BRANCH',
    sector: 'STATE_ORGAN',
    regionCode: '130322',
  },
];

const FIELDS = `id state stateLabel requesterId townshipId countyId serviceRequestId title category
  categoryLabel raisedAt whistledAt workingDays overdue satisfaction satisfactionLabel
  history { state stateLabel at by note }
  reports { departmentId state stateLabel dueDate dueAt overdue acceptedAt actedAt action answeredAt
    answer history { state stateLabel by note } }`;
const STATS = `raised resolved whistled reports answered answeredOnTime onTimeRate evaluated satisfied
  satisfiedRate byCategory { category categoryLabel whistled }
  byDepartment { departmentId addressed answered answeredOnTime onTimeRate }`;

describe('吹哨报到 through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'wh',
    services: ['organizations', 'volunteering'],
    tree: TREE,
    probes: [Topics.volunteeringWhistles],
  });
  const { org } = stack;
  const admin = (key: string) => stack.client('ORG_ADMIN', key);
  const step = (key: string, mutation: string, type: string, input: Record<string, unknown>) =>
    admin(key).q(`mutation($input: ${type}!) { ${mutation}(input: $input) { ${FIELDS} } }`, {
      input,
    });
  const stats = (key: string, organizationId: string, period: string) =>
    admin(key).q(
      `query($o: ID!, $p: String!) { whistleStats(organizationId: $o, period: $p) { ${STATS} } }`,
      { o: organizationId, p: period },
    );
  const read = (key: string, id: string) =>
    admin(key).q(`query($id: ID!) { whistle(id: $id) { id state } }`, { id });

  /** A problem raised directly by 东关村, dated `raisedAt` when given. */
  const raise = async (title: string, raisedAt?: string) =>
    dataOf(
      await step('village', 'raiseWhistle', 'RaiseWhistleInput', {
        requesterId: org.village,
        title,
        category: 'LIVELIHOOD',
        raisedAt,
      }),
    ).raiseWhistle;

  it('runs the whole loop with two departments, each reporting only for itself', async () => {
    // 哨声形成 from a service request the village could not solve.
    const request = dataOf(
      await admin('village').q(
        `mutation($input: ReportServiceRequestInput!) { reportServiceRequest(input: $input) { id } }`,
        {
          input: {
            communityId: org.village,
            title: '村东道路塌陷积水',
            category: 'PUBLIC_FACILITIES',
            channel: 'VISIT',
          },
        },
      ),
    ).reportServiceRequest;
    const raiseFromRequest = () =>
      step('village', 'raiseWhistle', 'RaiseWhistleInput', {
        serviceRequestId: request.id,
        category: 'INFRASTRUCTURE',
      });
    const raised = dataOf(await raiseFromRequest()).raiseWhistle;
    expect(raised).toMatchObject({
      id: request.id,
      state: 'RAISED',
      stateLabel: '哨声形成',
      requesterId: org.village,
      townshipId: org.township,
      countyId: org.county,
      serviceRequestId: request.id,
      title: '村东道路塌陷积水',
      categoryLabel: '基础设施',
    });
    expect(errorCode(await raiseFromRequest())).toBe('CONFLICT');

    // 镇级研判 is the township's: the village may not whistle.
    const whistle = (key: string, departmentIds: string[], extra: Record<string, unknown> = {}) =>
      step(key, 'blowWhistle', 'BlowWhistleInput', { id: raised.id, departmentIds, ...extra });
    expect(errorCode(await whistle('village', [org.roads]))).toBe('FORBIDDEN');
    // A department of 昌黎县 and an enterprise are refused on their own fields.
    const refused = await whistle('township', [org.roads, org.water2, org.firm]);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(errorFields(refused)).toEqual(['input.departmentIds.1', 'input.departmentIds.2']);
    expect(JSON.stringify(refused.errors)).toContain('outside 卢龙县委');

    const whistled = dataOf(
      await whistle('township', [org.roads, org.hospital], {
        note: '镇级研判：需交通、卫健部门协同',
      }),
    ).blowWhistle;
    expect(whistled).toMatchObject({ state: 'WHISTLED', workingDays: 5, overdue: false });
    expect(whistled.reports.map((r: any) => [r.departmentId, r.state])).toEqual([
      [org.roads, 'ADDRESSED'],
      [org.hospital, 'ADDRESSED'],
    ]);
    expect(errorCode(await whistle('township', [org.water]))).toBe('CONFLICT');

    // Each department reports on its own report only.
    const report = (key: string, mutation: string, type: string, extra = {}) =>
      step(key, mutation, type, { id: raised.id, departmentId: org[key], ...extra });
    dataOf(await report('roads', 'acceptWhistle', 'AcceptWhistleInput'));
    const foreign = await step('roads', 'acceptWhistle', 'AcceptWhistleInput', {
      id: raised.id,
      departmentId: org.hospital,
    });
    expect(errorCode(foreign)).toBe('FORBIDDEN');
    const notWhistled = await step('water', 'acceptWhistle', 'AcceptWhistleInput', {
      id: raised.id,
      departmentId: org.water,
    });
    expect(errorFields(notWhistled)).toEqual(['input.departmentId']);
    expect(
      errorCode(await report('roads', 'answerWhistle', 'AnswerWhistleInput', { answer: '已修复' })),
    ).toBe('CONFLICT');
    dataOf(await report('roads', 'actOnWhistle', 'ActOnWhistleInput', { note: '派工程队勘察' }));
    const halfway = dataOf(
      await report('roads', 'answerWhistle', 'AnswerWhistleInput', {
        answer: '路面已修复，排水沟已疏通',
      }),
    ).answerWhistle;
    expect(halfway.state).toBe('WHISTLED');
    // Not every department answered yet: nothing to evaluate.
    expect(
      errorCode(
        await step('village', 'evaluateWhistle', 'EvaluateWhistleInput', {
          id: raised.id,
          satisfaction: 'SATISFIED',
        }),
      ),
    ).toBe('CONFLICT');

    dataOf(await report('hospital', 'acceptWhistle', 'AcceptWhistleInput'));
    dataOf(
      await report('hospital', 'actOnWhistle', 'ActOnWhistleInput', { note: '开展积水区消杀' }),
    );
    const reported = dataOf(
      await report('hospital', 'answerWhistle', 'AnswerWhistleInput', { answer: '消杀完成' }),
    ).answerWhistle;
    expect(reported).toMatchObject({ state: 'REPORTED', stateLabel: '部门报到', overdue: false });
    expect(reported.reports.map((r: any) => r.state)).toEqual(['ANSWERED', 'ANSWERED']);
    expect(reported.reports[0]).toMatchObject({
      action: '派工程队勘察',
      answer: '路面已修复，排水沟已疏通',
    });
    expect(reported.reports[0].history.map((h: any) => h.stateLabel)).toEqual([
      '待报到',
      '已报到',
      '办理中',
      '已答复',
    ]);

    // The township may not evaluate; the village does.
    const evaluate = (key: string) =>
      step(key, 'evaluateWhistle', 'EvaluateWhistleInput', {
        id: raised.id,
        satisfaction: 'SATISFIED',
        comment: '群众满意',
      });
    expect(errorCode(await evaluate('water'))).toBe('FORBIDDEN');
    const evaluated = dataOf(await evaluate('village')).evaluateWhistle;
    expect(evaluated).toMatchObject({ state: 'EVALUATED', satisfactionLabel: '满意' });
    expect(evaluated.history.map((h: any) => [h.stateLabel, h.by])).toEqual([
      ['哨声形成', 'test-org_admin'],
      ['已吹哨', 'test-org_admin'],
      ['部门报到', 'test-org_admin'],
      ['反馈评价', 'test-org_admin'],
    ]);
    expect(evaluated.history.every((h: any) => !Number.isNaN(Date.parse(h.at)))).toBe(true);

    // Reads: the requester's subtree and the whistled departments, nobody else.
    expect(dataOf(await read('hospital', raised.id)).whistle).toEqual({
      id: raised.id,
      state: 'EVALUATED',
    });
    expect(dataOf(await read('township', raised.id)).whistle?.id).toBe(raised.id);
    // Organizations resolve only within the caller's scope: a department sees its own report's
    // department, and the village and the other department by id only.
    const seen = (key: string) =>
      admin(key).q(
        // `name` makes the gateway resolve the organizations (an id alone it answers itself).
        `query($id: ID!) { whistle(id: $id) { requester { name } township { name }
          reports { departmentId department { name } } } }`,
        { id: raised.id },
      );
    expect(dataOf(await seen('hospital')).whistle).toEqual({
      requester: null,
      township: null,
      reports: [
        { departmentId: org.roads, department: null },
        { departmentId: org.hospital, department: { name: '卢龙县医院党总支' } },
      ],
    });
    expect(dataOf(await seen('township')).whistle).toMatchObject({
      requester: { name: '东关村党支部' },
      township: { name: '卢龙镇党委' },
      reports: [{ department: null }, { department: null }],
    });
    expect(dataOf(await read('water', raised.id)).whistle).toBeNull();
    expect(dataOf(await read('village2', raised.id)).whistle).toBeNull();
    expect(dataOf(await read('water2', raised.id)).whistle).toBeNull();
    expect(
      errorCode(
        await stack
          .client('MEMBER', 'village', new Types.ObjectId().toHexString())
          .q(`query($id: ID!) { whistle(id: $id) { id } }`, { id: raised.id }),
      ),
    ).toBe('FORBIDDEN');
    const list = dataOf(
      await admin('hospital').q(
        `query($o: ID!) { organization(id: $o) { whistles(first: 10) { totalCount edges { node { id } } } } }`,
        { o: org.hospital },
      ),
    ).organization.whistles;
    expect(list.edges.map((e: any) => e.node.id)).toEqual([raised.id]);

    // The events carry ids only, one per step, keyed by the whistle.
    const mine = (messages: KafkaMessage[]) =>
      messages.filter((m) => m.key?.toString() === raised.id);
    const events = mine(
      await stack
        .probe(Topics.volunteeringWhistles)
        .waitFor((messages) => mine(messages).length >= 9),
    );
    const types = events.map((m) => JSON.parse(m.value!.toString()).type.split('.').pop());
    expect(types).toEqual([
      'raised',
      'whistled',
      'report-accepted',
      'report-acted',
      'report-answered',
      'report-accepted',
      'report-acted',
      'report-answered',
      'evaluated',
    ]);
    expect(Object.keys(JSON.parse(events[4].value!.toString()).data).sort()).toEqual(
      [
        'at',
        'countyId',
        'departmentId',
        'departmentIds',
        'requesterId',
        'townshipId',
        'whistleId',
      ].sort(),
    );
  });

  it('lets the township resolve a problem itself, and the village evaluate that', async () => {
    const raised = await raise('村民反映低保申请流程不清');
    const resolved = dataOf(
      await step('township', 'resolveWhistle', 'ResolveWhistleInput', {
        id: raised.id,
        note: '镇民政办现场指导办理',
      }),
    ).resolveWhistle;
    expect(resolved.stateLabel).toBe('镇级解决');
    expect(
      errorCode(
        await step('township', 'blowWhistle', 'BlowWhistleInput', {
          id: raised.id,
          departmentIds: [org.roads],
        }),
      ),
    ).toBe('CONFLICT');
    const evaluated = dataOf(
      await step('village', 'evaluateWhistle', 'EvaluateWhistleInput', {
        id: raised.id,
        satisfaction: 'DISSATISFIED',
      }),
    ).evaluateWhistle;
    expect(evaluated.state).toBe('EVALUATED');
  });

  it('flags reports past their working-day deadline, open or answered late', async () => {
    // Entered from the township's paper records: raised Thursday 2024-09-26, whistled Friday
    // 2024-09-27 with one working day. Sunday 2024-09-29 was a make-up workday, so both reports
    // were due by its end, long past now; the departments' own steps are dated by the server.
    const raised = await raise('村西排灌站年久失修', '2024-09-26T01:00:00Z');
    const whistled = dataOf(
      await step('township', 'blowWhistle', 'BlowWhistleInput', {
        id: raised.id,
        departmentIds: [org.water, org.roads],
        workingDays: 1,
        at: '2024-09-27T02:00:00Z',
      }),
    ).blowWhistle;
    expect(whistled.reports.map((r: any) => [r.dueDate, r.dueAt, r.overdue])).toEqual([
      ['2024-09-29', '2024-09-29T16:00:00.000Z', true],
      ['2024-09-29', '2024-09-29T16:00:00.000Z', true],
    ]);
    expect(whistled.overdue).toBe(true);
    const report = (mutation: string, type: string, extra = {}) =>
      step('water', mutation, type, { id: raised.id, departmentId: org.water, ...extra });
    dataOf(await report('acceptWhistle', 'AcceptWhistleInput'));
    dataOf(await report('actOnWhistle', 'ActOnWhistleInput', { note: '维修泵房' }));
    const answered = dataOf(
      await report('answerWhistle', 'AnswerWhistleInput', { answer: '泵房已修复' }),
    ).answerWhistle;
    expect(answered.reports.map((r: any) => [r.state, r.overdue])).toEqual([
      ['ANSWERED', true],
      ['ADDRESSED', true],
    ]);
    const listed = async (overdue: boolean) =>
      dataOf(
        await admin('township').q(
          `query($o: ID!, $overdue: Boolean) { organization(id: $o) {
            whistles(filter: { states: [WHISTLED], overdue: $overdue }, first: 100) {
              edges { node { id overdue } } } } }`,
          { o: org.township, overdue },
        ),
      ).organization.whistles.edges.map((e: any) => e.node);
    expect(await listed(true)).toContainEqual({ id: raised.id, overdue: true });
    expect((await listed(false)).map((w: any) => w.id)).not.toContain(raised.id);
    // A problem whistled now, with its five working days ahead, is the other way round.
    const fresh = await raise('村口路灯不亮');
    dataOf(
      await step('township', 'blowWhistle', 'BlowWhistleInput', {
        id: fresh.id,
        departmentIds: [org.roads],
      }),
    );
    expect(await listed(false)).toContainEqual({ id: fresh.id, overdue: false });
    expect((await listed(true)).map((w: any) => w.id)).not.toContain(fresh.id);

    // September 2024's figures for the county: one problem whistled to two departments, one
    // answered, late.
    const september = await eventually(async () => {
      const figures = dataOf(await stats('county', org.county, '2024-09')).whistleStats;
      expect(figures.answered).toBe(1);
      return figures;
    });
    expect(september).toMatchObject({
      raised: 1,
      whistled: 1,
      reports: 2,
      answered: 1,
      answeredOnTime: 0,
      onTimeRate: 0,
      byCategory: [{ category: 'LIVELIHOOD', categoryLabel: '民生保障', whistled: 1 }],
    });
    expect(september.byDepartment).toContainEqual({
      departmentId: org.water,
      addressed: 1,
      answered: 1,
      answeredOnTime: 0,
      onTimeRate: 0,
    });
  });

  it('refuses a raise outside the caller and a statistics read outside its county', async () => {
    const raisedElsewhere = await step('village2', 'raiseWhistle', 'RaiseWhistleInput', {
      requesterId: org.village,
      title: '越权上报',
      category: 'LIVELIHOOD',
    });
    expect(errorCode(raisedElsewhere)).toBe('FORBIDDEN');
    const notAVillage = await step('county', 'raiseWhistle', 'RaiseWhistleInput', {
      requesterId: org.roads,
      title: '不是村',
      category: 'LIVELIHOOD',
    });
    expect(errorFields(notAVillage)).toEqual(['input.requesterId']);
    const untitled = await step('village', 'raiseWhistle', 'RaiseWhistleInput', {
      requesterId: org.village,
      category: 'LIVELIHOOD',
    });
    expect(errorFields(untitled)).toEqual(['input.title']);
    expect(errorCode(await stats('county2', org.county, '2024'))).toBe('FORBIDDEN');
    expect(errorFields(await stats('county', org.county, '2024-13'))).toEqual(['period']);
  });

  it("answers the county's statistics for the period from its tallies, each event counted once", async () => {
    // 西关村's only problem is this test's, so its figures are exact; 东关村's are the other
    // tests', and the township and county add the two up.
    const raised = dataOf(
      await step('village2', 'raiseWhistle', 'RaiseWhistleInput', {
        requesterId: org.village2,
        title: '村内垃圾清运不及时',
        category: 'ENVIRONMENT',
      }),
    ).raiseWhistle;
    dataOf(
      await step('township', 'blowWhistle', 'BlowWhistleInput', {
        id: raised.id,
        departmentIds: [org.water],
      }),
    );
    for (const [mutation, type, extra] of [
      ['acceptWhistle', 'AcceptWhistleInput', {}],
      ['actOnWhistle', 'ActOnWhistleInput', { note: '协调环卫车辆' }],
      ['answerWhistle', 'AnswerWhistleInput', { answer: '已恢复每日清运' }],
    ] as const)
      dataOf(
        await step('water', mutation, type, { id: raised.id, departmentId: org.water, ...extra }),
      );
    // The answer delivered a second time (a redelivery after a crash): same id, same key, so it
    // reaches the tallies before the evaluation below and must add nothing.
    const probe = stack.probe(Topics.volunteeringWhistles);
    const isAnswer = (m: KafkaMessage) =>
      m.key?.toString() === raised.id && m.value!.toString().includes('report-answered');
    const [answer] = (await probe.waitFor((messages) => messages.some(isAnswer))).filter(isAnswer);
    const producer = stack.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: Topics.volunteeringWhistles,
      messages: [{ key: answer.key, value: answer.value, headers: answer.headers }],
    });
    await producer.disconnect();
    dataOf(
      await step('village2', 'evaluateWhistle', 'EvaluateWhistleInput', {
        id: raised.id,
        satisfaction: 'BASICALLY_SATISFIED',
      }),
    );

    const month = shanghaiMonth(new Date());
    const own = await eventually(async () => {
      const figures = dataOf(await stats('village2', org.village2, month)).whistleStats;
      expect(figures.evaluated).toBe(1);
      return figures;
    }, 60_000);
    expect(own).toEqual({
      raised: 1,
      resolved: 0,
      whistled: 1,
      reports: 1,
      answered: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      evaluated: 1,
      satisfied: 1,
      satisfiedRate: 1,
      byCategory: [{ category: 'ENVIRONMENT', categoryLabel: '生态环境', whistled: 1 }],
      byDepartment: [
        { departmentId: org.water, addressed: 1, answered: 1, answeredOnTime: 1, onTimeRate: 1 },
      ],
    });
    const [county, township, village] = await Promise.all([
      stats('county', org.county, month),
      stats('township', org.township, month),
      stats('village', org.village, month),
    ]).then((answers) => answers.map((a) => dataOf(a).whistleStats));
    expect(township).toEqual(county);
    for (const figure of ['raised', 'resolved', 'whistled', 'reports', 'answered', 'evaluated'])
      expect(county[figure]).toBe(village[figure] + own[figure]);
    // The year holds the month.
    const year = month.slice(0, 4);
    const yearly = dataOf(await stats('village2', org.village2, year)).whistleStats;
    expect(yearly).toEqual(own);
  });
});
