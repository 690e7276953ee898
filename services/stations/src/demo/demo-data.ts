// The whole stations demo as data, from the organizations it hangs on: pure, so that a test can
// check its figures and loading it twice writes the same documents.
import type { Station } from '../station/station.schema';
import type { FlagVehicle } from '../vehicle/vehicle.schema';
import type { Visit } from '../visit/visit.schema';
import type { Worker } from '../worker/worker.schema';
import { flagVehicles, yunheWorkers, type MobileBranches } from './demo-people';
import {
  taochengStations,
  TAOCHENG_OPENED,
  YUNHE_OPENED,
  yunheStations,
  type DemoOrg,
} from './demo-places';
import { demoVisits } from './demo-visits';

export const DEMO = {
  yunheStations: 20,
  /** "共计服务外卖员、快递员3580余人次". */
  yunheVisits: 3586,
  taochengStations: 14,
  taochengVisits: 840,
  lastVisitDay: '2023-09-30',
};

export interface DemoTree {
  /** 市场街道 (home of the 党群服务中心) first, then 19 of 运河区's communities. */
  yunheOperators: DemoOrg[];
  /** 桃城区委两新工委, which runs the 爱心驿站 with the street and community centres. */
  liangxin: DemoOrg;
  branches: MobileBranches;
}

export interface DemoData {
  stations: { yunhe: Station[]; taocheng: Station[] };
  workers: { yunhe: Worker[]; taocheng: Worker[] };
  vehicles: FlagVehicle[];
  visits: Visit[];
}

/** `taochengWorkers`: the mobile branches' workers, with their member links. */
export function demoData(tree: DemoTree, taochengWorkers: Worker[]): DemoData {
  const stations = {
    yunhe: yunheStations(tree.yunheOperators),
    taocheng: taochengStations(tree.liangxin, DEMO.taochengStations),
  };
  const workers = { yunhe: yunheWorkers(tree.yunheOperators), taocheng: taochengWorkers };
  const visits = [
    ...demoVisits({
      label: 'yunhe',
      stations: stations.yunhe,
      workers: workers.yunhe,
      total: DEMO.yunheVisits,
      from: YUNHE_OPENED,
      to: DEMO.lastVisitDay,
      walkIns: { share: 0.15, kinds: { DELIVERY_RIDER: 70, COURIER: 30 } },
    }),
    ...demoVisits({
      label: 'taocheng',
      stations: stations.taocheng,
      workers: workers.taocheng,
      total: DEMO.taochengVisits,
      from: TAOCHENG_OPENED,
      to: DEMO.lastVisitDay,
    }),
  ];
  return {
    stations,
    workers,
    vehicles: flagVehicles(tree.branches.cheLun, taochengWorkers),
    visits,
  };
}
