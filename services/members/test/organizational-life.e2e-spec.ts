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

// 组织生活 through the gateway over the real broker and Mongo-wire server: meetings with
// attendance and their events, a correction, the compliance view of a subtree, appraisals, and
// the scope of an ORG_ADMIN of another subtree.

const idNumber = (birth: string, seq: number) => {
  const first17 = `130903${birth}${String(seq).padStart(3, '0')}`;
  return `${first17}${idNumberCheckCharacter(first17)}`;
};

const MEETING = `id kind kindLabel heldOn version present onLeave absent organization { id }
  attendance { id memberId status statusLabel reason version floating homeOrganization { id }
    corrections { from to note } }`;
const RECORD = `mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { ${MEETING} } }`;
const CORRECT = `mutation($input: CorrectAttendanceInput!) { correctAttendance(input: $input) { ${MEETING} } }`;
const COMPLIANCE = `query($org: ID!, $period: String!, $onlyMissing: Boolean) {
  meetingCompliance(organizationId: $org, period: $period) {
    period ruleVersions
    summary { branches branchesMissing meetings present onLeave absent attendanceRate
      byKind { kind kindLabel held branchesMissing } }
    branches(onlyMissing: $onlyMissing) { totalCount edges { node {
      organization { id } meetings missing missingLabels attendanceRate
      kinds { kind held required due missedSlots } } } }
  } }`;

interface LifeEvent {
  id: string;
  type: string;
  subject: string;
  data: any;
}

describe('organizational life through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'ol',
    services: ['organizations', 'members'],
    env: { organizations: { OUTBOX_SCAN_MS: '600000' }, members: { OUTBOX_SCAN_MS: '600000' } },
    tree: [
      ...YUNHE_SAMPLE,
      {
        key: 'site',
        parent: 'province',
        name: '雄安高铁站1标段临时党支部',
        kind: 'TEMPORARY_BRANCH',
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: '130632',
      },
    ],
    probes: [Topics.membersOrganizationalLife],
  });
  const { org, q } = stack;
  const admin = stack.adminToken;
  const people: Record<string, string> = {};
  const probe = () => stack.probe(Topics.membersOrganizationalLife);
  const db = () => stack.db('members');

  const events = (): LifeEvent[] =>
    probe().messages.map((m) => JSON.parse(m.value!.toString()) as LifeEvent);
  const eventsOf = (subject: string) => events().filter((e) => e.subject === subject);
  const meetingDocs = () => db().collection('meetings').countDocuments();
  const register = async (key: string, organizationId: string, seq: number) => {
    const res = await q(
      admin,
      'mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }',
      {
        input: {
          organizationId,
          name: `组织生活${key}`,
          idNumber: idNumber('19800101', seq),
          status: 'FULL',
          statusSince: '2010-07-01T00:00:00+08:00',
        },
      },
    );
    people[key] = dataOf(res).registerMember.id;
  };
  const meetingInput = (
    organizationId: string,
    kind: string,
    heldOn: string,
    attendance: object[],
  ) => ({
    organizationId,
    kind,
    heldOn,
    place: '党员活动室',
    topic: '学习党章',
    leader: '支部书记',
    attendance,
  });

  beforeAll(async () => {
    await register('alice', org.gridA, 1);
    await register('bob', org.gridA, 2);
    await register('carol', org.gridA, 3);
    await register('dave', org.gridB, 4); // floats to the project branch
    await register('erin', org.gridB, 5);
    dataOf(
      await q(
        admin,
        'mutation($input: AssignFloatingInput!) { assignFloating(input: $input) { id } }',
        {
          input: {
            memberId: people.dave,
            projectBranchId: org.site,
            from: '2024-03-01T00:00:00+08:00',
          },
        },
      ),
    );
  }, 300_000);

  let meetingId: string;

  it('refuses a bad meeting field by field and writes nothing', async () => {
    const before = await meetingDocs();
    const res = await q(admin, RECORD, {
      input: meetingInput(org.gridA, 'THEME_PARTY_DAY', '2099-01-01', [
        { memberId: people.alice, status: 'ON_LEAVE' },
        { memberId: people.erin, status: 'PRESENT' },
        { memberId: people.bob, status: 'PRESENT', reason: '出差' },
      ]),
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(errorFields(res).sort()).toEqual(
      [
        'input.heldOn',
        'input.attendance.0.reason',
        'input.attendance.1.memberId',
        'input.attendance.2.reason',
      ].sort(),
    );
    const notABranch = await q(admin, RECORD, {
      input: meetingInput(org.communityA, 'THEME_PARTY_DAY', '2024-04-10', [
        { memberId: people.alice, status: 'PRESENT' },
      ]),
    });
    expect(errorFields(notABranch)).toEqual([
      'input.attendance.0.memberId',
      'input.organizationId',
    ]);
    expect(await meetingDocs()).toBe(before);
  });

  it('records a meeting with its attendance and publishes it once, ids only', async () => {
    const res = await q(tokenFor('ORG_ADMIN', org.streetA), RECORD, {
      input: meetingInput(org.gridA, 'THEME_PARTY_DAY', '2024-04-10', [
        { memberId: people.alice, status: 'PRESENT' },
        { memberId: people.bob, status: 'ON_LEAVE', reason: '外出务工' },
        { memberId: people.carol, status: 'ABSENT' },
      ]),
    });
    const meeting = dataOf(res).recordMeeting;
    meetingId = meeting.id;
    expect(meeting).toMatchObject({
      kindLabel: '主题党日',
      version: 1,
      present: 1,
      onLeave: 1,
      absent: 1,
    });
    expect(meeting.attendance[1]).toMatchObject({ status: 'ON_LEAVE', reason: '外出务工' });

    await probe().waitFor(() => eventsOf(meetingId).length >= 1);
    await new Promise((r) => setTimeout(r, 2000));
    const [event, ...more] = eventsOf(meetingId);
    expect(more).toEqual([]);
    expect(event.type).toBe('jiceng.members.meeting.recorded');
    expect(event.data.meeting).toEqual({
      meetingId,
      version: 1,
      organizationId: org.gridA,
      kind: 'THEME_PARTY_DAY',
      heldOn: '2024-04-10',
    });
    expect(event.data.attendance).toHaveLength(3);
    expect(event.data.attendance[1]).toEqual({
      attendanceId: meeting.attendance[1].id,
      version: 1,
      memberId: people.bob,
      homeOrganizationId: org.gridA,
      floating: false,
      status: 'ON_LEAVE',
      previousStatus: null,
    });
    const raw = JSON.stringify(event);
    expect(raw).not.toContain('外出务工');
    expect(raw).not.toContain('组织生活');
    expect(
      await db()
        .collection('meetings')
        .countDocuments({ 'outbox.eventId': { $exists: true } }),
    ).toBe(0);
  });

  it('corrects an attendance after the fact and publishes the correction', async () => {
    const res = await q(tokenFor('ORG_ADMIN', org.gridA), CORRECT, {
      input: {
        meetingId,
        memberId: people.carol,
        status: 'PRESENT',
        note: '签到表漏记',
      },
    });
    const meeting = dataOf(res).correctAttendance;
    const carol = meeting.attendance.find((a: any) => a.memberId === people.carol);
    expect(meeting.version).toBe(2);
    expect(carol).toMatchObject({
      status: 'PRESENT',
      version: 2,
      corrections: [{ from: 'ABSENT', to: 'PRESENT', note: '签到表漏记' }],
    });
    const again = await q(admin, CORRECT, {
      input: { meetingId, memberId: people.carol, status: 'PRESENT', note: '重复' },
    });
    expect(errorFields(again)).toEqual(['input.status']);

    await probe().waitFor(() => eventsOf(meetingId).length >= 2);
    const correction = eventsOf(meetingId)[1];
    expect(correction.type).toBe('jiceng.members.attendance.corrected');
    expect(correction.data.meeting.version).toBe(2);
    expect(correction.data.attendance).toEqual([
      expect.objectContaining({
        attendanceId: carol.id,
        version: 2,
        memberId: people.carol,
        status: 'PRESENT',
        previousStatus: 'ABSENT',
      }),
    ]);

    // The member's own record follows the correction; a MEMBER reads its own attendance.
    const own = await q(
      tokenFor('MEMBER', org.gridA, people.carol),
      `query($id: ID!) { member(id: $id) { meetingAttendance(year: 2024) {
        present absent attendanceRate entries { id meetingId status version kindLabel } } } }`,
      { id: people.carol },
    );
    expect(dataOf(own).member.meetingAttendance).toEqual({
      present: 1,
      absent: 0,
      attendanceRate: 1,
      entries: [{ id: carol.id, meetingId, status: 'PRESENT', version: 2, kindLabel: '主题党日' }],
    });
  });

  it("counts a floating member's attendance of the project branch for the home record", async () => {
    const res = await q(admin, RECORD, {
      input: meetingInput(org.site, 'PARTY_LECTURE', '2024-04-20', [
        { memberId: people.dave, status: 'PRESENT' },
      ]),
    });
    const meeting = dataOf(res).recordMeeting;
    expect(meeting.attendance[0]).toMatchObject({
      floating: true,
      homeOrganization: { id: org.gridB },
    });
    const home = await q(
      tokenFor('ORG_ADMIN', org.gridB),
      `query($id: ID!) { member(id: $id) { meetingAttendance(year: 2024) {
        present entries { floating organization { id } } } } }`,
      { id: people.dave },
    );
    expect(dataOf(home).member.meetingAttendance).toEqual({
      present: 1,
      entries: [{ floating: true, organization: { id: org.site } }],
    });
  });

  it('shows the compliance of a subtree, with the branch that missed a required meeting', async () => {
    const full = (branch: string, skip: string | null) => {
      const inputs: object[] = [];
      for (const month of ['04', '05', '06'])
        for (const kind of ['BRANCH_COMMITTEE_MEETING', 'PARTY_GROUP_MEETING', 'THEME_PARTY_DAY'])
          if (`${kind}:${month}` !== skip) inputs.push({ kind, heldOn: `2024-${month}-15` });
      inputs.push({ kind: 'BRANCH_GENERAL_MEETING', heldOn: '2024-06-20' });
      inputs.push({ kind: 'PARTY_LECTURE', heldOn: '2024-05-20' });
      return inputs.map(({ kind, heldOn }: any) => ({ branch, kind, heldOn }));
    };
    // gridA already held its April 主题党日 above.
    const plan = [
      ...full(org.gridA, 'THEME_PARTY_DAY:04'),
      ...full(org.gridB, 'THEME_PARTY_DAY:05'),
    ];
    for (const { branch, kind, heldOn } of plan) {
      const attendance =
        branch === org.gridA
          ? [
              { memberId: people.alice, status: 'PRESENT' },
              { memberId: people.bob, status: 'PRESENT' },
            ]
          : [{ memberId: people.erin, status: 'ABSENT' }];
      dataOf(await q(admin, RECORD, { input: meetingInput(branch, kind, heldOn, attendance) }));
    }

    const district = dataOf(
      await q(admin, COMPLIANCE, { org: org.district, period: '2024-Q2' }),
    ).meetingCompliance;
    expect(district.ruleVersions).toEqual([1]);
    // gridA, gridB and the district's unit branch, which held nothing.
    expect(district.summary).toMatchObject({ branches: 3, branchesMissing: 2, meetings: 21 });
    expect(district.summary.byKind.find((k: any) => k.kind === 'THEME_PARTY_DAY')).toMatchObject({
      kindLabel: '主题党日',
      held: 5,
      branchesMissing: 2,
    });

    const missing = dataOf(
      await q(admin, COMPLIANCE, { org: org.district, period: '2024-Q2', onlyMissing: true }),
    ).meetingCompliance.branches;
    expect(missing.totalCount).toBe(2);
    const gridB = missing.edges.find((e: any) => e.node.organization.id === org.gridB).node;
    expect(gridB).toMatchObject({ missing: ['THEME_PARTY_DAY'], missingLabels: ['主题党日'] });
    expect(gridB.attendanceRate).toBe(0);
    expect(gridB.kinds.find((k: any) => k.kind === 'THEME_PARTY_DAY')).toEqual({
      kind: 'THEME_PARTY_DAY',
      held: 2,
      required: 3,
      due: 3,
      missedSlots: ['2024-05'],
    });
    expect(missing.edges.map((e: any) => e.node.organization.id)).not.toContain(org.gridA);

    const streetA = dataOf(
      await q(tokenFor('ANALYST', org.streetA), COMPLIANCE, {
        org: org.streetA,
        period: '2024-Q2',
      }),
    ).meetingCompliance;
    expect(streetA.summary).toMatchObject({ branches: 1, branchesMissing: 0, meetings: 11 });
    // 2 + 2 × 10 present of 3 + 2 × 10 recorded (the April meeting after its correction).
    expect(streetA.summary.attendanceRate).toBeCloseTo(22 / 23, 3);

    const listed = dataOf(
      await q(
        tokenFor('ORG_ADMIN', org.streetA),
        `query($id: ID!) { organization(id: $id) { meetings(period: "2024-Q2", first: 5) {
          totalCount pageInfo { hasNextPage } edges { node { id organization { id } } } } } }`,
        { id: org.streetA },
      ),
    ).organization.meetings;
    expect(listed.totalCount).toBe(11);
    expect(listed.pageInfo.hasNextPage).toBe(true);
    expect(listed.edges).toHaveLength(5);
    expect(listed.edges[0].node).toEqual({ id: meetingId, organization: { id: org.gridA } });
  });

  it('records and changes an appraisal, with an event carrying the previous grade', async () => {
    const APPRAISE = `mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) {
      year grade gradeLabel version decidedOn } }`;
    const input = {
      memberId: people.alice,
      year: 2024,
      grade: 'GOOD',
      decision: '支部党员大会评议为好',
      decidedOn: '2025-01-10',
    };
    expect(dataOf(await q(tokenFor('ORG_ADMIN', org.gridA), APPRAISE, { input }))).toEqual({
      recordAppraisal: {
        year: 2024,
        grade: 'GOOD',
        gradeLabel: '好',
        version: 1,
        decidedOn: '2025-01-10',
      },
    });
    const changed = dataOf(
      await q(admin, APPRAISE, { input: { ...input, grade: 'FAIRLY_GOOD' } }),
    ).recordAppraisal;
    expect(changed).toMatchObject({ grade: 'FAIRLY_GOOD', gradeLabel: '较好', version: 2 });
    const early = await q(admin, APPRAISE, { input: { ...input, decidedOn: '2023-12-30' } });
    expect(errorFields(early)).toEqual(['input.decidedOn']);

    await probe().waitFor(() => eventsOf(people.alice).filter((e) => e.data.appraisal).length >= 2);
    const [first, second] = eventsOf(people.alice);
    expect(first.type).toBe('jiceng.members.appraisal.recorded');
    expect(second.data.appraisal).toEqual({
      memberId: people.alice,
      organizationId: org.gridA,
      year: 2024,
      version: 2,
      grade: 'FAIRLY_GOOD',
      previousGrade: 'GOOD',
      decidedOn: '2025-01-10',
    });
    const read = await q(
      tokenFor('MEMBER', org.gridA, people.alice),
      `query($id: ID!) { member(id: $id) { appraisal(year: 2024) { gradeLabel version } } }`,
      { id: people.alice },
    );
    expect(dataOf(read).member.appraisal).toEqual({ gradeLabel: '较好', version: 2 });
  });

  it('keeps an ORG_ADMIN of another subtree out: no recording, no correcting, no reading', async () => {
    const other = tokenFor('ORG_ADMIN', org.streetB);
    const before = await meetingDocs();
    const recorded = await q(other, RECORD, {
      input: meetingInput(org.gridA, 'THEME_PARTY_DAY', '2024-07-10', [
        { memberId: people.alice, status: 'PRESENT' },
      ]),
    });
    expect(errorCode(recorded)).toBe('FORBIDDEN');
    expect(await meetingDocs()).toBe(before);
    const corrected = await q(other, CORRECT, {
      input: { meetingId, memberId: people.alice, status: 'ABSENT', note: '越权' },
    });
    expect(errorCode(corrected)).toBe('FORBIDDEN');
    const appraised = await q(
      other,
      'mutation($input: RecordAppraisalInput!) { recordAppraisal(input: $input) { version } }',
      {
        input: {
          memberId: people.alice,
          year: 2024,
          grade: 'POOR',
          decision: '越权评议',
          decidedOn: '2025-01-10',
        },
      },
    );
    expect(errorCode(appraised)).toBe('FORBIDDEN');

    const read = await q(other, `query($id: ID!) { meeting(id: $id) { id } }`, { id: meetingId });
    expect(read.errors).toBeUndefined();
    expect(read.data.meeting).toBeNull();
    const compliance = await q(other, COMPLIANCE, { org: org.streetA, period: '2024-Q2' });
    expect(errorCode(compliance)).toBe('FORBIDDEN');
    const listed = await q(
      other,
      `query($id: ID!) { organization(id: $id) { meetings(period: "2024-Q2") { totalCount } } }`,
      { id: org.gridA },
    );
    // The organizations subgraph answers an organization outside the scope as unknown.
    expect(listed).toMatchObject({ data: { organization: null }, errors: undefined });
    // A MEMBER reads its attendance through its own record, never a meeting.
    const member = await q(
      tokenFor('MEMBER', org.gridA, people.alice),
      `query($id: ID!) { meeting(id: $id) { id } }`,
      { id: meetingId },
    );
    expect(errorCode(member)).toBe('FORBIDDEN');
    // Nothing above changed the first meeting.
    expect(eventsOf(meetingId)).toHaveLength(2);
  });
});
