import { Types } from 'mongoose';
import { isOpenAt, shanghaiDate } from '@jiceng/calendar';
import { DEMO, demoData, type DemoTree } from './demo-data';
import { taochengWorkers } from './demo-people';
import { REPAIR } from './demo-places';

const id = (i: number) => new Types.ObjectId(i.toString(16).padStart(24, '0'));
const org = (i: number, name: string) => ({ _id: id(i), name });
const tree: DemoTree = {
  yunheOperators: [
    org(1, '市场街道党工委'),
    ...Array.from({ length: 19 }, (_, i) => org(10 + i, `第${i}社区党委`)),
  ],
  liangxin: org(100, '桃城区委两新工委'),
  branches: {
    cheLun: org(101, '桃城区车轮支部'),
    wangShang: org(102, '桃城区网上支部'),
    linLi: org(103, '桃城区邻里小哥支部'),
  },
};
const members = Array.from({ length: 60 }, (_, i) => id(1000 + i));
const workers = taochengWorkers(tree.branches, () => members);
const data = demoData(tree, workers);

describe('stations demo', () => {
  it('has the reports’ figures: 20 + 14 stations, 3,586 visits in 运河区, 10 flag vehicles', () => {
    expect(data.stations.yunhe).toHaveLength(20);
    expect(data.stations.taocheng).toHaveLength(14);
    const yunhe = new Set(data.stations.yunhe.map((s) => String(s._id)));
    const yunheVisits = data.visits.filter((v) => yunhe.has(String(v.stationId)));
    expect(yunheVisits).toHaveLength(DEMO.yunheVisits);
    expect(new Set(yunheVisits.map((v) => v.workerKind))).toEqual(
      new Set(['DELIVERY_RIDER', 'COURIER']),
    );
    expect(data.visits).toHaveLength(DEMO.yunheVisits + DEMO.taochengVisits);
    expect(data.vehicles).toHaveLength(10);
    expect(data.vehicles.filter((v) => v.platform === 'MEITUAN')).toHaveLength(5);
    expect(
      data.vehicles.every((v) =>
        workers.find((w) => w._id.equals(v.workerId!))?.memberLink?.memberId.equals(v.memberId),
      ),
    ).toBe(true);
    expect(workers.filter((w) => w.memberLink)).toHaveLength(60);
  });

  it('places every visit at an open station, within its hours, with services it offers', () => {
    const stations = new Map(
      [...data.stations.yunhe, ...data.stations.taocheng].map((s) => [String(s._id), s]),
    );
    for (const visit of data.visits) {
      const station = stations.get(String(visit.stationId))!;
      expect(isOpenAt(station.openingHours, visit.visitedAt)).toBe(true);
      expect(visit.services.every((s) => station.services.includes(s))).toBe(true);
      expect(visit.day).toBe(shanghaiDate(visit.visitedAt));
      expect(visit.day >= '2023-05-15' && visit.day <= DEMO.lastVisitDay).toBe(true);
      expect(visit.outbox).toHaveLength(1);
    }
    const repaired = data.stations.yunhe[REPAIR.station];
    expect(repaired.statusHistory.map((h) => h.status)).toEqual([
      'OPEN',
      'TEMPORARILY_CLOSED',
      'OPEN',
    ]);
    expect(
      data.visits.filter(
        (v) => v.stationId.equals(repaired._id) && v.day >= REPAIR.from && v.day < REPAIR.to,
      ),
    ).toEqual([]);
  });

  it('checks members in from their phone only when linked, and is the same every time', () => {
    const linked = new Set(workers.filter((w) => w.memberLink).map((w) => String(w._id)));
    expect(
      data.visits
        .filter((v) => v.channel === 'WORKER_PHONE')
        .every((v) => linked.has(String(v.workerId))),
    ).toBe(true);
    const again = demoData(
      tree,
      taochengWorkers(tree.branches, () => members),
    );
    expect(again.visits.map((v) => [v._id, v.fingerprint, v.visitedAt])).toEqual(
      data.visits.map((v) => [v._id, v.fingerprint, v.visitedAt]),
    );
    expect(again.workers.yunhe.map((w) => w.pseudonym)).toEqual(
      data.workers.yunhe.map((w) => w.pseudonym),
    );
  });
});
