// Shared pieces of the volunteering demo: its input, deterministic ids and randomness (Shanghai
// wall-clock times come from @jiceng/calendar).
import { Types } from 'mongoose';
import type { Claim } from '../claim/claim.schema';
import type { MicroWish } from '../micro-wish/micro-wish.schema';
import type { ServiceRequest } from '../service-request/service-request.schema';
import type { VolunteerTask } from '../task/task.schema';
import { demoIds } from '@jiceng/demo';
export { between, pickDistinct, rng, shuffled, weighted } from '@jiceng/demo';

export interface DemoCommunity {
  _id: Types.ObjectId;
  name: string;
  streetId: Types.ObjectId;
}

export interface DemoMember {
  _id: Types.ObjectId;
  communityId: Types.ObjectId | null;
}

export interface DemoInput {
  communities: DemoCommunity[];
  /** Unit party organizations that report to the communities (双报到) and claim as organizations. */
  units: Types.ObjectId[];
  /** Members known from the members topic; none when the members service is not running. */
  members: DemoMember[];
  /**
   * Where the 群众诉求 are: 高密's communities, whose report gives the 1320 (none when the
   * projection holds no 高密).
   */
  requestCommunities: readonly Pick<DemoCommunity, '_id'>[];
}

export interface DemoData {
  tasks: VolunteerTask[];
  claims: Claim[];
  wishes: MicroWish[];
  requests: ServiceRequest[];
}

export const DEMO_TASKS = 220;
export const DEMO_WISHES = { total: 78, fulfilled: 54, claimed: 10 };
export const DEMO_REQUESTS = {
  accepted: 1320,
  closed: 1318,
  evaluated: 1317,
  satisfied: 1255,
  closedLate: 20,
  declined: 12,
};
export const ADMIN = 'demo-community-admin';
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export const demoId = demoIds('volunteering');
