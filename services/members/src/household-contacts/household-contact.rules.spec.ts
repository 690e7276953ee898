import { Types } from 'mongoose';
import {
  assignedOnProblem,
  dutyHolder,
  dutyMetInYear,
  dutyMonth,
  holderOn,
  isOnTime,
  monthsSoFar,
  visitDueDate,
} from './household-contact.rules';
import { householdKey, parseHouseholdKey, type RosterHousehold } from './household-contacts.schema';
import { gridMonthStats, memberDutyMonth, statsTotals } from './household-stats';
import type { HouseholdGridMonth } from './household-tally.schema';

const A = new Types.ObjectId().toHexString();
const B = new Types.ObjectId().toHexString();
const GRID = new Types.ObjectId();

describe('the visit due date (每月10日前)', () => {
  it('is the 10th of the month, the 10th itself on time', () => {
    expect(visitDueDate('2024-03')).toBe('2024-03-10');
    expect(isOnTime('2024-03-01')).toBe(true);
    expect(isOnTime('2024-03-10')).toBe(true);
    expect(isOnTime('2024-03-11')).toBe(false);
    expect(isOnTime('2024-02-29')).toBe(false);
  });
});

describe('who holds a household', () => {
  const steps = [
    { memberId: A, on: '2024-01-15' },
    { memberId: B, on: '2024-03-05' },
  ];
  it('is the last assignment in effect by the day', () => {
    expect(holderOn(steps, '2024-01-14')).toBeNull();
    expect(holderOn(steps, '2024-01-15')).toBe(A);
    expect(holderOn(steps, '2024-03-04')).toBe(A);
    expect(holderOn(steps, '2024-03-05')).toBe(B);
  });
  it('owes a month to whoever held it on the 1st: a household received mid-month is due next month', () => {
    expect(dutyHolder(steps, '2024-01')).toBeNull();
    expect(dutyHolder(steps, '2024-02')).toBe(A);
    expect(dutyHolder(steps, '2024-03')).toBe(A);
    expect(dutyHolder(steps, '2024-04')).toBe(B);
  });
  it('refuses an assignment in the future or before the last one', () => {
    expect(assignedOnProblem(steps, '2024-03-04', '2024-06-01')).toMatch(/before .*2024-03-05/);
    expect(assignedOnProblem(steps, '2024-07-01', '2024-06-01')).toMatch(/future/);
    expect(assignedOnProblem(steps, '2024-03-05', '2024-06-01')).toBeNull();
    expect(assignedOnProblem([], '2020-01-01', '2024-06-01')).toBeNull();
  });
});

describe("a member's monthly duty", () => {
  const due = (id: string, visitedOnTime: boolean, visitedLate = false) => ({
    householdId: id,
    visitedOnTime,
    visitedLate,
  });
  it('is NONE without households, MET when every one was visited by the 10th', () => {
    expect(dutyMonth('2024-03', [], '2024-05-01').status).toBe('NONE');
    expect(dutyMonth('2024-03', [due('h1', true), due('h2', true)], '2024-05-01')).toMatchObject({
      status: 'MET',
      assigned: 2,
      visitedOnTime: 2,
    });
  });
  it('is PENDING up to the 10th and MISSED after it, a late visit included', () => {
    const households = [due('h1', true), due('h2', false, true), due('h3', false)];
    expect(dutyMonth('2024-03', households, '2024-03-10').status).toBe('PENDING');
    expect(dutyMonth('2024-03', households, '2024-03-11')).toMatchObject({
      status: 'MISSED',
      visitedOnTime: 1,
      visitedLate: 1,
      notVisitedOnTime: ['h2', 'h3'],
    });
  });
  it('meets the year unless a month was missed; null when no month had households', () => {
    const m = (status: 'NONE' | 'MET' | 'PENDING' | 'MISSED') => ({
      month: '2024-01',
      status,
      assigned: 0,
      visitedOnTime: 0,
      visitedLate: 0,
      notVisitedOnTime: [],
    });
    expect(dutyMetInYear([m('NONE'), m('NONE')])).toBeNull();
    expect(dutyMetInYear([m('NONE'), m('MET'), m('PENDING')])).toBe(true);
    expect(dutyMetInYear([m('MET'), m('MISSED'), m('MET')])).toBe(false);
  });
  it('judges the months of a year up to the current one', () => {
    expect(monthsSoFar(2024, '2024-03-15')).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(monthsSoFar(2025, '2024-03-15')).toEqual([]);
    expect(monthsSoFar(2023, '2024-03-15')).toHaveLength(12);
  });
});

describe("a grid's month", () => {
  const household = (memberId: string | null, on: string, registeredOn = on): RosterHousehold => ({
    _id: new Types.ObjectId(),
    address: '3号楼2单元501',
    memberId: memberId ? new Types.ObjectId(memberId) : null,
    assignedOn: memberId ? on : null,
    history: memberId
      ? [{ from: null, to: new Types.ObjectId(memberId), on, by: 'admin', at: new Date() }]
      : [],
    registeredOn,
    createdAt: new Date(),
  });
  const h1 = household(A, '2024-02-01');
  const h2 = household(A, '2024-02-01');
  const h3 = household(B, '2024-03-05'); // due from April
  const h4 = household(null, '2024-02-01');
  const roster = { _id: GRID, households: [h1, h2, h3, h4] };
  const key = (h: RosterHousehold) => householdKey(GRID, h._id);
  const tally: HouseholdGridMonth = {
    _id: `${GRID}|2024-03`,
    organizationId: GRID,
    month: '2024-03',
    visits: {
      v1: {
        householdId: key(h1),
        memberId: A,
        visitedOn: '2024-03-08',
        onTime: true,
        problem: 'HARDSHIP',
        solved: true,
        version: 2,
      },
      v2: {
        householdId: key(h2),
        memberId: A,
        visitedOn: '2024-03-20',
        onTime: false,
        problem: 'SAFETY',
        solved: false,
        version: 1,
      },
      v3: {
        householdId: key(h3),
        memberId: B,
        visitedOn: '2024-03-06',
        onTime: true,
        problem: null,
        solved: false,
        version: 1,
      },
    },
  };

  it('counts due households from the roster on the 1st and visits from the tally', () => {
    const stats = gridMonthStats(String(GRID), roster, tally, '2024-03', '2024-04-02');
    expect(stats).toMatchObject({
      households: 4,
      covered: 2,
      visitedOnTime: 1,
      visitedLate: 1,
      members: 1,
      overdueMembers: [A],
      problemsFound: 2,
      problemsSolved: 1,
    });
    expect(
      gridMonthStats(String(GRID), roster, tally, '2024-03', '2024-03-09').overdueMembers,
    ).toEqual([]);
    expect(statsTotals([stats, stats])).toMatchObject({
      grids: 2,
      gridsCovered: 2,
      covered: 4,
      overdueMembers: 1,
    });
  });

  it('gives each member its own month', () => {
    const grids = [{ roster, tally }];
    expect(memberDutyMonth(A, grids, '2024-03', '2024-04-02')).toMatchObject({
      status: 'MISSED',
      assigned: 2,
      notVisitedOnTime: [key(h2)],
    });
    expect(memberDutyMonth(B, grids, '2024-03', '2024-04-02').status).toBe('NONE');
    expect(memberDutyMonth(B, [{ roster, tally: null }], '2024-04', '2024-04-02').status).toBe(
      'PENDING',
    );
  });

  it('names households <gridId>:<id>', () => {
    expect(parseHouseholdKey(key(h1))).toEqual({ gridId: String(GRID), id: String(h1._id) });
    expect(parseHouseholdKey('nonsense')).toBeNull();
  });
});
