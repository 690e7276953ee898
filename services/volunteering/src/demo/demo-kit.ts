// Shared pieces of the volunteering demo: its input, deterministic ids and randomness, and
// Shanghai wall-clock times.
import { Types } from 'mongoose';
import type { Claim } from '../claim/claim.schema';
import type { MicroWish } from '../micro-wish/micro-wish.schema';
import type { ServiceRequest } from '../service-request/service-request.schema';
import { SHANGHAI_OFFSET_MS } from '../shared/shanghai-time';
import type { VolunteerTask } from '../task/task.schema';
import { demoIds } from '@jiceng/demo';
export { between, rng, weighted } from '@jiceng/demo';

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
export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export const demoId = demoIds('volunteering');

/** Shanghai wall-clock time on a date, as an instant. */
export const shanghai = (date: string, hour: number, minute = 0) =>
  new Date(
    Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + hour * HOUR_MS + minute * MINUTE_MS,
  );
export const dateAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
