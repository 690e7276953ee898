import mongoose from 'mongoose';
import type { KafkaMessage } from 'kafkajs';
import { shanghaiDate } from '@jiceng/calendar';
import { Topics } from '@jiceng/events';
import {
  dataOf,
  errorCode,
  errorFields,
  tokenFor,
  withSubgraphStack,
  YUNHE_SAMPLE,
} from '@jiceng/testing';

// 德邻有约 through the gateway: the volunteering subgraph with organizations (the tree reaches
// volunteering as events), over the real broker and store. Members are plain ids, as in the
// other volunteering suite; their points are proven by the approved check-ins on the topic the
// credit ledger reads (credit's own suites prove it scores them).

const objectId = () => new mongoose.Types.ObjectId().toHexString();

/** The latest 5th of a month on or before today (Asia/Shanghai), and the one a month earlier. */
function pastFifths(): [string, string] {
  const today = shanghaiDate(new Date());
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  if (Number(today.slice(8, 10)) < 5) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const earlier = m === 1 ? [y - 1, 12] : [y, m - 1];
  const fifth = ([yy, mm]: number[]) => `${yy}-${String(mm).padStart(2, '0')}-05`;
  return [fifth([y, m]), fifth(earlier)];
}

const DAY = `id branchId communityId date state stateLabel version volunteersPresent
  stalls { id kind kindLabel title unitId helpTeamId }
  agreements { partyKind partyKindLabel partyId }
  attendance { id memberId unitId stallId minutes }
  problems { requestId stallId request { id state channel channelLabel dueDate serviceDayId } }
  figures { services beneficiaries satisfaction }
  history { state stateLabel }`;

describe('德邻有约 service days through the gateway', () => {
  const stack = withSubgraphStack({
    tag: 'sd',
    services: ['organizations', 'volunteering'],
    tree: YUNHE_SAMPLE,
    probes: [
      Topics.volunteeringCheckins,
      Topics.volunteeringServiceDays,
      Topics.volunteeringServiceRequests,
    ],
  });
  const { org, q } = stack;
  const [DATE, EARLIER] = pastFifths();
  const MONTH = DATE.slice(0, 7);

  let gridAdmin: string;
  let communityAdmin: string;
  let outsider: string;
  let member: string;
  beforeAll(() => {
    gridAdmin = tokenFor('ORG_ADMIN', org.gridA);
    communityAdmin = tokenFor('ORG_ADMIN', org.communityA);
    outsider = tokenFor('ORG_ADMIN', org.communityB);
    member = tokenFor('MEMBER', org.gridA, objectId());
  });

  const mutate = (token: string, name: string, type: string, input: unknown, fields = DAY) =>
    q(token, `mutation($input: ${type}!) { ${name}(input: $input) { ${fields} } }`, { input });
  const byId = (token: string, name: string, id: string, fields = DAY) =>
    q(token, `mutation($id: ID!) { ${name}(id: $id) { ${fields} } }`, { id });
  const events = (messages: KafkaMessage[], pred: (e: any) => boolean) =>
    messages.map((m) => JSON.parse(String(m.value))).filter(pred);

  const teamInput = (overrides: Record<string, unknown> = {}) => ({
    organizationId: org.gridA,
    name: '朝阳帮帮团',
    memberIds: [objectId()],
    gridWorkers: ['1号网格员'],
    residents: ['理发 王师傅', '热心群众 李阿姨'],
    ...overrides,
  });
  const TEAM = 'id organizationId communityId name memberIds gridWorkers residents version';
  const createTeam = (token: string, input: unknown) =>
    mutate(token, 'createHelpTeam', 'CreateHelpTeamInput', input, TEAM);

  const planInput = (teamId: string, overrides: Record<string, unknown> = {}) => ({
    branchId: org.gridA,
    date: DATE,
    theme: '德邻有约·情暖朝阳',
    startTime: '08:30',
    endTime: '11:30',
    pointsPerVolunteer: 5,
    stalls: [
      { kind: 'FREE_CLINIC', title: '内外科检查、心电图测量', unitId: org.unit },
      { kind: 'HAIRCUT', helpTeamId: teamId },
      { kind: 'SECRETARY', unitId: org.unit },
    ],
    ...overrides,
  });
  const plan = (token: string, input: unknown) =>
    mutate(token, 'planServiceDay', 'PlanServiceDayInput', input);

  let teamId: string;
  let dayId: string;
  let clinicStallId: string;
  let requestId: string;
  const memberA = objectId();
  const memberB = objectId();

  it('keeps 帮帮团 of a community, managed by its admins only, listed on the organization', async () => {
    const team = dataOf(await createTeam(communityAdmin, teamInput())).createHelpTeam;
    expect(team).toMatchObject({
      organizationId: org.gridA,
      communityId: org.communityA,
      residents: ['理发 王师傅', '热心群众 李阿姨'],
      version: 1,
    });
    teamId = team.id;

    // The grid's own admin is not the community's; community B's admin is outside.
    expect(errorCode(await createTeam(gridAdmin, teamInput()))).toBe('FORBIDDEN');
    expect(errorCode(await createTeam(outsider, teamInput()))).toBe('FORBIDDEN');
    const bad = await createTeam(
      communityAdmin,
      teamInput({ organizationId: org.unit, residents: [' '], memberIds: ['x'] }),
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorFields(bad)).toEqual(['input.memberIds', 'input.residents']);
    const notCommunity = await createTeam(communityAdmin, teamInput({ organizationId: org.unit }));
    expect(errorFields(notCommunity)).toEqual(['input.organizationId']);

    const renamed = dataOf(
      await mutate(
        communityAdmin,
        'updateHelpTeam',
        'UpdateHelpTeamInput',
        { id: teamId, version: 1, name: '朝阳巧手帮帮团' },
        TEAM,
      ),
    ).updateHelpTeam;
    expect(renamed).toMatchObject({ name: '朝阳巧手帮帮团', version: 2 });
    const stale = await mutate(
      communityAdmin,
      'updateHelpTeam',
      'UpdateHelpTeamInput',
      { id: teamId, version: 1, name: '旧版本' },
      TEAM,
    );
    expect(errorCode(stale)).toBe('CONFLICT');

    const other = dataOf(
      await createTeam(
        tokenFor('ORG_ADMIN', org.communityB),
        teamInput({ organizationId: org.gridB }),
      ),
    ).createHelpTeam;
    const listed = dataOf(
      await q(
        communityAdmin,
        `query($id: ID!) { organization(id: $id) { helpTeams(first: 10) {
          totalCount edges { node { id name } } } } }`,
        { id: org.communityA },
      ),
    ).organization.helpTeams;
    expect(listed.totalCount).toBe(1);
    expect(listed.edges.map((e: any) => e.node.id)).toEqual([teamId]);
    expect(listed.edges.map((e: any) => e.node.id)).not.toContain(other.id);
  });

  it('plans a day on the 5th in a grid branch, refusing bad input field by field', async () => {
    const otherTeam = dataOf(
      await createTeam(
        tokenFor('ORG_ADMIN', org.communityB),
        teamInput({ organizationId: org.gridB }),
      ),
    ).createHelpTeam;
    const bad = await plan(
      gridAdmin,
      planInput(teamId, {
        date: `${DATE.slice(0, 8)}06`,
        startTime: '8:30',
        stalls: [
          { kind: 'FREE_CLINIC', unitId: org.unit, helpTeamId: teamId },
          { kind: 'HAIRCUT', helpTeamId: otherTeam.id },
          { kind: 'LEGAL_ADVICE', unitId: org.gridA },
        ],
      }),
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorFields(bad)).toEqual([
      'input.date',
      'input.stalls.0',
      'input.stalls.1.helpTeamId',
      'input.stalls.2.unitId',
      'input.startTime',
    ]);
    const badPoints = await plan(gridAdmin, planInput(teamId, { pointsPerVolunteer: 500 }));
    expect(errorFields(badPoints)).toEqual(['input.pointsPerVolunteer']);
    const notGrid = await plan(communityAdmin, planInput(teamId, { branchId: org.communityA }));
    expect(errorFields(notGrid)).toEqual(['input.branchId']);
    expect(errorCode(await plan(outsider, planInput(teamId)))).toBe('FORBIDDEN');

    const day = dataOf(await plan(gridAdmin, planInput(teamId))).planServiceDay;
    expect(day).toMatchObject({
      branchId: org.gridA,
      communityId: org.communityA,
      date: DATE,
      state: 'PLANNED',
      stateLabel: '已计划',
      volunteersPresent: 0,
    });
    expect(day.stalls.map((s: any) => [s.kindLabel, s.title])).toEqual([
      ['义诊', '内外科检查、心电图测量'],
      ['理发', '理发'],
      ['书记有约', '书记有约'],
    ]);
    dayId = day.id;
    clinicStallId = day.stalls[0].id;
    expect(errorCode(await plan(gridAdmin, planInput(teamId)))).toBe('CONFLICT');
  });

  it('records agreements and, once held, the volunteers present under them', async () => {
    const sign = (partyKind: string, partyId: string, token = gridAdmin) =>
      mutate(token, 'signServiceAgreement', 'SignServiceAgreementInput', {
        serviceDayId: dayId,
        partyKind,
        partyId,
      });
    dataOf(await sign('UNIT', org.unit));
    dataOf(await sign('HELP_TEAM', teamId));
    const signed = dataOf(await sign('MEMBER', memberA)).signServiceAgreement;
    expect(signed.agreements.map((a: any) => a.partyKindLabel)).toEqual([
      '参与单位',
      '帮帮团',
      '在职党员',
    ]);
    expect(errorCode(await sign('MEMBER', memberA))).toBe('CONFLICT');
    expect(errorFields(await sign('UNIT', org.gridA))).toEqual(['input.partyId']);
    expect(errorCode(await sign('MEMBER', objectId(), outsider))).toBe('FORBIDDEN');

    const record = (volunteers: unknown[]) =>
      mutate(gridAdmin, 'recordServiceDayAttendance', 'RecordServiceDayAttendanceInput', {
        serviceDayId: dayId,
        volunteers,
      });
    // Not held yet.
    expect(errorCode(await record([{ memberId: memberA }]))).toBe('CONFLICT');
    const held = dataOf(await byId(gridAdmin, 'holdServiceDay', dayId)).holdServiceDay;
    expect(held.state).toBe('HELD');

    const stranger = objectId();
    const bad = await record([
      { memberId: memberA },
      { memberId: memberA },
      { memberId: stranger },
      { memberId: memberB, unitId: org.unit, stallId: objectId(), minutes: 0 },
    ]);
    expect(errorFields(bad)).toEqual(['input.volunteers.3.minutes']);
    const refused = await record([
      { memberId: memberA },
      { memberId: memberA },
      { memberId: stranger },
      { memberId: memberB, unitId: org.unit, stallId: objectId() },
    ]);
    expect(errorFields(refused)).toEqual([
      'input.volunteers.0.memberId',
      'input.volunteers.1.memberId',
      'input.volunteers.2.memberId',
      'input.volunteers.3.stallId',
    ]);
    const present = dataOf(
      await record([
        { memberId: memberA, stallId: clinicStallId },
        { memberId: memberB, unitId: org.unit, minutes: 90 },
      ]),
    ).recordServiceDayAttendance;
    expect(present.volunteersPresent).toBe(2);
    expect(present.attendance.map((a: any) => [a.memberId, a.minutes])).toEqual([
      [memberA, 180],
      [memberB, 90],
    ]);
    expect(errorFields(await record([{ memberId: memberA }]))).toEqual([
      'input.volunteers.0.memberId',
    ]);
  });

  it('sends a problem from a stall into the five-step loop, due like any accepted request', async () => {
    const collect = (input: Record<string, unknown>, token = gridAdmin) =>
      mutate(
        token,
        'collectServiceDayProblem',
        'CollectServiceDayProblemInput',
        { serviceDayId: dayId, title: '独居老人家中水管漏水', category: 'ELDERLY_CARE', ...input },
        'id state channel channelLabel communityId acceptedAt dueDate serviceDayId',
      );
    expect(errorFields(await collect({ stallId: clinicStallId, title: '漏' }))).toEqual([
      'input.title',
    ]);
    expect(errorFields(await collect({ stallId: objectId() }))).toEqual(['input.stallId']);
    expect(errorCode(await collect({}, outsider))).toBe('FORBIDDEN');

    const request = dataOf(await collect({ stallId: clinicStallId })).collectServiceDayProblem;
    expect(request).toMatchObject({
      state: 'ACCEPTED',
      channel: 'SERVICE_DAY',
      channelLabel: '德邻有约服务日',
      communityId: org.communityA,
      serviceDayId: dayId,
    });
    requestId = request.id;

    // The same due date as a request the community accepts through the loop now.
    const reported = dataOf(
      await mutate(
        communityAdmin,
        'reportServiceRequest',
        'ReportServiceRequestInput',
        { communityId: org.communityA, title: '对照诉求', category: 'OTHER', channel: 'VISIT' },
        'id',
      ),
    ).reportServiceRequest;
    const accepted = dataOf(
      await mutate(
        communityAdmin,
        'acceptServiceRequest',
        'AcceptServiceRequestInput',
        { id: reported.id },
        'dueDate',
      ),
    ).acceptServiceRequest;
    expect(request.dueDate).toBe(accepted.dueDate);
    // Reported and accepted at once, both steps announced on the loop's own topic.
    const loop = stack.probe(Topics.volunteeringServiceRequests);
    const ofRequest = (e: any) => e.subject === requestId;
    await loop.waitFor((m) => events(m, ofRequest).length >= 2);
    expect(events(loop.messages, ofRequest).map((e) => e.type)).toEqual([
      'jiceng.volunteering.service-request.reported',
      'jiceng.volunteering.service-request.accepted',
    ]);

    // The channel belongs to the service day's path alone.
    const byHand = await mutate(
      communityAdmin,
      'reportServiceRequest',
      'ReportServiceRequestInput',
      { communityId: org.communityA, title: '冒充', category: 'OTHER', channel: 'SERVICE_DAY' },
      'id',
    );
    expect(errorFields(byHand)).toEqual(['input.channel']);

    // The request belongs to the community: the community's admin reads it through the day.
    const day = dataOf(
      await q(communityAdmin, `query($id: ID!) { serviceDay(id: $id) { ${DAY} } }`, { id: dayId }),
    ).serviceDay;
    expect(day.problems).toEqual([
      {
        requestId,
        stallId: clinicStallId,
        request: expect.objectContaining({ id: requestId, state: 'ACCEPTED', serviceDayId: dayId }),
      },
    ]);
  });

  it('signs off the record once its figures are in, then refuses every change', async () => {
    const figures = (input: Record<string, unknown>) =>
      mutate(gridAdmin, 'recordServiceDayFigures', 'RecordServiceDayFiguresInput', {
        serviceDayId: dayId,
        services: 12,
        beneficiaries: 86,
        satisfaction: 95.29,
        ...input,
      });
    const noFigures = await byId(gridAdmin, 'signOffServiceDay', dayId);
    expect(errorFields(noFigures)).toEqual(['id']);
    expect(errorFields(await figures({ services: -1, satisfaction: 100.5 }))).toEqual([
      'input.satisfaction',
      'input.services',
    ]);
    dataOf(await figures({}));
    expect(errorCode(await byId(outsider, 'signOffServiceDay', dayId))).toBe('FORBIDDEN');

    const signed = dataOf(await byId(gridAdmin, 'signOffServiceDay', dayId)).signOffServiceDay;
    expect(signed).toMatchObject({
      state: 'SIGNED_OFF',
      stateLabel: '已签字确认',
      figures: { services: 12, beneficiaries: 86, satisfaction: 95.29 },
    });
    expect(signed.history.map((h: any) => h.state)).toEqual(['PLANNED', 'HELD', 'SIGNED_OFF']);

    const late = await figures({ services: 99 });
    expect(errorCode(late)).toBe('CONFLICT');
    expect(late.errors?.[0].message).toContain('SIGNED_OFF (已签字确认)');
    const more = await mutate(
      gridAdmin,
      'recordServiceDayAttendance',
      'RecordServiceDayAttendanceInput',
      { serviceDayId: dayId, volunteers: [{ memberId: objectId(), unitId: org.unit }] },
    );
    expect(errorCode(more)).toBe('CONFLICT');
    expect(errorCode(await byId(gridAdmin, 'signOffServiceDay', dayId))).toBe('CONFLICT');
    const cancel = await mutate(gridAdmin, 'cancelServiceDay', 'CancelServiceDayInput', {
      serviceDayId: dayId,
      reason: '签字后撤销',
    });
    expect(errorCode(cancel)).toBe('CONFLICT');
  });

  it('announces the day and each volunteer as an approved check-in the ledger scores', async () => {
    const days = stack.probe(Topics.volunteeringServiceDays);
    const mine = (e: any) => e.subject === dayId;
    await days.waitFor((m) => events(m, mine).length >= 3);
    expect(events(days.messages, mine).map((e) => e.type)).toEqual([
      'jiceng.volunteering.service-day.planned',
      'jiceng.volunteering.service-day.held',
      'jiceng.volunteering.service-day.signed-off',
    ]);
    expect(events(days.messages, mine)[2].data).toMatchObject({
      serviceDayId: dayId,
      branchId: org.gridA,
      communityId: org.communityA,
      date: DATE,
      state: 'SIGNED_OFF',
    });

    const checkins = stack.probe(Topics.volunteeringCheckins);
    const ofDay = (e: any) => e.data?.taskId === dayId;
    await checkins.waitFor((m) => events(m, ofDay).length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    const approvals = events(checkins.messages, ofDay);
    expect(approvals).toHaveLength(2);
    const byMember = Object.fromEntries(approvals.map((e) => [e.data.memberId, e]));
    expect(byMember[memberA]).toMatchObject({
      type: 'jiceng.volunteering.checkin.approved',
      dataschema: 'urn:jiceng:schema:volunteering.checkins.v1',
      data: {
        taskId: dayId,
        communityId: org.communityA,
        claimantKind: 'MEMBER',
        organizationId: null,
        taskCategory: 'SERVICE_DAY',
        taskPoints: 5,
        durationMinutes: 180,
      },
    });
    expect(byMember[memberB].data.durationMinutes).toBe(90);
    expect(byMember[memberA].subject).toBe(byMember[memberA].data.claimId);
  });

  it('gives the month figures of any subtree, with the problems closed since', async () => {
    const STATS = `daysHeld services volunteers beneficiaries averageSatisfaction
      problemsCollected problemsClosed`;
    const stats = (token: string, organizationId: string, month = MONTH) =>
      q(
        token,
        `query($o: ID!, $m: String!) { serviceDayStats(organizationId: $o, month: $m) { ${STATS} } }`,
        { o: organizationId, m: month },
      );
    const expected = {
      daysHeld: 1,
      services: 12,
      volunteers: 2,
      beneficiaries: 86,
      averageSatisfaction: 95.29,
      problemsCollected: 1,
      problemsClosed: 0,
    };
    for (const orgId of [org.gridA, org.communityA, org.streetA, org.district])
      expect(dataOf(await stats(tokenFor('ADMIN'), orgId)).serviceDayStats).toEqual(expected);
    expect(dataOf(await stats(tokenFor('ADMIN'), org.streetB)).serviceDayStats).toMatchObject({
      daysHeld: 0,
      averageSatisfaction: null,
    });
    expect(
      dataOf(await stats(tokenFor('ADMIN'), org.streetA, EARLIER.slice(0, 7))).serviceDayStats
        .daysHeld,
    ).toBe(0);
    expect(errorCode(await stats(outsider, org.streetA))).toBe('FORBIDDEN');
    expect(errorCode(await stats(member, org.gridA))).toBe('FORBIDDEN');
    expect(errorFields(await stats(communityAdmin, org.communityA, '2026-13'))).toEqual(['month']);

    for (const [step, input] of [
      ['respondServiceRequest', { response: '已联系物业维修' }],
      ['closeServiceRequest', { note: '回访确认已修好' }],
    ] as const)
      dataOf(
        await mutate(
          communityAdmin,
          step,
          `${step[0].toUpperCase()}${step.slice(1)}Input`,
          { id: requestId, ...input },
          'id state',
        ),
      );
    const analyst = tokenFor('ANALYST', org.streetA);
    expect(dataOf(await stats(analyst, org.streetA)).serviceDayStats.problemsClosed).toBe(1);

    // The days themselves, listed on any organization above their branch.
    const list = (token: string, id: string, month?: string) =>
      q(
        token,
        `query($id: ID!, $m: String) { organization(id: $id) {
          serviceDays(month: $m, first: 10) { totalCount edges { node { id date state } } } } }`,
        { id, m: month },
      );
    const listed = dataOf(await list(analyst, org.streetA, MONTH)).organization.serviceDays;
    expect(listed).toEqual({
      totalCount: 1,
      edges: [{ node: { id: dayId, date: DATE, state: 'SIGNED_OFF' } }],
    });
    expect(
      dataOf(await list(analyst, org.streetA, EARLIER.slice(0, 7))).organization.serviceDays
        .totalCount,
    ).toBe(0);
    expect(errorFields(await list(analyst, org.streetA, '2026-13'))).toEqual(['month']);
    // Another street's analyst does not see the organization, as for unknown ids.
    expect(await list(tokenFor('ANALYST', org.streetB), org.streetA)).toMatchObject({
      data: { organization: null },
      errors: undefined,
    });
  });

  it('cancels a planned day, which then takes no step', async () => {
    const day = dataOf(await plan(gridAdmin, planInput(teamId, { date: EARLIER }))).planServiceDay;
    const cancel = (reason: string) =>
      mutate(gridAdmin, 'cancelServiceDay', 'CancelServiceDayInput', {
        serviceDayId: day.id,
        reason,
      });
    expect(errorFields(await cancel(''))).toEqual(['input.reason']);
    const cancelled = dataOf(await cancel('暴雨预警，活动改期')).cancelServiceDay;
    expect(cancelled.state).toBe('CANCELLED');
    const hold = await byId(gridAdmin, 'holdServiceDay', day.id);
    expect(errorCode(hold)).toBe('CONFLICT');
    expect(hold.errors?.[0].message).toContain('CANCELLED (已取消)');
    expect(errorCode(await byId(outsider, 'holdServiceDay', day.id))).toBe('FORBIDDEN');
    expect(
      dataOf(await q(outsider, `query($id: ID!) { serviceDay(id: $id) { id } }`, { id: day.id }))
        .serviceDay,
    ).toBeNull();
  });
});
