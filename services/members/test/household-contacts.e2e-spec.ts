import { Types } from 'mongoose';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  tokenFor,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';
import { idNumberCheckCharacter } from '../src/personal-data/id-number';

// 党员联系户 through the gateway over the real broker and Mongo-wire server: households with an
// encrypted, masked phone; the 15-households cap across grids; reassignment with its history;
// visits on time and late and the duty they make; a township's figures; the appraisal rule
// reading the duty; and an ORG_ADMIN of another subtree refused. Months are in 2026 (before this
// suite's "today"), entered after the fact with assignedOn.

const idNumber = (birth: string, seq: number) => {
  const first17 = `130903${birth}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};

const HOUSEHOLD = `id address phone memberId assignedOn registeredOn organization { id }
  history { fromMemberId toMemberId assignedOn by }`;
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { ${HOUSEHOLD} } }`;
const ASSIGN = `mutation($input: AssignHouseholdInput!) { assignHousehold(input: $input) { ${HOUSEHOLD} } }`;
const VISIT_FIELDS = `id householdId memberId visitedOn onTime duties dutyLabels version
  problem { category categoryLabel description solvedOn solution }`;
const VISIT = `mutation($input: RecordHouseholdVisitInput!) { recordHouseholdVisit(input: $input) { ${VISIT_FIELDS} } }`;
const RESOLVE = `mutation($input: ResolveHouseholdProblemInput!) { resolveHouseholdProblem(input: $input) { ${VISIT_FIELDS} } }`;
const DUTY = `query($id: ID!, $month: String!) { member(id: $id) { householdContactDuty(month: $month) {
  month status statusLabel assigned visitedOnTime visitedLate notVisitedOnTime } } }`;
const TOTALS =
  'grids gridsCovered households covered visitedOnTime visitedLate members overdueMembers problemsFound problemsSolved';
const STATS = `query($org: ID!, $month: String!) { householdContactStats(organizationId: $org, month: $month) {
  month totals { ${TOTALS} } children { organization { id } totals { ${TOTALS} } }
  grids { totalCount edges { node { organization { id } covered visitedOnTime overdueMemberIds } } } } }`;

interface ContactEvent {
  id: string;
  type: string;
  subject: string;
  data: any;
}

describe('household contacts (党员联系户) through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'hc',
    services: ['organizations', 'members'],
    env: {
      organizations: { OUTBOX_SCAN_MS: '600000' },
      members: { OUTBOX_SCAN_MS: '600000', APPRAISAL_RULE_HOUSEHOLD_CONTACT: '1' },
    },
    tree: [
      ...YUNHE_SAMPLE,
      // A 党小组 of gridA's branch: gridA's members contact its households too.
      {
        key: 'groupA',
        parent: 'gridA',
        name: '朝阳第一网格第一党小组',
        kind: 'GROUP',
        sector: 'GRID',
      },
    ],
    probes: [Topics.membersHouseholdContacts],
  });
  const { org, q } = stack;
  const admin = stack.adminToken;
  const people: Record<string, string> = {};
  const homes: Record<string, string> = {};
  const probe = () => stack.probe(Topics.membersHouseholdContacts);
  const db = () => stack.db('members');
  // The topic is shared with other runs: only this suite's grids' events (keyed by grid).
  const events = (): ContactEvent[] =>
    probe()
      .messages.map((m) => JSON.parse(m.value!.toString()) as ContactEvent)
      .filter((e) => [org.gridA, org.groupA, org.gridB].includes(e.subject));
  const streetAdmin = () => tokenFor('ORG_ADMIN', org.streetA);
  const memberToken = (key: string) => tokenFor('MEMBER', org.gridA, people[key]);

  const register = async (key: string, organizationId: string, seq: number) => {
    const res = await q(
      admin,
      'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
      {
        input: {
          organizationId,
          name: `联系户${key}`,
          idNumber: idNumber('19750101', seq),
          status: 'FULL',
          statusSince: '2005-07-01T00:00:00+08:00',
        },
      },
    );
    people[key] = dataOf(res).registerMember.id;
  };
  const household = async (input: object, token = streetAdmin()) =>
    dataOf(await q(token, REGISTER, { input })).registerHousehold;
  const visit = async (token: string, householdId: string, visitedOn: string, extra = {}) =>
    dataOf(
      await q(token, VISIT, {
        input: { householdId, visitedOn, duties: ['POLICY_PUBLICITY'], ...extra },
      }),
    ).recordHouseholdVisit;
  const duty = async (key: string, month: string) =>
    dataOf(await q(admin, DUTY, { id: people[key], month })).member.householdContactDuty;

  beforeAll(async () => {
    await register('alice', org.gridA, 1);
    await register('bob', org.gridA, 2);
    await register('carol', org.gridA, 3);
    await register('erin', org.gridB, 4);
  }, 300_000);

  it('refuses a bad household field by field and writes nothing', async () => {
    const res = await q(streetAdmin(), REGISTER, {
      input: {
        organizationId: org.communityA,
        address: '1号楼1单元101',
        phone: '0335-1234567',
        memberId: people.erin,
      },
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res).sort()).toEqual([
      'input.memberId',
      'input.organizationId',
      'input.phone',
    ]);
    expect(await db().collection('household_rosters').countDocuments()).toBe(0);
  });

  it('keeps the phone encrypted at rest and masks it for those who do not manage the grid', async () => {
    const created = await household({
      organizationId: org.gridA,
      address: '3号楼2单元501',
      phone: '+86 138-1234-5678',
      memberId: people.alice,
      assignedOn: '2026-09-01',
    });
    homes.h1 = created.id;
    expect(created).toMatchObject({
      address: '3号楼2单元501',
      phone: '13812345678',
      memberId: people.alice,
      assignedOn: '2026-09-01',
      registeredOn: '2026-09-01',
      organization: { id: org.gridA },
      history: [{ fromMemberId: null, toMemberId: people.alice, assignedOn: '2026-09-01' }],
    });
    homes.h2 = (
      await household({
        organizationId: org.gridA,
        address: '3号楼2单元502',
        memberId: people.alice,
        assignedOn: '2026-09-01',
      })
    ).id;

    const stored = await db()
      .collection('household_rosters')
      .findOne({ _id: new Types.ObjectId(org.gridA) as any });
    const raw = JSON.stringify(stored);
    expect(raw).toContain('3号楼2单元501');
    expect(raw).not.toContain('13812345678');
    expect(raw).not.toContain('12345678');
    expect(stored!.households[0].phone).toEqual(
      expect.objectContaining({ kid: expect.any(String), ct: expect.any(String) }),
    );

    const READ = `query($id: ID!) { household(id: $id) { phone } }`;
    const analyst = await q(tokenFor('ANALYST', org.streetA), READ, { id: homes.h1 });
    expect(dataOf(analyst).household.phone).toBe('138****5678');
    const auditor = await q(tokenFor('AUDITOR', org.province), READ, { id: homes.h1 });
    expect(dataOf(auditor).household.phone).toBe('138****5678');
    // The member holding it sees it in clear, on its own record.
    const own = await q(
      memberToken('alice'),
      `query($id: ID!) { member(id: $id) { contactHouseholds { id phone } } }`,
      { id: people.alice },
    );
    expect(dataOf(own).member.contactHouseholds).toEqual([
      { id: homes.h1, phone: '13812345678' },
      { id: homes.h2, phone: null },
    ]);
    expect(errorCode(await q(memberToken('alice'), READ, { id: homes.h1 }))).toBe('FORBIDDEN');

    const again = await q(streetAdmin(), REGISTER, {
      input: { organizationId: org.gridA, address: '3号楼 2单元501' },
    });
    expect(errorFields(again)).toEqual(['input.address']);

    await probe().waitFor(() => events().some((e) => e.data.household?.householdId === homes.h1));
    const event = events().find((e) => e.data.household?.householdId === homes.h1)!;
    expect(event.type).toBe('jiceng.members.household.registered');
    expect(event.subject).toBe(org.gridA);
    expect(event.data.household).toMatchObject({
      gridId: org.gridA,
      memberId: people.alice,
      previousMemberId: null,
      assignedOn: '2026-09-01',
    });
    expect(JSON.stringify(event)).not.toContain('3号楼');
    expect(JSON.stringify(event)).not.toContain('5678');
  });

  it('refuses a 16th household, counting every grid the member contacts in', async () => {
    // 14 in gridA and one in its 党小组 make 15.
    for (let i = 1; i <= 14; i++)
      await household({
        organizationId: org.gridA,
        address: `5号楼${i}01`,
        memberId: people.carol,
      });
    await household({ organizationId: org.groupA, address: '6号楼101', memberId: people.carol });
    const sixteenth = await q(streetAdmin(), REGISTER, {
      input: { organizationId: org.gridA, address: '5号楼1501', memberId: people.carol },
    });
    expect(errorFields(sixteenth)).toEqual(['input.memberId']);
    expect(JSON.stringify(sixteenth.errors)).toContain('holds 15 households already');
    const unassigned = await household({ organizationId: org.gridA, address: '5号楼1501' });
    const toCarol = await q(streetAdmin(), ASSIGN, {
      input: { householdId: unassigned.id, memberId: people.carol },
    });
    expect(errorFields(toCarol)).toEqual(['input.memberId']);
    const roster = await db()
      .collection('household_rosters')
      .findOne({ _id: new Types.ObjectId(org.gridA) as any });
    expect(roster!.households.filter((h: any) => String(h.memberId) === people.carol)).toHaveLength(
      14,
    );
  });

  it('reassigns a household and keeps who, from, to and when', async () => {
    const bad = await q(tokenFor('ORG_ADMIN', org.gridA), ASSIGN, {
      input: { householdId: homes.h1, memberId: people.alice, assignedOn: '2026-08-01' },
    });
    expect(errorFields(bad).sort()).toEqual(['input.assignedOn', 'input.memberId']);
    const res = await q(tokenFor('ORG_ADMIN', org.gridA), ASSIGN, {
      input: { householdId: homes.h1, memberId: people.bob, assignedOn: '2026-10-15' },
    });
    const moved = dataOf(res).assignHousehold;
    expect(moved).toMatchObject({ memberId: people.bob, assignedOn: '2026-10-15' });
    expect(moved.history).toEqual([
      expect.objectContaining({ fromMemberId: null, toMemberId: people.alice }),
      {
        fromMemberId: people.alice,
        toMemberId: people.bob,
        assignedOn: '2026-10-15',
        by: expect.any(String),
      },
    ]);
    await probe().waitFor(() =>
      events().some((e) => e.type === 'jiceng.members.household.assigned'),
    );
    const assigned = events().filter((e) => e.type === 'jiceng.members.household.assigned');
    expect(assigned.map((e) => e.data.household)).toEqual([
      expect.objectContaining({
        householdId: homes.h1,
        memberId: people.bob,
        previousMemberId: people.alice,
        assignedOn: '2026-10-15',
      }),
    ]);
  });

  it('records visits on time and late, by the member itself or its admin, and the duty they make', async () => {
    // September: both on time. October: h2 late. November: h1 is bob's, who does not visit.
    expect(await visit(memberToken('alice'), homes.h1, '2026-09-05')).toMatchObject({
      memberId: people.alice,
      onTime: true,
      dutyLabels: ['政策宣传'],
    });
    await visit(memberToken('alice'), homes.h2, '2026-09-10');
    await visit(memberToken('alice'), homes.h1, '2026-10-08');
    const late = await visit(tokenFor('ORG_ADMIN', org.gridA), homes.h2, '2026-10-20', {
      duties: ['CIVILITY', 'HARDSHIP_HELP'],
    });
    expect(late).toMatchObject({ onTime: false, dutyLabels: ['文明新风', '帮助解决困难'] });
    const found = await visit(memberToken('alice'), homes.h2, '2026-11-03', {
      problem: { description: '独居老人家中水管漏水', category: 'HARDSHIP' },
    });
    expect(found.problem).toMatchObject({ category: 'HARDSHIP', categoryLabel: '生活困难' });

    // bob does not hold h2, and nobody held h1 before September.
    expect(
      errorCode(
        await q(memberToken('bob'), VISIT, {
          input: { householdId: homes.h2, visitedOn: '2026-11-02', duties: ['OTHER'] },
        }),
      ),
    ).toBe('FORBIDDEN');
    const early = await q(admin, VISIT, {
      input: { householdId: homes.h1, visitedOn: '2026-08-20', duties: ['OTHER'] },
    });
    expect(errorFields(early)).toEqual(['input.visitedOn']);
    const future = await q(admin, VISIT, {
      input: { householdId: homes.h1, visitedOn: '2099-01-02', duties: ['OTHER'] },
    });
    expect(errorFields(future)).toEqual(['input.visitedOn']);
    const noDuty = await q(admin, VISIT, {
      input: { householdId: homes.h1, visitedOn: '2026-11-02', duties: [] },
    });
    expect(errorFields(noDuty)).toEqual(['input.duties']);

    expect(await duty('alice', '2026-09')).toMatchObject({
      status: 'MET',
      statusLabel: '已按时走访',
      assigned: 2,
      visitedOnTime: 2,
    });
    expect(await duty('alice', '2026-10')).toEqual({
      month: '2026-10',
      status: 'MISSED',
      statusLabel: '逾期未走访',
      assigned: 2,
      visitedOnTime: 1,
      visitedLate: 1,
      notVisitedOnTime: [homes.h2],
    });
    expect(await duty('alice', '2026-11')).toMatchObject({ status: 'MET', assigned: 1 });
    expect(await duty('bob', '2026-10')).toMatchObject({ status: 'NONE', assigned: 0 });
    expect(await duty('bob', '2026-11')).toMatchObject({
      status: 'MISSED',
      notVisitedOnTime: [homes.h1],
    });

    // The problem's event carries what volunteering would open a service request from, and the
    // member's branch the credit ledger shares the visit's points with.
    await probe().waitFor(() => events().some((e) => e.data.visit?.visitId === found.id));
    const event = events().find((e) => e.data.visit?.visitId === found.id)!;
    expect(event.type).toBe('jiceng.members.household-visit.recorded');
    expect(event.data.visit).toEqual({
      visitId: found.id,
      version: 1,
      householdId: homes.h2,
      gridId: org.gridA,
      memberId: people.alice,
      // Her branch, for the credit ledger's branch share.
      branchId: org.gridA,
      visitedOn: '2026-11-03',
      onTime: true,
      duties: ['POLICY_PUBLICITY'],
      problem: { category: 'HARDSHIP', solved: false },
    });
    expect(JSON.stringify(event)).not.toContain('水管');

    const solved = dataOf(
      await q(tokenFor('ORG_ADMIN', org.gridA), RESOLVE, {
        input: { visitId: found.id, solution: '志愿者上门维修', solvedOn: '2026-11-05' },
      }),
    ).resolveHouseholdProblem;
    expect(solved).toMatchObject({ version: 2, problem: { solvedOn: '2026-11-05' } });
    const twice = await q(admin, RESOLVE, {
      input: { visitId: found.id, solution: '再次', solvedOn: '2026-11-06' },
    });
    expect(errorFields(twice)).toEqual(['input.visitId']);
    expect(
      errorCode(
        await q(memberToken('alice'), RESOLVE, {
          input: { visitId: found.id, solution: '再次', solvedOn: '2026-11-06' },
        }),
      ),
    ).toBe('FORBIDDEN');
    await probe().waitFor(() =>
      events().some((e) => e.type === 'jiceng.members.household-problem.resolved'),
    );
  });

  it("answers a township's figures from its grids' read models, rolled up to its children", async () => {
    const october = dataOf(
      await q(tokenFor('ANALYST', org.streetA), STATS, { org: org.streetA, month: '2026-10' }),
    ).householdContactStats;
    expect(october.totals).toEqual({
      grids: 2, // gridA and its 党小组
      gridsCovered: 1, // the 党小组's one household came in December
      households: 2,
      covered: 2,
      visitedOnTime: 1,
      visitedLate: 1,
      members: 1,
      overdueMembers: 1,
      problemsFound: 0,
      problemsSolved: 0,
    });
    expect(october.children).toEqual([
      { organization: { id: org.communityA }, totals: october.totals },
    ]);
    const gridA = october.grids.edges.find((e: any) => e.node.organization.id === org.gridA).node;
    expect(gridA).toEqual({
      organization: { id: org.gridA },
      covered: 2,
      visitedOnTime: 1,
      overdueMemberIds: [people.alice],
    });

    const november = dataOf(
      await q(admin, STATS, { org: org.district, month: '2026-11' }),
    ).householdContactStats;
    expect(november.totals).toMatchObject({
      grids: 3,
      gridsCovered: 1,
      covered: 2,
      visitedOnTime: 1,
      overdueMembers: 1,
      problemsFound: 1,
      problemsSolved: 1,
    });
    // streetB holds gridB, which has no households yet.
    expect(november.children.map((c: any) => c.organization.id).sort()).toEqual(
      [org.streetA, org.streetB].sort(),
    );
    expect(
      november.children.find((c: any) => c.organization.id === org.streetB).totals,
    ).toMatchObject({ grids: 1, households: 0, covered: 0 });

    const listed = dataOf(
      await q(
        streetAdmin(),
        `query($id: ID!) { organization(id: $id) { households(first: 10) { totalCount
          pageInfo { hasNextPage } edges { node { id } } }
          householdVisits(month: "2026-10") { totalCount edges { node { householdId onTime } } } } }`,
        { id: org.gridA },
      ),
    ).organization;
    // h1, h2, carol's 15 (one of them in the 党小组) and the unassigned one.
    expect(listed.households.totalCount).toBe(18);
    expect(listed.households.pageInfo.hasNextPage).toBe(true);
    expect(listed.householdVisits.totalCount).toBe(2);

    const badMonth = await q(admin, STATS, { org: org.streetA, month: '2026-Q4' });
    expect(errorFields(badMonth)).toEqual(['month']);
    expect(
      errorCode(await q(memberToken('alice'), STATS, { org: org.gridA, month: '2026-10' })),
    ).toBe('FORBIDDEN');
  });

  it('refuses 好 in the appraisal to a member who missed a month, with the rule on', async () => {
    const APPRAISE = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { grade version } }`;
    const input = (memberId: string, grade: string) => ({
      input: { memberId, year: 2026, grade, decision: '支部党员大会评议', decidedOn: '2026-12-01' },
    });
    const refused = await q(admin, APPRAISE, input(people.alice, 'GOOD'));
    expect(errorFields(refused)).toEqual(['input.grade']);
    expect(JSON.stringify(refused.errors)).toContain('household-contact duty for 2026');
    expect(dataOf(await q(admin, APPRAISE, input(people.alice, 'FAIRLY_GOOD')))).toEqual({
      recordAppraisal: { grade: 'FAIRLY_GOOD', version: 1 },
    });
    // A member without households in 2026's months is not held to the duty.
    expect(dataOf(await q(admin, APPRAISE, input(people.erin, 'GOOD'))).recordAppraisal.grade).toBe(
      'GOOD',
    );
  });

  it("refuses an ORG_ADMIN of another subtree everything about streetA's households", async () => {
    const other = tokenFor('ORG_ADMIN', org.streetB);
    expect(errorCode(await q(other, STATS, { org: org.streetA, month: '2026-10' }))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await q(other, REGISTER, { input: { organizationId: org.gridA, address: '9号楼101' } }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await q(other, ASSIGN, { input: { householdId: homes.h2, memberId: people.bob } })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await q(other, VISIT, {
          input: { householdId: homes.h2, visitedOn: '2026-11-04', duties: ['OTHER'] },
        }),
      ),
    ).toBe('FORBIDDEN');
    const read = await q(other, `query($id: ID!) { household(id: $id) { id } }`, { id: homes.h2 });
    expect(dataOf(read).household).toBeNull();
  });
});
