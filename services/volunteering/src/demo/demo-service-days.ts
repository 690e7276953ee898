// 高密市's 德邻有约 of 2023 H1, generated deterministically from the city's communities as this
// service's projections know them: "统一将每月5日设为'德邻有约'服务日", every grid and compound
// branch holding its day, "组建467个'帮帮团'", stalls run by the units reporting to the community
// (双报到) and by its 帮帮团, agreements signed by each of them and by each member present, the
// branch's figures and sign-off. The problems collected at the stalls are the city's service
// requests reported on a service day in the community (the 1320 of demo-requests.ts): they come in
// through the day, as collectServiceDayProblem would open them. Pure: seed-service-days.ts reads
// and writes.
import type { Types } from 'mongoose';
import { addDays, shanghaiDate, shanghaiInstant } from '@jiceng/calendar';
import { GAOMI_UNITS, gaomiUnitCommunity, gaomiUnitOrganization } from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import type { OutboxRecord } from '@jiceng/outbox';
import { isCommunity } from '../community/community-scope';
import type { HelpTeam } from '../service-day/help-team.schema';
import { isServiceDayBranch } from '../service-day/service-day-branch';
import { SERVICE_DAY_OF_MONTH, serviceMinutes } from '../service-day/service-day-rules';
import type { ServiceDayState } from '../service-day/service-day-steps';
import type { StallKind } from '../service-day/service-day.enums';
import { attendanceRecord, serviceDayRecord } from '../service-day/service-day.events';
import type {
  Attendance,
  ServiceAgreement,
  ServiceDay,
  ServiceDayStepRecord,
  Stall,
} from '../service-day/service-day.schema';
import type { ServiceRequest } from '../service-request/service-request.schema';
import { ADMIN, between, demoId, MINUTE_MS, HOUR_MS, pickDistinct, rng } from './demo-kit';

/** The seed's figure, and the months of the demo (the report is of mid-2023: "今年以来"). */
export const DEMO_SERVICE_DAYS = {
  helpTeams: 467,
  months: ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'],
  /** One day in this many is called off (rain, an epidemic notice): planned, then cancelled. */
  cancelledOneIn: 40,
  pointsPerVolunteer: 10,
  startTime: '08:30',
  endTime: '11:30',
} as const;

export interface ServiceDayBranch {
  _id: Types.ObjectId;
  name: string;
  /** The branch's ancestors, root first, then the branch: where its figures roll up. */
  path: Types.ObjectId[];
}

export interface ServiceDayCommunity {
  _id: Types.ObjectId;
  name: string;
  /** Its grid and compound branches, which hold the days. */
  branches: ServiceDayBranch[];
  /** The units reporting to it (单位报到), which run stalls and sign agreements. */
  units: Types.ObjectId[];
  /** The members serving in it (双报到), the volunteers of its days and teams. */
  members: Types.ObjectId[];
}

export interface Gaomi {
  cityId: Types.ObjectId;
  communities: ServiceDayCommunity[];
}

/** What the organizations demo builds for 高密 (libs/demo's plan). */
const EXPECTED = { communities: 25, branches: 150, units: GAOMI_UNITS.length };

/**
 * 高密's communities with their grid and compound branches and the units reporting to them, from
 * the city's node and the projection's nodes below it; members still empty. Why not, while the
 * projection holds less than the whole city.
 */
export function gaomiServiceDayInput(city: OrgNode, below: readonly OrgNode[]): Gaomi | string {
  const active = below.filter((n) => n.status !== 'DISSOLVED');
  const unitOf = new Map(GAOMI_UNITS.map((u, i) => [gaomiUnitOrganization(u).name, i]));
  const units = active.filter((n) => unitOf.has(n.name));
  const communities = active
    .filter(isCommunity)
    .sort((a, b) => String(a._id).localeCompare(String(b._id)))
    .map((c): ServiceDayCommunity => ({
      _id: c._id,
      name: c.name,
      branches: active
        .filter((n) => String(n.parentId) === String(c._id) && isServiceDayBranch(n))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((n) => ({ _id: n._id, name: n.name, path: [...n.ancestorIds, n._id] })),
      units: units
        .filter((u) => gaomiUnitCommunity(unitOf.get(u.name)!) === c.name)
        .map((u) => u._id),
      members: [],
    }));
  const branches = communities.reduce((n, c) => n + c.branches.length, 0);
  if (
    communities.length < EXPECTED.communities ||
    branches < EXPECTED.branches ||
    units.length < EXPECTED.units
  )
    return `the projection holds ${communities.length} of 高密's ${EXPECTED.communities} communities, ${branches} of ${EXPECTED.branches} grid and compound branches and ${units.length} of ${EXPECTED.units} units`;
  return { cityId: city._id, communities };
}

export interface DemoServiceDays {
  helpTeams: HelpTeam[];
  days: ServiceDay[];
}

// What a 帮帮团 does, and the stall it runs on the day ("有一技之长的居民").
const TEAM_SKILLS: [string, StallKind][] = [
  ['理发', 'HAIRCUT'],
  ['书法剪纸', 'CALLIGRAPHY_PAPER_CUTTING'],
  ['家电维修', 'OTHER'],
  ['助老助残', 'OTHER'],
  ['文艺', 'OTHER'],
];
// Stalls a unit runs: its secretary (书记有约), its doctors, its lawyers.
const UNIT_STALLS: StallKind[] = ['SECRETARY', 'FREE_CLINIC', 'LEGAL_ADVICE'];
const STALL_TITLES: Record<StallKind, string[]> = {
  SECRETARY: ['书记有约·听民声', '书记面对面', '书记有约·解民忧'],
  FREE_CLINIC: ['爱心义诊·测血压血糖', '中医把脉问诊', '口腔健康检查', '眼科义诊'],
  LEGAL_ADVICE: ['法律咨询', '婚姻家庭法律咨询', '防范电信诈骗宣传'],
  HAIRCUT: ['爱心理发'],
  CALLIGRAPHY_PAPER_CUTTING: ['书法写春联', '剪纸技艺展示'],
  OTHER: ['家电维修', '磨剪子', '便民缝补', '文艺演出', '助老志愿服务'],
};
const THEMES = [
  '德邻有约·新春送福',
  '德邻有约·学雷锋志愿服务',
  '德邻有约·健康进社区',
  '德邻有约·平安家园',
  '德邻有约·邻里一家亲',
  '德邻有约·文明新风',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '孙', '周', '吴'];
const ELDERS = ['阿姨', '大姐', '师傅', '大爷'];

const teamId = (b: number, k: number) => demoId(`help-team/${b}/${k}`);
const dayId = (b: number, month: string) => demoId(`service-day/${b}/${month}`);
const branchLabel = (b: ServiceDayBranch) => b.name.replace(/党支部$/, '');

/** 467 帮帮团 over the branches in order: each three or four, the first ones one more. */
function helpTeams(communities: readonly ServiceDayCommunity[]): HelpTeam[] {
  const branches = communities.flatMap((c) => c.branches.map((branch) => ({ c, branch })));
  const per = Math.floor(DEMO_SERVICE_DAYS.helpTeams / branches.length);
  const extra = DEMO_SERVICE_DAYS.helpTeams % branches.length;
  const created = new Date('2022-12-20T02:00:00Z');
  return branches.flatMap(({ c, branch }, b) =>
    Array.from({ length: per + (b < extra ? 1 : 0) }, (_, k) => {
      const random = rng(`help-team/${b}/${k}`);
      const [skill] = TEAM_SKILLS[(b + k) % TEAM_SKILLS.length];
      const surname = () => SURNAMES[between(random, 0, SURNAMES.length - 1)];
      return {
        _id: teamId(b, k),
        organizationId: branch._id,
        communityId: c._id,
        name: `${branchLabel(branch)}${skill}帮帮团`,
        memberIds: pickDistinct(c.members, between(random, 2, 4), random),
        // Display labels only: no names with contacts ("群众身边人").
        gridWorkers: [`${surname()}网格员`],
        residents: Array.from(
          { length: between(random, 1, 3) },
          () => `${surname()}${ELDERS[between(random, 0, ELDERS.length - 1)]}（${skill}）`,
        ),
        version: 1,
        createdAt: created,
        updatedAt: created,
      };
    }),
  );
}

/** The stalls of a day: one or two units' (书记有约 first), then two or three of its 帮帮团. */
function stalls(b: number, month: string, units: Types.ObjectId[], teams: HelpTeam[]): Stall[] {
  const random = rng(`service-day-stalls/${b}/${month}`);
  const title = (kind: StallKind) => {
    const titles = STALL_TITLES[kind];
    return titles[between(random, 0, titles.length - 1)];
  };
  const out: Stall[] = [];
  for (const [i, unitId] of pickDistinct(units, between(random, 1, 2), random).entries()) {
    const kind = i === 0 ? 'SECRETARY' : UNIT_STALLS[between(random, 1, UNIT_STALLS.length - 1)];
    out.push({
      _id: demoId(`stall/${b}/${month}/${i}`),
      kind,
      title: title(kind),
      unitId,
      helpTeamId: null,
    });
  }
  for (const [i, team] of pickDistinct(teams, between(random, 2, 3), random).entries()) {
    const skill = TEAM_SKILLS.find(([s]) => team.name.includes(s)) ?? TEAM_SKILLS[0];
    const kind = skill[1];
    out.push({
      _id: demoId(`stall/${b}/${month}/team/${i}`),
      kind,
      title: kind === 'OTHER' ? skill[0] : title(kind),
      unitId: null,
      helpTeamId: team._id,
    });
  }
  return out;
}

/** A branch's day of `month`: planned ten days before, then held and signed off, or cancelled. */
function serviceDay(
  c: ServiceDayCommunity,
  branch: ServiceDayBranch,
  b: number,
  month: string,
  teams: HelpTeam[],
): ServiceDay {
  const { startTime, endTime, pointsPerVolunteer } = DEMO_SERVICE_DAYS;
  const random = rng(`service-day/${b}/${month}`);
  const date = `${month}-0${SERVICE_DAY_OF_MONTH}`;
  const plannedAt = shanghaiInstant(addDays(date, -10), 10, between(random, 0, 59));
  const heldAt = shanghaiInstant(date, 8, 30);
  const signedAt = shanghaiInstant(date, 16, between(random, 0, 59));
  const base: ServiceDay = {
    _id: dayId(b, month),
    branchId: branch._id,
    communityId: c._id,
    path: branch.path,
    date,
    month,
    theme: THEMES[DEMO_SERVICE_DAYS.months.indexOf(month as never) % THEMES.length],
    startTime,
    endTime,
    pointsPerVolunteer,
    state: 'PLANNED',
    stalls: stalls(b, month, c.units, teams),
    agreements: [],
    attendance: [],
    problems: [],
    figures: null,
    talliedAt: null,
    history: [{ state: 'PLANNED', at: plannedAt, by: ADMIN }],
    version: 1,
    updatedAt: plannedAt,
    outbox: [],
  };
  const record = (state: ServiceDayState, at: Date) => serviceDayRecord(base, state, at);
  const step = (state: ServiceDayState, at: Date, note?: string): ServiceDayStepRecord => ({
    state,
    at,
    by: ADMIN,
    ...(note && { note }),
  });
  if (random() < 1 / DEMO_SERVICE_DAYS.cancelledOneIn) {
    const cancelledAt = new Date(heldAt.getTime() - 2 * 24 * HOUR_MS);
    const reason = '天气原因，本月服务日取消';
    return {
      ...base,
      state: 'CANCELLED',
      cancelReason: reason,
      history: [...base.history, step('CANCELLED', cancelledAt, reason)],
      version: 2,
      updatedAt: cancelledAt,
      outbox: [record('PLANNED', plannedAt), record('CANCELLED', cancelledAt)],
    };
  }
  const minutes = serviceMinutes(startTime, endTime);
  const attendance: Attendance[] = pickDistinct(c.members, between(random, 4, 8), random).map(
    (memberId, i) => ({
      _id: demoId(`service-day-attendance/${b}/${month}/${i}`),
      memberId,
      unitId: null,
      stallId: base.stalls[i % base.stalls.length]._id,
      minutes,
      recordedAt: new Date(heldAt.getTime() + minutes * MINUTE_MS),
      recordedBy: ADMIN,
    }),
  );
  // "签订服务协议书": every unit and 帮帮团 of a stall, and every member present, days before.
  const signedOn = new Date(heldAt.getTime() - 3 * 24 * HOUR_MS);
  const parties: [ServiceAgreement['partyKind'], Types.ObjectId][] = [
    ...base.stalls.map((s): [ServiceAgreement['partyKind'], Types.ObjectId] =>
      s.unitId ? ['UNIT', s.unitId] : ['HELP_TEAM', s.helpTeamId!],
    ),
    ...attendance.map((a): [ServiceAgreement['partyKind'], Types.ObjectId] => [
      'MEMBER',
      a.memberId,
    ]),
  ];
  const agreements = parties.map(([partyKind, partyId], i) => ({
    _id: demoId(`service-day-agreement/${b}/${month}/${i}`),
    partyKind,
    partyId,
    signedAt: signedOn,
    recordedBy: ADMIN,
  }));
  const signed = { ...base, attendance };
  return {
    ...signed,
    state: 'SIGNED_OFF',
    agreements,
    figures: {
      services: between(random, 8, 16),
      beneficiaries: between(random, 40, 150),
      satisfaction: between(random, 9200, 9990) / 100,
      recordedAt: new Date(signedAt.getTime() - 30 * MINUTE_MS),
      recordedBy: ADMIN,
    },
    history: [...base.history, step('HELD', heldAt), step('SIGNED_OFF', signedAt)],
    // One for the plan, each agreement, the hold, the attendance, the figures and the sign-off.
    version: agreements.length + 5,
    updatedAt: signedAt,
    outbox: [
      record('PLANNED', plannedAt),
      record('HELD', heldAt),
      record('SIGNED_OFF', signedAt),
      ...attendance.map((a) => attendanceRecord(signed, a, signedAt)),
    ] satisfies OutboxRecord[],
  };
}

/**
 * The city's 帮帮团 and service days, and the problems of the days: each of `requests` (the
 * city's service requests) accepted and reported on a service day in a community that held one,
 * before its sign-off, becomes a problem of one of that community's days and comes in through
 * it (channel SERVICE_DAY, its serviceDayId): the requests are changed in place.
 */
export function demoServiceDays(
  communities: readonly ServiceDayCommunity[],
  requests: ServiceRequest[],
): DemoServiceDays {
  const teams = helpTeams(communities);
  const teamsOf = new Map<string, HelpTeam[]>();
  for (const t of teams)
    teamsOf.set(String(t.communityId), [...(teamsOf.get(String(t.communityId)) ?? []), t]);
  const days: ServiceDay[] = [];
  let b = 0;
  for (const c of communities)
    for (const branch of c.branches) {
      for (const month of DEMO_SERVICE_DAYS.months)
        days.push(serviceDay(c, branch, b, month, teamsOf.get(String(c._id)) ?? []));
      b++;
    }
  collectProblems(days, requests);
  return { helpTeams: teams, days };
}

function collectProblems(days: ServiceDay[], requests: ServiceRequest[]): void {
  const held = new Map<string, ServiceDay[]>();
  for (const d of days) {
    if (d.state !== 'SIGNED_OFF') continue;
    const key = `${String(d.communityId)}|${d.date}`;
    held.set(key, [...(held.get(key) ?? []), d]);
  }
  let n = 0;
  for (const r of requests) {
    if (!r.acceptedAt) continue;
    const candidates = held.get(`${String(r.communityId)}|${shanghaiDate(r.reportedAt)}`);
    const day = candidates?.[n % candidates.length];
    const signedAt = day?.history[day.history.length - 1].at;
    if (!day || !signedAt || r.reportedAt >= signedAt) continue;
    n++;
    r.channel = 'SERVICE_DAY';
    r.serviceDayId = day._id;
    day.problems.push({
      requestId: r._id,
      stallId: day.stalls[n % day.stalls.length]._id,
      collectedAt: r.reportedAt,
    });
  }
}
