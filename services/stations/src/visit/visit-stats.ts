import type { StationService } from '../station/station.enums';
import type { WorkerKind } from '../worker/worker.enums';
import type { VisitDimension } from './visit.enums';
import type { VisitCounter } from './visit-counter';

/** One group of visits: the dimensions grouped by are set, the others are null. */
export interface VisitStatsRow {
  day: string | null;
  month: string | null;
  stationId: string | null;
  service: StationService | null;
  workerKind: WorkerKind | null;
  /** Visits; grouped by SERVICE: the visits that used the service. */
  visits: number;
}

export interface VisitStats {
  visits: number;
  rows: VisitStatsRow[];
}

type Counter = Pick<VisitCounter, 'stationId' | 'unit' | 'period' | 'visits' | 'kinds'>;

/** The finest cells of a counter: per kind, or per kind and service when services count. */
function cellsOf(counter: Counter, byService: boolean): VisitStatsRow[] {
  const base = {
    day: counter.unit === 'DAY' ? counter.period : null,
    month: counter.period.slice(0, 7),
    stationId: String(counter.stationId),
  };
  return Object.entries(counter.kinds).flatMap(([workerKind, count]): VisitStatsRow[] =>
    byService
      ? Object.entries(count?.services ?? {}).map(([service, visits]) => ({
          ...base,
          workerKind: workerKind as WorkerKind,
          service: service as StationService,
          visits: visits ?? 0,
        }))
      : [
          {
            ...base,
            workerKind: workerKind as WorkerKind,
            service: null,
            visits: count?.visits ?? 0,
          },
        ],
  );
}

const FIELD: Record<VisitDimension, keyof Omit<VisitStatsRow, 'visits'>> = {
  DAY: 'day',
  MONTH: 'month',
  STATION: 'stationId',
  SERVICE: 'service',
  WORKER_KIND: 'workerKind',
};

/**
 * Sums station counters (daily ones when grouping by DAY) into the groups asked for (none: one
 * row with every visit), rows in the order of their keys; groups without visits are left out.
 */
export function visitStats(counters: Counter[], groupBy: readonly VisitDimension[]): VisitStats {
  const fields = [...new Set(groupBy)].map((d) => FIELD[d]);
  const groups = new Map<string, VisitStatsRow>();
  for (const cell of counters.flatMap((c) => cellsOf(c, groupBy.includes('SERVICE')))) {
    if (!cell.visits) continue;
    const key = fields.map((f) => cell[f]).join('|');
    const row = groups.get(key) ?? {
      day: null,
      month: null,
      stationId: null,
      service: null,
      workerKind: null,
      ...Object.fromEntries(fields.map((f) => [f, cell[f]])),
      visits: 0,
    };
    row.visits += cell.visits;
    groups.set(key, row);
  }
  return {
    visits: counters.reduce((sum, c) => sum + c.visits, 0),
    rows: [...groups.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row),
  };
}
