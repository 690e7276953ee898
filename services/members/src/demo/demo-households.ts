// 党员联系户 in the demo: the grids (网格党支部) of 水月寺街道, 运河区, each with five of its 党员
// contacting 10–15 households of the grid from December 2023, and their visits through the demo
// months: most before the 10th, some late, a few never, so that the figures and the duty show
// overdue members; now and then a visit finds a problem, most of them solved later in the month.
// Pure: the loader writes the rosters and visits, with their events, the way the service does.
import type { Types } from 'mongoose';
import { between, demoIds, rng } from '@jiceng/demo';
import { isOnTime, monthOfDay } from '../household-contacts/household-contact.rules';
import {
  HOUSEHOLD_CONTACT_DUTIES,
  HOUSEHOLD_PROBLEM_CATEGORIES,
  type HouseholdContactDuty,
} from '../household-contacts/household-contacts.enums';
import { householdRecord, visitRecord } from '../household-contacts/household-contacts.events';
import {
  householdKey,
  type HouseholdRoster,
  type HouseholdVisit,
  type RosterHousehold,
} from '../household-contacts/household-contacts.schema';
import type { EncryptedValue } from '../personal-data/personal-data.cipher';
import { ATTENDING_STATUSES } from '../organizational-life/organizational-life.enums';
import { pick } from './demo-people';

export const DEMO_HOUSEHOLD_STREET = '水月寺街道党工委';
export const DEMO_CONTACT_MONTHS = [
  '2024-01',
  '2024-02',
  '2024-03',
  '2024-04',
  '2024-05',
  '2024-06',
];
export const DEMO_ASSIGNED_ON = '2023-12-01';
/** 党员 per grid who contact households in the demo. */
export const DEMO_CONTACTS_PER_GRID = 5;
const RECORDED_BY = 'demo-yunhe-admin';
const PROBLEMS = [
  '楼道照明损坏，老人夜间出行不便',
  '独居老人家中水管漏水',
  '邻里因停车位发生矛盾',
  '低保申请材料不会填写',
  '小区垃圾清运不及时',
  '电动车楼道充电存在安全隐患',
];

export interface ContactGrid {
  _id: Types.ObjectId;
  /** The grid's path including itself. */
  path: Types.ObjectId[];
  /** The members of the grid's own branch: they contact its households. */
  members: { _id: Types.ObjectId; status: string }[];
}

const ids = demoIds('members-households');
const day = (month: string, d: number) => `${month}-${String(d).padStart(2, '0')}`;
const mobile = (random: () => number) =>
  `1${pick(random, ['3', '5', '8'])}${Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('')}`;

/** The grids' rosters, each household with its registration event. */
export function demoRosters(
  grids: readonly ContactGrid[],
  encrypt: (phone: string) => EncryptedValue,
  now: Date,
): HouseholdRoster[] {
  return grids.flatMap((grid) => {
    const contacts = grid.members
      .filter((m) => ATTENDING_STATUSES.includes(m.status))
      .sort((a, b) => String(a._id).localeCompare(String(b._id)))
      .slice(0, DEMO_CONTACTS_PER_GRID);
    if (!contacts.length) return [];
    let n = 0;
    const households: RosterHousehold[] = contacts.flatMap((member) => {
      const random = rng(`jiceng-demo-households:${grid._id}:${member._id}`);
      return Array.from({ length: between(random, 10, 15) }, () => {
        n += 1;
        const building = Math.ceil(n / 12);
        const unit = (n - 1) % 12 < 6 ? 1 : 2;
        const room = `${Math.ceil((((n - 1) % 6) + 1) / 2)}0${((n - 1) % 2) + 1}`;
        return {
          _id: ids(`${grid._id}/h${n}`),
          address: `${building}号楼${unit}单元${room}`,
          ...(random() < 0.6 && { phone: encrypt(mobile(random)) }),
          memberId: member._id,
          assignedOn: DEMO_ASSIGNED_ON,
          history: [{ from: null, to: member._id, on: DEMO_ASSIGNED_ON, by: RECORDED_BY, at: now }],
          registeredOn: DEMO_ASSIGNED_ON,
          createdAt: now,
        };
      });
    });
    const roster: HouseholdRoster = {
      _id: grid._id,
      organizationPath: grid.path,
      households,
      version: 1,
      createdAt: now,
      updatedAt: now,
      outbox: [],
    };
    roster.outbox = households.map((h) =>
      householdRecord('jiceng.members.household.registered', roster, h, null, now),
    );
    return [roster];
  });
}

/**
 * The visits of the demo months: per household and month, 85% by the 10th, 8% later in the
 * month, the rest not at all; one in twelve finds a problem, seven in ten of those solved.
 */
export function demoVisits(rosters: readonly HouseholdRoster[], now: Date): HouseholdVisit[] {
  return rosters.flatMap((roster) =>
    roster.households.flatMap((h) =>
      DEMO_CONTACT_MONTHS.flatMap((month) => {
        const key = `${roster._id}/${h._id}/${month}`;
        const random = rng(`jiceng-demo-household-visit:${key}`);
        const draw = random();
        if (draw >= 0.93) return [];
        const visitedOn = day(
          month,
          draw < 0.85 ? between(random, 1, 10) : between(random, 11, 28),
        );
        const duties = [
          ...new Set([
            pick(random, HOUSEHOLD_CONTACT_DUTIES),
            pick(random, HOUSEHOLD_CONTACT_DUTIES),
          ]),
        ] as HouseholdContactDuty[];
        const problem =
          random() < 1 / 12
            ? {
                description: pick(random, PROBLEMS),
                category: pick(random, HOUSEHOLD_PROBLEM_CATEGORIES),
              }
            : undefined;
        const solved = problem && random() < 0.7;
        const visit: HouseholdVisit = {
          _id: ids(key),
          gridId: roster._id,
          gridPath: roster.organizationPath,
          householdId: householdKey(roster._id, h._id),
          memberId: h.memberId as Types.ObjectId,
          // The demo's contacts are members of the grid itself (ContactGrid.members): their branch.
          branchId: roster._id,
          visitedOn,
          month: monthOfDay(visitedOn),
          onTime: isOnTime(visitedOn),
          duties,
          ...(problem && { problem }),
          recordedBy: RECORDED_BY,
          version: 1,
          createdAt: now,
          updatedAt: now,
          outbox: [],
        };
        const outbox = [visitRecord('jiceng.members.household-visit.recorded', visit)];
        if (!solved) return [{ ...visit, outbox }];
        const resolved: HouseholdVisit = {
          ...visit,
          problem: {
            ...problem,
            solvedOn: day(month, Math.min(28, Number(visitedOn.slice(8)) + between(random, 1, 10))),
            solution: '网格党支部协调解决',
            solvedBy: RECORDED_BY,
          },
          version: 2,
        };
        outbox.push(visitRecord('jiceng.members.household-problem.resolved', resolved));
        return [{ ...resolved, outbox }];
      }),
    ),
  );
}
