// 220余项 tasks across 运河区's communities and their claims: "机关单位党组织20余个次、在职党员
// 1150余人次参与认领", approvals carrying their event as a live approval does.
import type { Types } from 'mongoose';
import type { OutboxRecord } from '@jiceng/outbox';
import { addDays, DAY_MS, shanghaiInstant } from '@jiceng/calendar';
import { countedMinutes } from '../check-in/attendance-rules';
import type { Evidence } from '../check-in/evidence';
import { reviewRecord } from '../claim/claim.events';
import type { AttendanceRecord, Claim } from '../claim/claim.schema';
import type { TaskAudience, TaskCategory } from '../task/task.enums';
import { holderKey, type VolunteerTask } from '../task/task.schema';
import {
  ADMIN,
  DEMO_TASKS,
  HOUR_MS,
  MINUTE_MS,
  between,
  demoId,
  rng,
  weighted,
  type DemoCommunity,
  type DemoInput,
} from './demo-kit';

const CATEGORY_WEIGHTS: Record<TaskCategory, number> = {
  CIVILIZATION: 45,
  ENVIRONMENT: 35,
  ANTI_FRAUD: 30,
  GATE_CONTROL: 20,
  FREE_CLINIC: 20,
  LEGAL_ADVICE: 20,
  ELDERLY_CARE: 20,
  PERFORMANCE_ORDER: 15,
  HAIRCUT: 10,
  NUCLEIC_ACID_TESTING: 5,
  OTHER: 0,
};
const TITLES: Record<TaskCategory, string> = {
  CIVILIZATION: '文明创建志愿服务',
  ENVIRONMENT: '小区环境整治',
  ANTI_FRAUD: '防诈骗宣传',
  GATE_CONTROL: '小门管控值守',
  FREE_CLINIC: '德邻有约·义诊',
  LEGAL_ADVICE: '德邻有约·法律咨询',
  ELDERLY_CARE: '关爱空巢老人助老服务',
  PERFORMANCE_ORDER: '文艺演出秩序维护',
  HAIRCUT: '德邻有约·义务理发',
  NUCLEIC_ACID_TESTING: '核酸检测秩序维护',
  OTHER: '志愿服务',
};
const POINTS: Record<TaskCategory, number> = {
  CIVILIZATION: 5,
  ENVIRONMENT: 6,
  ANTI_FRAUD: 5,
  GATE_CONTROL: 4,
  FREE_CLINIC: 8,
  LEGAL_ADVICE: 8,
  ELDERLY_CARE: 6,
  PERFORMANCE_ORDER: 4,
  HAIRCUT: 6,
  NUCLEIC_ACID_TESTING: 5,
  OTHER: 3,
};
/** 德邻有约: the service day is the 5th of every month. */
const SERVICE_DAY_CATEGORIES: TaskCategory[] = ['FREE_CLINIC', 'LEGAL_ADVICE', 'HAIRCUT'];
const YUNHE_CENTER = { longitude: 116.8575, latitude: 38.3106 };

export function communityPlace(community: DemoCommunity): [number, number] {
  const random = rng(`place:${community._id}`);
  return [
    Math.round((YUNHE_CENTER.longitude + (random() - 0.5) * 0.06) * 1e6) / 1e6,
    Math.round((YUNHE_CENTER.latitude + (random() - 0.5) * 0.05) * 1e6) / 1e6,
  ];
}

const taskId = (index: number) => demoId(`task/${index}`);

/** The ids of the demo tasks, whatever the communities and members. */
export const demoTaskIds = () => Array.from({ length: DEMO_TASKS }, (_, i) => taskId(i));

function taskFor(index: number, community: DemoCommunity): VolunteerTask {
  const random = rng(`task:${index}`);
  const category = weighted(random, CATEGORY_WEIGHTS);
  // 2023-05-08 … 2023-09-28, spread evenly; service-day stalls move to the 5th.
  let date = addDays('2023-05-08', Math.floor((index * 144) / DEMO_TASKS));
  if (SERVICE_DAY_CATEGORIES.includes(category)) date = `${date.slice(0, 8)}05`;
  const startHour = [8, 9, 14, 15][between(random, 0, 3)];
  const hours = between(random, 2, 3);
  const audience: TaskAudience =
    category === 'ANTI_FRAUD'
      ? 'ORGANIZATIONS'
      : category === 'PERFORMANCE_ORDER'
        ? 'MEMBERS'
        : random() < 0.35
          ? 'BOTH'
          : 'MEMBERS';
  const slots = audience === 'ORGANIZATIONS' ? between(random, 1, 2) : between(random, 4, 9);
  const startsAt = shanghaiInstant(date, startHour);
  const street = community.name.replace(/社区党委$|社区党总支$/, '');
  return {
    _id: taskId(index),
    communityId: community._id,
    title: `${street}${TITLES[category]}`,
    description: `${community.name}通过“运河‘码’上到”发布的${TITLES[category]}任务。`,
    category,
    audience,
    slots,
    remainingSlots: slots,
    holders: [],
    place: { type: 'Point', coordinates: communityPlace(community) },
    address: `${street}社区党群服务中心`,
    radiusMeters: 300,
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR_MS),
    points: POINTS[category],
    status: 'PUBLISHED',
    publishedBy: ADMIN,
    createdAt: new Date(startsAt.getTime() - 5 * DAY_MS),
    updatedAt: new Date(startsAt.getTime() - 5 * DAY_MS),
  };
}

type Claimant = { kind: 'MEMBER' | 'ORGANIZATION'; id: Types.ObjectId };
export type ClaimOutcome = 'approved' | 'rejected' | 'withdrawn';

function evidenceFor(random: () => number, task: VolunteerTask, at: Date): AttendanceRecord {
  const kind = weighted(random, { both: 60, geofence: 25, qr: 10, manual: 5 });
  const [longitude, latitude] = task.place.coordinates;
  const evidence: Evidence[] = [];
  if (kind === 'both' || kind === 'qr') {
    const expiresAt = new Date(at.getTime() + between(random, 10, 110) * 1000);
    evidence.push({
      kind: 'QR_TOKEN',
      detail: `QR token valid until ${expiresAt.toISOString()}`,
      tokenExpiresAt: expiresAt,
    });
  }
  let position: AttendanceRecord['position'] = null;
  if (kind === 'both' || kind === 'geofence') {
    const distance = between(random, 5, 250);
    position = { type: 'Point', coordinates: [longitude, latitude + distance / 111_195] };
    evidence.push({
      kind: 'GEOFENCE',
      detail: `${distance} m from the task's place (geofence radius ${task.radiusMeters} m)`,
      distanceMeters: distance,
    });
  }
  if (kind === 'manual')
    evidence.push({
      kind: 'MANUAL',
      detail: `recorded by the organizer (${ADMIN}): 手机没电，现场确认`,
    });
  return { at, evidence, position, recordedBy: kind === 'manual' ? ADMIN : 'demo-volunteer' };
}

/** A claim of the task and what became of it: drawn, unless the plan says (`outcome`). */
export function claimFor(task: VolunteerTask, claimant: Claimant, planned?: ClaimOutcome): Claim {
  const key = holderKey(claimant.kind, String(claimant.id));
  const random = rng(`claim:${task._id}:${key}`);
  const claimedAt = new Date(task.startsAt.getTime() - between(random, 1, 4) * DAY_MS);
  const drawn = weighted<ClaimOutcome>(random, { approved: 91, rejected: 4, withdrawn: 5 });
  const outcome = planned ?? drawn;
  const claim: Claim = {
    _id: demoId(`claim/${task._id}/${key}`),
    taskId: task._id,
    communityId: task.communityId,
    claimantKind: claimant.kind,
    memberId: claimant.kind === 'MEMBER' ? claimant.id : null,
    organizationId: claimant.kind === 'ORGANIZATION' ? claimant.id : null,
    claimedBy: claimant.kind === 'MEMBER' ? 'demo-member' : 'demo-unit-admin',
    state: 'CLAIMED',
    claimedAt,
    task: {
      category: task.category,
      points: task.points,
      startsAt: task.startsAt,
      endsAt: task.endsAt,
    },
    updatedAt: claimedAt,
    outbox: [],
  };
  if (outcome === 'withdrawn') {
    const withdrawnAt = new Date(claimedAt.getTime() + HOUR_MS * between(random, 1, 20));
    return { ...claim, state: 'WITHDRAWN', withdrawnAt, updatedAt: withdrawnAt };
  }
  const checkIn = evidenceFor(
    random,
    task,
    new Date(task.startsAt.getTime() - between(random, 0, 20) * MINUTE_MS),
  );
  const checkOut = evidenceFor(
    random,
    task,
    new Date(task.endsAt.getTime() + between(random, -15, 20) * MINUTE_MS),
  );
  const durationMinutes = countedMinutes(checkIn.at, checkOut.at, task);
  const reviewedAt = new Date(task.endsAt.getTime() + between(random, 2, 48) * HOUR_MS);
  const done = { ...claim, checkIn, checkOut, durationMinutes, updatedAt: reviewedAt };
  if (outcome === 'rejected')
    return {
      ...done,
      state: 'REJECTED',
      review: {
        decision: 'REJECTED',
        reason: '服务时长不足，未完成任务要求',
        reviewedBy: ADMIN,
        reviewedAt,
      },
    };
  const approved: Claim = {
    ...done,
    state: 'APPROVED',
    review: { decision: 'APPROVED', reason: null, reviewedBy: ADMIN, reviewedAt },
  };
  // The approval announces itself through the outbox, as a live approval does.
  const outbox: OutboxRecord[] = [reviewRecord('approved', approved, reviewedAt, reviewedAt)];
  return { ...approved, outbox };
}

/** Members for a task: the community's own reporters first, then its street's, then anyone's. */
function memberPools(input: DemoInput) {
  const byCommunity = new Map<string, Types.ObjectId[]>();
  const byStreet = new Map<string, Types.ObjectId[]>();
  const streetOf = new Map(input.communities.map((c) => [String(c._id), String(c.streetId)]));
  for (const m of input.members) {
    const community = m.communityId ? String(m.communityId) : '';
    byCommunity.set(community, [...(byCommunity.get(community) ?? []), m._id]);
    const street = streetOf.get(community) ?? '';
    byStreet.set(street, [...(byStreet.get(street) ?? []), m._id]);
  }
  const all = input.members.map((m) => m._id);
  return (community: DemoCommunity, n: number, random: () => number): Types.ObjectId[] => {
    const chosen: Types.ObjectId[] = [];
    const seen = new Set<string>();
    for (const pool of [
      byCommunity.get(String(community._id)) ?? [],
      byStreet.get(String(community.streetId)) ?? [],
      all,
    ]) {
      const start = Math.floor(random() * pool.length);
      for (let i = 0; i < pool.length && chosen.length < n; i++) {
        const id = pool[(start + i) % pool.length];
        if (seen.has(String(id))) continue;
        seen.add(String(id));
        chosen.push(id);
      }
    }
    return chosen;
  };
}

/** The task with its slots held by its claims that were not withdrawn. */
export function heldBy(task: VolunteerTask, claims: readonly Claim[]): VolunteerTask {
  const holding = claims.filter((c) => c.state !== 'WITHDRAWN');
  return {
    ...task,
    remainingSlots: task.slots - holding.length,
    holders: holding.map((c) => ({
      key: holderKey(c.claimantKind, String(c.memberId ?? c.organizationId)),
      claimId: c._id,
      at: c.claimedAt,
    })),
  };
}

export function tasksAndClaims(input: DemoInput): { tasks: VolunteerTask[]; claims: Claim[] } {
  const pickMembers = memberPools(input);
  const withMembers = input.members.length > 0;
  const tasks: VolunteerTask[] = [];
  const claims: Claim[] = [];
  for (let i = 0; i < DEMO_TASKS; i++) {
    const community = input.communities[i % input.communities.length];
    const task = taskFor(i, community);
    const random = rng(`claimants:${i}`);
    // "公交集团、区法院先后认领": a task for organizations is taken by each of its slots.
    const fill =
      task.audience === 'ORGANIZATIONS'
        ? task.slots
        : Math.max(1, task.slots - between(random, 0, 2));
    let claimants: Claimant[] = [];
    if (task.audience !== 'ORGANIZATIONS' && withMembers)
      claimants = pickMembers(community, fill, random).map((id) => ({ kind: 'MEMBER', id }));
    else if (task.audience !== 'MEMBERS' && input.units.length)
      // Without members, organizations fill the tasks open to them.
      claimants = Array.from({ length: Math.min(fill, input.units.length) }, (_, k) => ({
        kind: 'ORGANIZATION' as const,
        id: input.units[(i * 7 + k) % input.units.length],
      }));
    const taskClaims = claimants.map((c) => claimFor(task, c));
    tasks.push(heldBy(task, taskClaims));
    claims.push(...taskClaims);
  }
  return { tasks, claims };
}
