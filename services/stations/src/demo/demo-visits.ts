// The demo's visits: "共计服务外卖员、快递员3580余人次" at 运河区's stations since they opened in
// May, and visits of the mobile branches' workers at 桃城区's stations; spread over the summer by
// season, weekday and hour, at open stations only, each with its event in its outbox.
import {
  addDays,
  daysBetween,
  isOpenAt,
  isoWeekday,
  shanghaiClock,
  shanghaiDate,
  shanghaiInstant,
} from '@jiceng/calendar';
import type { StationService } from '../station/station.enums';
import type { Station } from '../station/station.schema';
import { visitFingerprint } from '../visit/visit-fingerprint';
import type { VisitChannel } from '../visit/visit.enums';
import { visitRecord } from '../visit/visit.events';
import type { Visit } from '../visit/visit.schema';
import type { WorkerKind } from '../worker/worker.enums';
import type { Worker } from '../worker/worker.schema';
import { demoId, rng, weighted, weightedIndex } from './demo-kit';
import { platformOf } from './demo-people';

export interface VisitPlan {
  /** Names the visits' ids: `yunhe`, `taocheng`. */
  label: string;
  stations: Station[];
  workers: Worker[];
  total: number;
  /** First and last day of the visits (Asia/Shanghai). */
  from: string;
  to: string;
  /** Visits by workers who did not register: their share, and their kinds' weights. */
  walkIns?: { share: number; kinds: Partial<Record<WorkerKind, number>> };
}

const RECORDER = 'demo-station-operator';
// Lunch and dinner rushes; riders rest in the afternoon lull; few come at night.
const HOUR_WEIGHTS = [
  0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.6, 1, 1, 1.5, 3, 3.5, 2.5, 1.5, 1.3, 1.3, 2, 2.5, 2, 1.2,
  0.8, 0.5, 0.3,
];
const SERVICES_PER_VISIT = { one: 45, two: 40, three: 15 };

function dayWeight(day: string, first: string): number {
  const month = Number(day.slice(5, 7));
  const season = month === 7 || month === 8 ? 1.3 : month === 5 ? 0.8 : 1;
  const weekend = isoWeekday(day) >= 6 ? 1.15 : 1;
  const rampUp = daysBetween(first, day) < 10 ? 0.6 : 1;
  return season * weekend * rampUp;
}

/** Summer heat sends workers in to cool down and drink; meals are heated at mealtimes. */
function serviceWeights(day: string, hour: number): Record<StationService, number> {
  const month = Number(day.slice(5, 7));
  const mealtime = (hour >= 10 && hour <= 13) || (hour >= 17 && hour <= 20);
  return {
    WARMTH: month === 5 || month === 9 ? 0.4 : 0.05,
    COOLING: month === 7 || month === 8 ? 5 : month === 6 ? 3.5 : 1.5,
    DRINKING_WATER: 5,
    RESTROOM: 3,
    REST: 4,
    MEAL_HEATING: mealtime ? 6 : 1,
    FIRST_AID: 0.3,
  };
}

/** Whether the station is OPEN (not closed for repairs) at the instant, by its history. */
const openBy = (station: Station, instant: Date) =>
  station.statusHistory.filter((c) => c.changedAt <= instant).at(-1)?.status === 'OPEN';

/** An open instant at the station on the day, by the hour weights; null when it never opens. */
function openInstant(random: () => number, station: Station, day: string): Date | null {
  const open = HOUR_WEIGHTS.map((w, hour) =>
    isOpenAt(station.openingHours, shanghaiInstant(day, hour, 30)) ? w : 0,
  );
  if (open.every((w) => w === 0)) return null;
  const instant = shanghaiInstant(day, weightedIndex(random, open), Math.floor(random() * 60));
  return openBy(station, instant) ? instant : null;
}

function services(random: () => number, station: Station, day: string, hour: number) {
  const weights = serviceWeights(day, hour);
  const count = { one: 1, two: 2, three: 3 }[weighted(random, SERVICES_PER_VISIT)];
  const chosen: StationService[] = [];
  while (chosen.length < Math.min(count, station.services.length)) {
    const left = station.services.filter((s) => !chosen.includes(s));
    chosen.push(
      left[
        weightedIndex(
          random,
          left.map((s) => weights[s]),
        )
      ],
    );
  }
  return chosen;
}

export function demoVisits(plan: VisitPlan): Visit[] {
  const days = Array.from({ length: daysBetween(plan.from, plan.to) + 1 }, (_, i) =>
    addDays(plan.from, i),
  );
  const dayWeights = days.map((d) => dayWeight(d, plan.from));
  const stationWeights = plan.stations.map((_, i) => (i === 0 ? 3 : 1 + (i % 5) * 0.3));
  const homed = new Map(
    plan.stations.map((s) => [
      String(s._id),
      plan.workers.filter((w) => w.organizationId.equals(s.operatorId)),
    ]),
  );
  return Array.from({ length: plan.total }, (_, i) => {
    const random = rng(`visit/${plan.label}/${i}`);
    let station: Station;
    let visitedAt: Date | null;
    do {
      station = plan.stations[weightedIndex(random, stationWeights)];
      visitedAt = openInstant(random, station, days[weightedIndex(random, dayWeights)]);
    } while (!visitedAt);
    const day = shanghaiDate(visitedAt);
    const hour = Math.floor(shanghaiClock(visitedAt).minute / 60);
    const home = homed.get(String(station._id)) ?? [];
    const pool = home.length && random() < 0.7 ? home : plan.workers;
    const walkIn = plan.walkIns && random() < plan.walkIns.share ? plan.walkIns.kinds : null;
    const worker = walkIn ? null : pool[Math.floor(random() * pool.length)];
    const kind = worker?.kind ?? weighted(random, walkIn as Record<WorkerKind, number>);
    const platform = worker ? worker.platform : random() < 0.8 ? platformOf(random, kind) : null;
    const channel: VisitChannel =
      worker?.memberLink && random() < 0.6 ? 'WORKER_PHONE' : 'STATION_TERMINAL';
    const input = {
      clientVisitId: `demo-${plan.label}-${String(i).padStart(5, '0')}`,
      stationId: String(station._id),
      workerId: worker ? String(worker._id) : undefined,
      workerKind: worker ? undefined : kind,
      platform: worker ? undefined : (platform ?? undefined),
      services: services(random, station, day, hour),
      channel,
      visitedAt,
    };
    const recordedAt = new Date(visitedAt.getTime() + Math.floor(random() * 120_000));
    const visit: Visit = {
      _id: demoId(`visit/${plan.label}/${i}`),
      clientVisitId: input.clientVisitId,
      fingerprint: visitFingerprint(input),
      stationId: station._id,
      operatorId: station.operatorId,
      workerId: worker?._id ?? null,
      workerKind: kind,
      platform,
      services: input.services,
      channel,
      visitedAt,
      day,
      recordedBy: RECORDER,
      recordedAt,
      counted: false,
      outbox: [],
    };
    visit.outbox = [visitRecord(visit, recordedAt)];
    return visit;
  });
}
