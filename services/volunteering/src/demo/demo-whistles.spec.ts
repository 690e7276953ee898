import {
  addWorkingDays,
  isWorkingDay,
  officialCalendarDays,
  shanghaiDate,
  shanghaiDayEnd,
  shanghaiMonth,
} from '@jiceng/calendar';
import { parseEvent, whistleStepV1 } from '@jiceng/events';
import { LULONG, LULONG_DEPARTMENTS, LULONG_TOWNSHIPS } from '@jiceng/demo';
import { WHISTLE_CATEGORIES } from '../whistle/whistle.enums';
import { whistleEventKind } from '../whistle/whistle.events';
import type { Whistle } from '../whistle/whistle.schema';
import { WHISTLE_REPORT_STEPS, WHISTLE_STEPS } from '../whistle/whistle-steps';
import { sumTallies, tallyIncrements, type WhistleTally } from '../whistle/whistle-tally';
import {
  DEMO_WHISTLE_AS_OF,
  DEMO_WHISTLE_CATEGORIES,
  DEMO_WHISTLE_YEAR,
  DEMO_WHISTLES,
  demoWhistleFigures,
  demoWhistles,
  lulongWhistleInput,
  lulongWhistleNames,
} from './demo-whistles';
import { lulongProjectionNodes } from './projection-nodes.fixture';

const nodes = lulongProjectionNodes();
const province = nodes[0];
const county = nodes.find((n) => n.name === LULONG.county)!;
const input = lulongWhistleInput(nodes);
if (typeof input === 'string') throw new Error(input);
const whistles = demoWhistles(input);
const whistled = whistles.filter((w) => w.whistledAt);
const exceptions = new Map(officialCalendarDays().map((d) => [d.date, d.kind]));
const departmentIds = new Set(input.departments.map((d) => String(d._id)));

/** What the tally consumer does with the records, for the county's tallies of the year. */
function consumedTallies(all: readonly Whistle[]): WhistleTally[] {
  const tallies = new Map<string, WhistleTally>();
  for (const w of all) {
    expect(w.path.map(String)).toContain(String(county._id));
    const month = shanghaiMonth(w.raisedAt);
    const tally = tallies.get(month) ?? { _id: `${String(county._id)}|${month}`, orgId: '', month };
    tallies.set(month, tally);
    for (const record of w.outbox) {
      const event = parseEvent(whistleStepV1, record.value);
      expect(record.key).toBe(String(w._id));
      const kind = whistleEventKind(event.type)!;
      for (const [key, n] of Object.entries(tallyIncrements(kind, w, event.data.departmentId))) {
        const path = key.split('.');
        let at = tally as unknown as Record<string, any>;
        for (const part of path.slice(0, -1)) at = at[part] ??= {};
        at[path[path.length - 1]] = (at[path[path.length - 1]] ?? 0) + n;
      }
    }
  }
  return [...tallies.values()];
}

describe('the 卢龙县 吹哨报到 demo', () => {
  it('finds every village and department of the plan, below the county', () => {
    expect(input.villages).toHaveLength(LULONG_TOWNSHIPS.flatMap((t) => t.villages).length);
    expect(input.departments).toHaveLength(LULONG_DEPARTMENTS.length);
    expect(lulongWhistleNames()).toEqual(expect.arrayContaining([LULONG.county]));
    expect(lulongWhistleInput(nodes.filter((n) => n.name !== LULONG_DEPARTMENTS[0].name))).toMatch(
      /^missing 1 organizations/,
    );
    const outsider = { ...nodes.find((n) => n.name === LULONG_DEPARTMENTS[0].name)! };
    outsider.ancestorIds = [province._id];
    expect(
      lulongWhistleInput([...nodes.filter((n) => n.name !== outsider.name), outsider]),
    ).toMatch(/outside/);
  });

  it('whistles 69 problems in 4 categories, and a few resolved by the townships', () => {
    expect(whistled).toHaveLength(69);
    expect(whistles.filter((w) => w.resolvedAt)).toHaveLength(DEMO_WHISTLES.resolved);
    const byCategory: Record<string, number> = {};
    for (const w of whistled) byCategory[w.category] = (byCategory[w.category] ?? 0) + 1;
    expect(byCategory).toEqual(DEMO_WHISTLE_CATEGORIES);
    expect(Object.keys(byCategory).sort()).toEqual([...WHISTLE_CATEGORIES].sort());
    // Raised by villages of every township, each whistled by its own township.
    expect(new Set(whistled.map((w) => String(w.townshipId))).size).toBe(LULONG_TOWNSHIPS.length);
    for (const w of whistles) {
      const village = input.villages.find((v) => v._id.equals(w.requesterId))!;
      expect(w.townshipId).toEqual(village.townshipId);
      expect(w.countyId).toEqual(county._id);
    }
    expect(new Set(whistles.map((w) => String(w._id))).size).toBe(whistles.length);
  });

  it('calls 1–3 departments of 卢龙县 per problem, due in working days', () => {
    expect(whistled.map((w) => w.reports.length).sort()).toEqual(
      DEMO_WHISTLES.departmentCounts.flatMap((n, i) => Array<number>(n).fill(i + 1)).sort(),
    );
    for (const w of whistled) {
      expect(new Set(w.reports.map((r) => String(r.departmentId))).size).toBe(w.reports.length);
      expect(w.orgIds.map(String)).toEqual([
        String(w.requesterId),
        String(w.townshipId),
        ...w.reports.map((r) => String(r.departmentId)),
      ]);
      for (const r of w.reports) {
        expect(departmentIds.has(String(r.departmentId))).toBe(true);
        expect(r.dueDate).toBe(
          addWorkingDays(shanghaiDate(w.whistledAt!), w.workingDays!, exceptions),
        );
        expect(r.dueAt).toEqual(shanghaiDayEnd(r.dueDate));
        expect(r.answeredLate).toBe(r.answeredAt! > r.dueAt);
      }
      expect(w.openReports).toBe(0);
    }
    const reports = whistled.flatMap((w) => w.reports);
    expect(reports).toHaveLength(DEMO_WHISTLES.reports);
    expect(reports.filter((r) => r.answeredLate)).toHaveLength(DEMO_WHISTLES.late);
  });

  it('dates every step in order, on working days, before the as-of day', () => {
    const asOf = shanghaiDayEnd(DEMO_WHISTLE_AS_OF);
    for (const w of whistles) {
      const times = w.history.map((h) => h.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // Each entry is a step the state machine allows from the one before.
      for (let i = 1; i < w.history.length; i++) {
        const step = Object.values(WHISTLE_STEPS.steps).find(
          (s) =>
            s.to === w.history[i].state &&
            ([] as string[]).concat(s.from).includes(w.history[i - 1].state),
        );
        expect(step).toBeDefined();
      }
      expect(w.history[w.history.length - 1].state).toBe(w.state);
      for (const r of w.reports) {
        expect(r.history.map((h) => h.state)).toEqual([...WHISTLE_REPORT_STEPS.states]);
        expect([r.acceptedAt, r.actedAt, r.answeredAt]).toEqual(
          r.history.slice(1).map((h) => h.at),
        );
        const steps = [w.raisedAt, w.whistledAt!, ...r.history.map((h) => h.at), w.reportedAt!];
        expect(steps.map(Number)).toEqual(steps.map(Number).sort((a, b) => a - b));
      }
      if (w.reports.length)
        expect(w.reportedAt).toEqual(
          new Date(Math.max(...w.reports.map((r) => r.answeredAt!.getTime()))),
        );
      if (w.evaluatedAt) expect(w.evaluatedAt > (w.reportedAt ?? w.resolvedAt)!).toBe(true);
      const all = [...w.history, ...w.reports.flatMap((r) => r.history)].map((h) => h.at);
      for (const at of all) {
        expect(isWorkingDay(shanghaiDate(at), exceptions)).toBe(true);
        expect(at < asOf).toBe(true);
        expect(shanghaiDate(at).slice(0, 4)).toBe(DEMO_WHISTLE_YEAR);
      }
      expect(w.updatedAt).toEqual(new Date(Math.max(...all.map(Number))));
    }
  });

  it('carries the records of its steps, whose tallies give the printed figures', () => {
    for (const w of whistled.filter((x) => x.evaluatedAt))
      expect(w.outbox).toHaveLength(2 + 3 * w.reports.length + 1);
    const fromEvents = sumTallies(consumedTallies(whistles));
    const figures = demoWhistleFigures(whistles);
    expect(figures).toEqual(fromEvents);
    const evaluated = DEMO_WHISTLES.whistled - DEMO_WHISTLES.unevaluated + DEMO_WHISTLES.resolved;
    expect(figures).toMatchObject({
      raised: DEMO_WHISTLES.whistled + DEMO_WHISTLES.resolved,
      resolved: DEMO_WHISTLES.resolved,
      whistled: 69,
      reports: DEMO_WHISTLES.reports,
      answered: DEMO_WHISTLES.reports,
      onTime: DEMO_WHISTLES.reports - DEMO_WHISTLES.late,
      onTimeRate: 0.9464,
      evaluated,
      satisfied: evaluated - DEMO_WHISTLES.dissatisfied,
      satisfiedRate: 0.9577,
    });
    expect(figures.byCategory.reduce((s, c) => s + c.whistled, 0)).toBe(69);
    expect(figures.byDepartment.every((d) => departmentIds.has(d.departmentId))).toBe(true);
    expect(whistles.filter((w) => w.satisfaction === 'BASICALLY_SATISFIED')).toHaveLength(
      DEMO_WHISTLES.basicallySatisfied,
    );
  });

  it('is the same plan every time (records aside, which carry fresh event ids)', () => {
    const strip = (ws: Whistle[]) => ws.map(({ outbox: _, ...w }) => w);
    expect(strip(demoWhistles(input))).toEqual(strip(whistles));
  });
});
