// 高密市's 群众诉求 of 2023 H1 ("共受理各类事项1320件"): 1320 accepted, 1318 closed (99.85%; the
// report's 99.86% is not a whole number of 1320), 95.29% of the evaluated satisfied, 20 closed
// late, 2 still open, 12 declined.
import {
  addDays,
  addWorkingDays,
  officialCalendarDays,
  shanghaiDate,
  shanghaiDayEnd,
  shanghaiInstant,
} from '@jiceng/calendar';
import type {
  Satisfaction,
  ServiceRequestCategory,
  ServiceRequestChannel,
} from '../service-request/service-request.enums';
import type {
  ServiceRequest,
  ServiceRequestStepRecord,
} from '../service-request/service-request.schema';
import { SERVICE_REQUEST_WORKING_DAYS } from '../work-calendar/work-calendar.service';
import {
  ADMIN,
  DEMO_REQUESTS,
  HOUR_MS,
  between,
  demoId,
  rng,
  shuffled,
  weighted,
  type DemoInput,
} from './demo-kit';

const REQUEST_TITLES: [string, ServiceRequestCategory][] = [
  ['楼道照明灯损坏', 'PUBLIC_FACILITIES'],
  ['小区垃圾清运不及时', 'ENVIRONMENT'],
  ['高空飘线存在安全隐患', 'SAFETY'],
  ['私搭乱建影响通行', 'PROPERTY_MANAGEMENT'],
  ['圈地种菜影响环境', 'ENVIRONMENT'],
  ['楼上漏水邻里协调', 'NEIGHBOR_DISPUTE'],
  ['独居老人需要助餐服务', 'ELDERLY_CARE'],
  ['咨询医保报销政策', 'POLICY_ADVICE'],
  ['单元门禁损坏', 'PUBLIC_FACILITIES'],
  ['电动车违规充电', 'SAFETY'],
  ['物业服务收费疑问', 'PROPERTY_MANAGEMENT'],
  ['绿地缺少养护', 'ENVIRONMENT'],
];
// 走访发现 requests come from members' visits (the household-problem consumer), with their source.
const CHANNELS: Record<Exclude<ServiceRequestChannel, 'HOUSEHOLD_VISIT'>, number> = {
  MINI_PROGRAM: 45,
  GRID: 25,
  HOTLINE: 15,
  VISIT: 10,
  WALK_IN: 5,
  // Problems of a service day come in through the day (collectServiceDayProblem), not here.
  SERVICE_DAY: 0,
};

/** The 1320 accepted (and 12 declined) requests of 2023 H1, over `communities` in turn. */
export function serviceRequests({
  requestCommunities: communities,
}: Pick<DemoInput, 'requestCommunities'>): ServiceRequest[] {
  if (!communities.length) return [];
  const calendar = new Map(officialCalendarDays().map((d) => [d.date, d.kind]));
  const { accepted, closed, evaluated, satisfied, closedLate, declined } = DEMO_REQUESTS;
  const total = accepted + declined;
  // Rank r of request i decides its outcome: the first ranks close on time and are satisfied …
  // A permutation of 0..n-1, so the outcomes are spread over communities and dates.
  const rank = shuffled([...Array(total).keys()], rng('request-outcomes'));
  const requests: ServiceRequest[] = [];
  for (let i = 0; i < total; i++) {
    const random = rng(`request:${i}`);
    const r = rank[i];
    const community = communities[i % communities.length];
    const [title, category] = REQUEST_TITLES[between(random, 0, REQUEST_TITLES.length - 1)];
    // 2023 H1: "今年以来" in the mid-year report.
    const reportedAt = shanghaiInstant(
      addDays('2023-01-03', Math.floor((i * 178) / total)),
      between(random, 8, 18),
      between(random, 0, 59),
    );
    const history: ServiceRequestStepRecord[] = [{ state: 'REPORTED', at: reportedAt, by: ADMIN }];
    const base: ServiceRequest = {
      _id: demoId(`request/${i}`),
      communityId: community._id,
      title,
      description: null,
      category,
      channel: weighted(random, CHANNELS),
      state: 'REPORTED',
      reportedAt,
      history,
      updatedAt: reportedAt,
    };
    if (r >= accepted) {
      const declinedAt = new Date(reportedAt.getTime() + between(random, 2, 20) * HOUR_MS);
      const reason = '不属于社区职责范围，已告知向相关部门反映';
      history.push({ state: 'DECLINED', at: declinedAt, by: ADMIN, note: reason });
      requests.push({
        ...base,
        state: 'DECLINED',
        declinedAt,
        declineReason: reason,
        updatedAt: declinedAt,
      });
      continue;
    }
    const acceptedAt = new Date(reportedAt.getTime() + between(random, 1, 20) * HOUR_MS);
    const dueDate = addWorkingDays(
      shanghaiDate(acceptedAt),
      SERVICE_REQUEST_WORKING_DAYS,
      calendar,
    );
    const dueAt = shanghaiDayEnd(dueDate);
    history.push({ state: 'ACCEPTED', at: acceptedAt, by: ADMIN });
    const window = dueAt.getTime() - acceptedAt.getTime();
    const late = r >= closed - closedLate && r < closed;
    const respondedAt = new Date(
      late
        ? dueAt.getTime() - between(random, 2, 10) * HOUR_MS
        : acceptedAt.getTime() + window * (0.1 + random() * 0.4),
    );
    const response = '已协调物业和网格员现场处置';
    const request: ServiceRequest = {
      ...base,
      state: 'ACCEPTED',
      acceptedAt,
      dueDate,
      dueAt,
      updatedAt: acceptedAt,
    };
    if (r >= closed) {
      // The two of 1320 still open (the 0.14% not closed).
      if (r === closed) {
        history.push({ state: 'RESPONDED', at: respondedAt, by: ADMIN, note: response });
        requests.push({
          ...request,
          state: 'RESPONDED',
          respondedAt,
          response,
          updatedAt: respondedAt,
        });
      } else requests.push(request);
      continue;
    }
    history.push({ state: 'RESPONDED', at: respondedAt, by: ADMIN, note: response });
    const closedAt = new Date(
      late
        ? dueAt.getTime() + between(random, 4, 72) * HOUR_MS
        : respondedAt.getTime() + (dueAt.getTime() - respondedAt.getTime()) * random() * 0.9,
    );
    const closingNote = '回访核实，问题已解决';
    history.push({ state: 'CLOSED', at: closedAt, by: ADMIN, note: closingNote });
    const done: ServiceRequest = {
      ...request,
      state: 'CLOSED',
      respondedAt,
      response,
      closedAt,
      closingNote,
      closedLate: closedAt > dueAt,
      updatedAt: closedAt,
    };
    if (r >= evaluated) {
      requests.push(done);
      continue;
    }
    const satisfaction: Satisfaction =
      r < satisfied ? (random() < 0.8 ? 'SATISFIED' : 'BASICALLY_SATISFIED') : 'DISSATISFIED';
    const evaluatedAt = new Date(closedAt.getTime() + between(random, 12, 48) * HOUR_MS);
    history.push({ state: 'EVALUATED', at: evaluatedAt, by: ADMIN });
    requests.push({
      ...done,
      state: 'EVALUATED',
      evaluatedAt,
      satisfaction,
      evaluationComment: null,
      updatedAt: evaluatedAt,
    });
  }
  return requests;
}
