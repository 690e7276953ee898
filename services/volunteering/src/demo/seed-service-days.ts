// The 高密 德邻有约 part of the volunteering demo loader (seed-demo.ts): finds the city's
// communities, their grid and compound branches, the units reporting to them and the members
// serving in them in this service's projections, inserts the missing 帮帮团 and service days
// (demo-service-days.ts), and adds each signed-off day to the read models serviceDayStats reads
// with the service's own tally (tallyServiceDay), as a sign-off through the API does. The days'
// outboxes (their steps, and each volunteer's attendance for the credit ledger) are published
// with the loader's other outboxes. Idempotent: the ids are fixed, a stored record is never
// written again, and a tally counts a day once.
import type { Connection, Model } from 'mongoose';
import { GAOMI, insertMissing } from '@jiceng/demo';
import type { OrgNode } from '@jiceng/org-projection';
import type { MemberNode } from '../member-projection/member-node.schema';
import { HELP_TEAM_MODEL, helpTeamSchema, type HelpTeam } from '../service-day/help-team.schema';
import { averageSatisfaction } from '../service-day/service-day-rules';
import { tallyServiceDay } from '../service-day/service-day-tally';
import {
  SERVICE_DAY_MODEL,
  SERVICE_DAY_TALLY_MODEL,
  serviceDaySchema,
  serviceDayTallySchema,
  type ServiceDay,
  type ServiceDayTally,
} from '../service-day/service-day.schema';
import {
  DEMO_SERVICE_DAYS,
  gaomiServiceDayInput,
  type DemoServiceDays,
  type Gaomi,
} from './demo-service-days';
import { settled, sleep } from './projection-wait';

const NODE_FIELDS = { name: 1, kind: 1, sector: 1, status: 1, parentId: 1, ancestorIds: 1 };

/** 高密 as the projection holds it now, or why it cannot be used yet. */
async function readGaomi(nodes: Model<OrgNode>): Promise<Gaomi | string> {
  const city = await nodes.findOne({ name: GAOMI.city }, NODE_FIELDS).lean<OrgNode>();
  if (!city) return `${GAOMI.city} is not in the organization projection`;
  const below = await nodes.find({ ancestorIds: city._id }, NODE_FIELDS).lean<OrgNode[]>();
  return gaomiServiceDayInput(city, below);
}

/**
 * 高密's communities with their branches, units and members once the projection holds the whole
 * city (or the reason, at the end of the wait); the members once their count settles (none when
 * the members service is not running: the days then have stalls and figures but no volunteers).
 */
export async function waitForGaomi(
  nodes: Model<OrgNode>,
  members: Model<MemberNode>,
  waitMs: number,
): Promise<Gaomi | string> {
  const deadline = Date.now() + waitMs;
  let gaomi = await readGaomi(nodes);
  while (typeof gaomi === 'string' && Date.now() < deadline) {
    await sleep(1000);
    gaomi = await readGaomi(nodes);
  }
  if (typeof gaomi === 'string') return gaomi;
  const query = {
    status: { $ne: 'LEFT' },
    communityId: { $in: gaomi.communities.map((c) => c._id) },
  };
  await settled(members, query);
  const serving = await members
    .find(query, { communityId: 1 })
    .sort({ _id: 1 })
    .lean<MemberNode[]>();
  for (const c of gaomi.communities)
    c.members = serving.filter((m) => String(m.communityId) === String(c._id)).map((m) => m._id);
  return gaomi;
}

/** The city's figures of the demo's months as serviceDayStats reads them: the tallies by `_id`. */
async function cityFigures(tallies: Model<ServiceDayTally>, cityId: string) {
  const ids = DEMO_SERVICE_DAYS.months.map((month) => `${cityId}|${month}`);
  const rows = await tallies.find({ _id: { $in: ids } }, { dayIds: 0 }).lean<ServiceDayTally[]>();
  const sum = (f: (t: ServiceDayTally) => number) => rows.reduce((n, t) => n + f(t), 0);
  const daysHeld = sum((t) => t.daysHeld);
  return {
    months: `${DEMO_SERVICE_DAYS.months[0]}…${DEMO_SERVICE_DAYS.months.at(-1)}`,
    daysHeld,
    services: sum((t) => t.services),
    volunteers: sum((t) => t.volunteers),
    beneficiaries: sum((t) => t.beneficiaries),
    averageSatisfaction: averageSatisfaction(
      sum((t) => t.satisfactionSum),
      daysHeld,
    ),
    problemsCollected: sum((t) => t.requestIds.length),
  };
}

/**
 * Inserts the missing 帮帮团 and days of `plan`, tallies the signed-off days not tallied yet, and
 * returns what is stored and the city's figures from the tallies.
 */
export async function loadServiceDays(
  connection: Connection,
  cityId: string,
  plan: DemoServiceDays,
): Promise<Record<string, unknown>> {
  const teams = connection.model<HelpTeam>(HELP_TEAM_MODEL, helpTeamSchema);
  const days = connection.model<ServiceDay>(SERVICE_DAY_MODEL, serviceDaySchema);
  const tallies = connection.model<ServiceDayTally>(SERVICE_DAY_TALLY_MODEL, serviceDayTallySchema);
  // The models build their indexes as they are compiled; writing meanwhile trips the Mongo-wire server.
  await Promise.all([teams.init(), days.init(), tallies.init()]);
  const insertedTeams = await insertMissing(teams, plan.helpTeams);
  const insertedDays = await insertMissing(days, plan.days);
  // Read back by `_id` (the demo's own days), so a crash between insert and tally is mended.
  const pending = (
    await days
      .find({ _id: { $in: plan.days.map((d) => d._id) } }, { outbox: 0 })
      .lean<ServiceDay[]>()
  ).filter((d) => d.state === 'SIGNED_OFF' && !d.talliedAt);
  for (const day of pending) await tallyServiceDay({ tallies, days }, day);
  const signedOff = plan.days.filter((d) => d.state === 'SIGNED_OFF');
  return {
    helpTeams: plan.helpTeams.length,
    serviceDays: plan.days.length,
    signedOff: signedOff.length,
    cancelled: plan.days.length - signedOff.length,
    inserted: { helpTeams: insertedTeams.length, serviceDays: insertedDays.length },
    tallied: pending.length,
    // Attendance events this run queued for the credit ledger.
    attendanceEventsQueued: insertedDays.reduce((n, d) => n + d.attendance.length, 0),
    city: await cityFigures(tallies, cityId),
  };
}
