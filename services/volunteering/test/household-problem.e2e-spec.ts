import type { KafkaMessage } from 'kafkajs';
import { dlqTopicOf, Topics } from '@jiceng/events';
import { createKafka, EventProducer } from '@jiceng/kafka';
import {
  dataOf,
  errorCode,
  errorFields,
  eventually,
  testIdNumber,
  tokenFor,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';

// 党员联系户 → 群众诉求 over the real broker and store: a member's visit that finds a problem (members)
// opens a service request (volunteering) in the community above the grid, once however often the
// event comes; the community then takes it through the five-step loop.

const SOURCE = 'source { visitId householdId gridId memberId }';
const REQUEST = `id communityId title description category categoryLabel channel channelLabel
  state stateLabel history { state by } ${SOURCE}`;
const LIST = `query($id: ID!) { organization(id: $id) { serviceRequests(first: 100) {
  totalCount edges { node { id title channel ${SOURCE} } } } } }`;

const eventOf = (m: KafkaMessage) =>
  JSON.parse(m.value!.toString()) as { type: string; data: Record<string, unknown> };

describe('household problems as service requests (走访发现)', () => {
  const stack = withSubgraphStack({
    tag: 'hp',
    services: ['organizations', 'members', 'volunteering'],
    tree: YUNHE_SAMPLE,
    probes: [
      Topics.membersHouseholdContacts,
      dlqTopicOf(Topics.membersHouseholdContacts),
      Topics.volunteeringServiceRequests,
    ],
  });
  const { org, q } = stack;
  const kafka = createKafka('jiceng-volunteering-household-problem-test');
  const producer = new EventProducer(kafka);
  const communityAdmin = () => tokenFor('ORG_ADMIN', org.communityA);
  const ids: Record<string, string> = {};

  const byId = async (id: string) =>
    dataOf(
      await q(communityAdmin(), `query($id: ID!) { serviceRequest(id: $id) { ${REQUEST} } }`, {
        id,
      }),
    ).serviceRequest;
  const listed = async () =>
    dataOf(await q(communityAdmin(), LIST, { id: org.communityA })).organization.serviceRequests;
  const visit = async (problem: object | undefined, visitedOn: string) =>
    dataOf(
      await q(
        tokenFor('MEMBER', org.gridA, ids.member),
        `mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { id } }`,
        {
          input: {
            householdId: ids.household,
            visitedOn,
            duties: ['DISPUTE_MEDIATION'],
            ...(problem && { problem }),
          },
        },
      ),
    ).recordHouseholdVisit.id as string;
  const step = async (mutation: string, type: string, input: object) =>
    dataOf(
      await q(
        communityAdmin(),
        `mutation($input: ${type}!) { ${mutation}(input: $input) { id state stateLabel } }`,
        { input },
      ),
    )[mutation];

  beforeAll(async () => {
    ids.member = dataOf(
      await q(
        stack.adminToken,
        'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
        {
          input: {
            organizationId: org.gridA,
            name: '走访党员',
            idNumber: testIdNumber(41, '19760302'),
            status: 'FULL',
            statusSince: '2004-07-01T00:00:00+08:00',
          },
        },
      ),
    ).registerMember.id;
    ids.household = dataOf(
      await q(
        tokenFor('ORG_ADMIN', org.streetA),
        'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id } }',
        {
          input: {
            organizationId: org.gridA,
            address: '5号楼1单元302',
            memberId: ids.member,
            assignedOn: '2026-09-01',
          },
        },
      ),
    ).registerHousehold.id;
  }, 300_000);
  afterAll(() => producer.disconnect());

  it('opens one request in the community above the grid, however often the visit is delivered', async () => {
    ids.visit = await visit(
      { description: '楼上装修噪音引发邻里矛盾', category: 'DISPUTE' },
      '2026-11-03',
    );

    const opened = await eventually(async () => {
      const request = await byId(ids.visit);
      expect(request).not.toBeNull();
      return request;
    }, 60_000);
    // The request is the visit's (same id): the problem's text stays in members, the title names
    // its kind.
    expect(opened).toEqual({
      id: ids.visit,
      communityId: org.communityA,
      title: '走访发现：矛盾纠纷',
      description: null,
      category: 'NEIGHBOR_DISPUTE',
      categoryLabel: '邻里纠纷',
      channel: 'HOUSEHOLD_VISIT',
      channelLabel: '走访发现',
      state: 'REPORTED',
      stateLabel: '采集上报',
      history: [{ state: 'REPORTED', by: 'members:household-visit' }],
      source: {
        visitId: ids.visit,
        householdId: ids.household,
        gridId: org.gridA,
        memberId: ids.member,
      },
    });
    expect(JSON.stringify(opened)).not.toContain('噪音');

    // Redeliver the very message, then record a visit without a problem and one with another:
    // all three are keyed by the grid, so once the last one's request is there the redelivery
    // has been handled before it.
    const ofVisit = (all: KafkaMessage[]) =>
      all.filter((m) => JSON.parse(m.value!.toString()).data.visit?.visitId === ids.visit);
    const [message] = ofVisit(
      await stack
        .probe(Topics.membersHouseholdContacts)
        .waitFor((all) => ofVisit(all).length > 0, 60_000),
    );
    await producer.send(Topics.membersHouseholdContacts, [
      { key: message.key!.toString(), value: message.value!.toString(), headers: message.headers },
    ]);
    await visit(undefined, '2026-11-04');
    ids.second = await visit(
      { description: '楼道堆放杂物', category: 'ENVIRONMENT' },
      '2026-11-05',
    );
    await eventually(async () => expect(await byId(ids.second)).not.toBeNull(), 60_000);

    // The redelivery met the request's `_id` and was a duplicate, not a failure dead-lettered.
    expect(ofVisit(stack.probe(dlqTopicOf(Topics.membersHouseholdContacts)).messages)).toEqual([]);
    const list = await listed();
    expect(list.totalCount).toBe(2);
    expect(list.edges.map((e: any) => e.node.id).sort()).toEqual([ids.visit, ids.second].sort());
    expect(list.edges.find((e: any) => e.node.id === ids.second).node).toMatchObject({
      title: '走访发现：环境卫生',
      channel: 'HOUSEHOLD_VISIT',
      source: { visitId: ids.second, householdId: ids.household },
    });
    // Nor does the street's community-less grid or any other community see it.
    expect(
      dataOf(await q(tokenFor('ORG_ADMIN', org.communityB), LIST, { id: org.communityB }))
        .organization.serviceRequests.totalCount,
    ).toBe(0);
  });

  it('takes the request through the loop to 核查结案, and members counts the problem solved', async () => {
    await step('acceptServiceRequest', 'AcceptServiceRequestInput', { id: ids.visit });
    await step('respondServiceRequest', 'RespondServiceRequestInput', {
      id: ids.visit,
      response: '社区调解员上门协调装修时间',
    });
    const closed = await step('closeServiceRequest', 'CloseServiceRequestInput', {
      id: ids.visit,
      note: '回访双方，矛盾已化解',
    });
    expect(closed).toEqual({ id: ids.visit, state: 'CLOSED', stateLabel: '核查结案' });
    expect((await byId(ids.visit)).history.map((h: { state: string }) => h.state)).toEqual([
      'REPORTED',
      'ACCEPTED',
      'RESPONDED',
      'CLOSED',
    ]);
    // The way back: each step's event names the visit, so members can count its problem solved
    // on `closed` (the request's steps in order, keyed by the request).
    const steps = await stack
      .probe(Topics.volunteeringServiceRequests)
      .waitFor(
        (all) =>
          all.some((m) => m.key?.toString() === ids.visit && eventOf(m).type.endsWith('.closed')),
        60_000,
      );
    const mine = steps.filter((m) => m.key?.toString() === ids.visit).map(eventOf);
    expect(mine.map((e) => e.type)).toEqual([
      'jiceng.volunteering.service-request.reported',
      'jiceng.volunteering.service-request.accepted',
      'jiceng.volunteering.service-request.responded',
      'jiceng.volunteering.service-request.closed',
    ]);
    expect(mine[3].data).toEqual({
      requestId: ids.visit,
      communityId: org.communityA,
      at: expect.any(String),
      source: {
        visitId: ids.visit,
        householdId: ids.household,
        gridId: org.gridA,
        memberId: ids.member,
      },
    });

    // Members reads it: the visit's problem is solved, and the street's figures count it.
    const problem = await eventually(async () => {
      const found = dataOf(
        await q(
          tokenFor('ORG_ADMIN', org.streetA),
          `query($id: ID!) { organization(id: $id) { householdVisits(month: "2026-11", first: 10) {
            edges { node { id version problem { solvedOn solution } } } } } }`,
          { id: org.gridA },
        ),
      ).organization.householdVisits.edges.find((e: any) => e.node.id === ids.visit).node;
      expect(found.version).toBe(2);
      return found.problem;
    }, 60_000);
    expect(problem).toEqual({ solvedOn: expect.any(String), solution: '群众诉求核查结案' });
    const stats = dataOf(
      await q(
        tokenFor('ANALYST', org.streetA),
        `query($org: ID!, $month: String!) { householdContactStats(organizationId: $org, month: $month) {
          totals { problemsFound problemsSolved } } }`,
        { org: org.streetA, month: '2026-11' },
      ),
    ).householdContactStats.totals;
    expect(stats).toEqual({ problemsFound: 2, problemsSolved: 1 });
  });

  it('lets no one report through the household-visit channel by hand', async () => {
    const res = await q(
      communityAdmin(),
      'mutation($input: ReportServiceRequestInput!) { reportServiceRequest(input: $input) { id } }',
      {
        input: {
          communityId: org.communityA,
          title: '手工走访诉求',
          category: 'OTHER',
          channel: 'HOUSEHOLD_VISIT',
        },
      },
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res)).toEqual(['input.channel']);
    expect((await listed()).totalCount).toBe(2);
  });
});
