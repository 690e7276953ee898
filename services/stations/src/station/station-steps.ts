import { defineSteps } from '@jiceng/workflow';

// A station closes for a while (repairs, a holiday) and opens again; CLOSED is for good. Steps are
// named by the status they lead to: changeStationStatus names it.
export const STATION_STEPS = defineSteps(
  'station',
  { OPEN: '开放', TEMPORARILY_CLOSED: '暂停开放', CLOSED: '已关闭' },
  {
    OPEN: { from: 'TEMPORARILY_CLOSED', to: 'OPEN', label: '重新开放 (reopening)' },
    TEMPORARILY_CLOSED: {
      from: 'OPEN',
      to: 'TEMPORARILY_CLOSED',
      label: '暂停开放 (closing for a while)',
    },
    CLOSED: {
      from: ['OPEN', 'TEMPORARILY_CLOSED'],
      to: 'CLOSED',
      label: '关闭 (closing for good)',
    },
  },
);
export type StationStatus = (typeof STATION_STEPS.states)[number];
