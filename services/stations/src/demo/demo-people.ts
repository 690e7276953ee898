// The demo's workers and flag vehicles: riders and couriers registered at 运河区's stations, the
// members of 桃城区's mobile branches (车轮, 网上, 邻里小哥), and the 10 党员红旗车 of the 车轮支部.
import type { Types } from 'mongoose';
import { shanghaiInstant } from '@jiceng/calendar';
import type { FlagVehicle } from '../vehicle/vehicle.schema';
import type { WorkerKind, WorkerPlatform } from '../worker/worker.enums';
import { pseudonym } from '../worker/pseudonym';
import type { Worker } from '../worker/worker.schema';
import { demoId, rng, weighted } from './demo-kit';
import { TAOCHENG_OPENED, YUNHE_OPENED, type DemoOrg } from './demo-places';

export const DEMO_PEOPLE = {
  yunheRiders: 300,
  yunheCouriers: 120,
  workersPerBranch: 100,
  /** Workers of each mobile branch linked to one of its party members, when members are known. */
  linksPerBranch: 20,
  flagVehicles: 10,
};
const ADMIN = 'demo-branch-admin';
const PLATFORMS: Record<WorkerKind, Partial<Record<WorkerPlatform, number>>> = {
  DELIVERY_RIDER: { MEITUAN: 55, ELEME: 45 },
  COURIER: {
    SF_EXPRESS: 25,
    ZTO: 20,
    YTO: 15,
    YUNDA: 15,
    STO: 10,
    JD_LOGISTICS: 10,
    CHINA_POST: 5,
  },
  RIDE_HAILING_DRIVER: { DIDI: 70, CAOCAO: 30 },
  TRUCK_DRIVER: { HUOLALA: 60, FULL_TRUCK_ALLIANCE: 40 },
};
export const platformOf = (random: () => number, kind: WorkerKind): WorkerPlatform =>
  weighted(random, PLATFORMS[kind] as Record<WorkerPlatform, number>);

/** A pseudonym drawn from the worker's path, as the service draws one at random. */
function demoPseudonym(path: string, kind: WorkerKind): string {
  const random = rng(`pseudonym/${path}`);
  return pseudonym(kind, (max) => Math.floor(random() * max));
}

function worker(
  path: string,
  kind: WorkerKind,
  organizationId: Types.ObjectId,
  mobileBranchId: Types.ObjectId | null,
  registered: string,
  memberId: Types.ObjectId | null,
): Worker {
  const createdAt = shanghaiInstant(registered, 10);
  return {
    _id: demoId(path),
    pseudonym: demoPseudonym(path, kind),
    kind,
    platform: platformOf(rng(`platform/${path}`), kind),
    organizationId,
    mobileBranchId,
    memberLink:
      memberId && mobileBranchId
        ? { memberId, branchId: mobileBranchId, linkedBy: ADMIN, linkedAt: createdAt }
        : null,
    registeredBy: ADMIN,
    version: 1,
    createdAt,
    updatedAt: createdAt,
  };
}

/** Riders and couriers, each registered at one 运河区 station's operator. */
export function yunheWorkers(operators: DemoOrg[]): Worker[] {
  const total = DEMO_PEOPLE.yunheRiders + DEMO_PEOPLE.yunheCouriers;
  return Array.from({ length: total }, (_, i) =>
    worker(
      `worker/yunhe/${i}`,
      i < DEMO_PEOPLE.yunheRiders ? 'DELIVERY_RIDER' : 'COURIER',
      operators[i % operators.length]._id,
      null,
      YUNHE_OPENED,
      null,
    ),
  );
}

export interface MobileBranches {
  cheLun: DemoOrg;
  wangShang: DemoOrg;
  linLi: DemoOrg;
}

// 车轮支部: riders first (the flag vehicles are theirs), then ride-hailing and truck drivers;
// 网上支部: platform riders and drivers; 邻里小哥支部: couriers.
const BRANCH_KINDS: Record<keyof MobileBranches, [WorkerKind, number][]> = {
  cheLun: [
    ['DELIVERY_RIDER', 40],
    ['RIDE_HAILING_DRIVER', 40],
    ['TRUCK_DRIVER', 20],
  ],
  wangShang: [
    ['DELIVERY_RIDER', 60],
    ['RIDE_HAILING_DRIVER', 40],
  ],
  linLi: [['COURIER', 100]],
};

/**
 * The workers of each mobile branch; the first of them are linked to the branch's party members
 * (as many as are known, up to linksPerBranch).
 */
export function taochengWorkers(
  branches: MobileBranches,
  members: (branch: DemoOrg) => Types.ObjectId[],
): Worker[] {
  return (Object.keys(BRANCH_KINDS) as (keyof MobileBranches)[]).flatMap((key) => {
    const branch = branches[key];
    const kinds = BRANCH_KINDS[key].flatMap(([kind, n]) => Array<WorkerKind>(n).fill(kind));
    const linked = members(branch).slice(0, DEMO_PEOPLE.linksPerBranch);
    return kinds.map((kind, i) =>
      worker(
        `worker/${key}/${i}`,
        kind,
        branch._id,
        branch._id,
        TAOCHENG_OPENED,
        linked[i] ?? null,
      ),
    );
  });
}

/** 命名"党员红旗车": linked riders of the 车轮支部, a 美团 and an 饿了么 fleet of five each. */
export function flagVehicles(cheLun: DemoOrg, workers: Worker[]): FlagVehicle[] {
  const linked = workers.filter(
    (w) => w.mobileBranchId?.equals(cheLun._id) && w.memberLink && w.kind === 'DELIVERY_RIDER',
  );
  const fleet = (platform: WorkerPlatform) =>
    linked.filter((w) => w.platform === platform).slice(0, DEMO_PEOPLE.flagVehicles / 2);
  const createdAt = shanghaiInstant('2023-06-28', 10);
  return [...fleet('MEITUAN'), ...fleet('ELEME')].map((rider, i) => ({
    _id: demoId(`vehicle/${i}`),
    plate: `冀TE${String(1001 + i * 37).padStart(4, '0')}`,
    kind: 'ELECTRIC_BIKE',
    platform: rider.platform,
    memberId: rider.memberLink!.memberId,
    mobileBranchId: cheLun._id,
    workerId: rider._id,
    namedOn: '2023-06-28',
    status: 'ACTIVE',
    retiredReason: null,
    createdBy: ADMIN,
    createdAt,
    updatedAt: createdAt,
  }));
}
