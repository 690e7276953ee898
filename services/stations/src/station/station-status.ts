import { STATION_STATUS_LABELS, type StationStatus } from './station.enums';

// A station closes for a while (repairs, a holiday) and opens again; CLOSED is for good.
const NEXT: Record<StationStatus, StationStatus[]> = {
  OPEN: ['TEMPORARILY_CLOSED', 'CLOSED'],
  TEMPORARILY_CLOSED: ['OPEN', 'CLOSED'],
  CLOSED: [],
};

/** Why a station cannot go from one status to another, or null when it can. */
export function statusChangeProblem(from: StationStatus, to: StationStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  if (from === to) return `the station is already ${STATION_STATUS_LABELS[to]} (${to})`;
  if (from === 'CLOSED')
    return 'a closed station (已关闭) stays closed; register a new station instead';
  return `a station cannot go from ${from} to ${to}`;
}
