// "24家企业获得党建信用加分": in the demo quarter the floating members of 雄安's project branches serve
// in 容东's communities (项目党员进社区), each firm's members as many days as the plan in
// @jiceng/demo gives it; the credit service attributes every approval to the firm behind the
// member's project branch, and the firms reach their tiers through the ledger like any others.
import type { Types } from 'mongoose';
import { addDays, DAY_MS, periodStart, shanghaiDate, shanghaiInstant } from '@jiceng/calendar';
import {
  DEMO_BONUS_QUARTER,
  DEMO_BONUS_TASK_POINTS,
  DEMO_BONUS_TASK_SLOTS,
  DEMO_BONUS_WEEKS,
  demoFirmServiceDays,
  demoFirmUnapprovedDays,
} from '@jiceng/demo';
import type { Claim } from '../claim/claim.schema';
import type { VolunteerTask } from '../task/task.schema';
import { ADMIN, HOUR_MS, demoId, type DemoCommunity } from './demo-kit';
import { claimFor, communityPlace, heldBy, type ClaimOutcome } from './demo-tasks';

export const DEMO_BONUS_FIRMS = 24;

export interface BonusInput {
  /** 容东片区's communities, where the service takes place. */
  communities: DemoCommunity[];
  /** Each firm's floating members (by the firm's index in the demo plan), sorted by id. */
  floatingByFirm: Types.ObjectId[][];
}

const claimsOf = (firm: number) => demoFirmServiceDays(firm) + demoFirmUnapprovedDays(firm);
const tasksOf = (firm: number) => Math.ceil(claimsOf(firm) / DEMO_BONUS_TASK_SLOTS);
const bonusTaskId = (firm: number, k: number) => demoId(`bonus-task/${firm}/${k}`);

/** The ids of the bonus tasks, whatever the members. */
export const demoBonusTaskIds = (): Types.ObjectId[] =>
  Array.from({ length: DEMO_BONUS_FIRMS }, (_, f) =>
    Array.from({ length: tasksOf(f) }, (_, k) => bonusTaskId(f, k)),
  ).flat();

/** The planned fate of the firm's claim number `c`: the first ones approved, then the others. */
function outcomeOf(firm: number, c: number): ClaimOutcome {
  if (c < demoFirmServiceDays(firm)) return 'approved';
  return c % 2 ? 'withdrawn' : 'rejected';
}

function bonusTask(firm: number, k: number, community: DemoCommunity): VolunteerTask {
  // Week k mod 11 of the quarter's service weeks, a weekday that moves with the firm and round.
  const monday = addDays(shanghaiDate(periodStart(DEMO_BONUS_QUARTER)), 7);
  const day = addDays(
    monday,
    7 * (k % DEMO_BONUS_WEEKS) + ((firm + Math.floor(k / DEMO_BONUS_WEEKS)) % 5),
  );
  const startsAt = shanghaiInstant(day, 8);
  const street = community.name.replace(/社区党委$/, '');
  return {
    _id: bonusTaskId(firm, k),
    communityId: community._id,
    title: `${street}项目党员进社区志愿服务`,
    description: `${community.name}发布的项目建设者进社区志愿服务：环境整治、助老服务、文明劝导，全天。`,
    category: 'CIVILIZATION',
    audience: 'MEMBERS',
    slots: DEMO_BONUS_TASK_SLOTS,
    remainingSlots: DEMO_BONUS_TASK_SLOTS,
    holders: [],
    place: { type: 'Point', coordinates: communityPlace(community) },
    address: `${street}社区党群服务中心`,
    radiusMeters: 300,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 8 * HOUR_MS),
    points: DEMO_BONUS_TASK_POINTS,
    status: 'PUBLISHED',
    publishedBy: ADMIN,
    createdAt: new Date(startsAt.getTime() - 7 * DAY_MS),
    updatedAt: new Date(startsAt.getTime() - 7 * DAY_MS),
  };
}

/**
 * The bonus quarter's tasks and claims. A task takes its slots from the firm's members in turn,
 * so each member serves about equally often and never twice in one task.
 */
export function bonusTasksAndClaims(input: BonusInput): {
  tasks: VolunteerTask[];
  claims: Claim[];
} {
  if (!input.communities.length) throw new Error('no 容东 communities for the bonus quarter');
  const tasks: VolunteerTask[] = [];
  const claims: Claim[] = [];
  for (let firm = 0; firm < DEMO_BONUS_FIRMS; firm++) {
    const members = input.floatingByFirm[firm] ?? [];
    if (members.length < DEMO_BONUS_TASK_SLOTS)
      throw new Error(
        `firm ${firm} has ${members.length} floating members known, fewer than a task's ${DEMO_BONUS_TASK_SLOTS} slots; is the members demo loaded?`,
      );
    for (let k = 0; k < tasksOf(firm); k++) {
      const community = input.communities[(firm * 5 + k) % input.communities.length];
      const task = bonusTask(firm, k, community);
      const taskClaims: Claim[] = [];
      for (let j = 0; j < DEMO_BONUS_TASK_SLOTS; j++) {
        const c = k * DEMO_BONUS_TASK_SLOTS + j;
        if (c >= claimsOf(firm)) break;
        const id = members[c % members.length];
        taskClaims.push(claimFor(task, { kind: 'MEMBER', id }, outcomeOf(firm, c)));
      }
      tasks.push(heldBy(task, taskClaims));
      claims.push(...taskClaims);
    }
  }
  return { tasks, claims };
}
