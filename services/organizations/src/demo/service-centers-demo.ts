import type { Connection } from 'mongoose';
import { WEEKDAYS } from '@jiceng/calendar';
import { demoChildren, demoId, demoNodeNamed, insertMissing, type DemoNode } from './demo-tree';
import type { OpeningInterval } from '../service-center/opening-hours';
import {
  SIX_HAVES_LABELS,
  STANDARD_ITEMS,
  type ServiceCenterKind,
  type ServiceCenterLevel,
  type StandardItem,
} from '../service-center/service-center.enums';
import {
  SERVICE_CENTER_MODEL,
  serviceCenterSchema,
  type ServiceCenter,
  type ServiceWindow,
} from '../service-center/service-center.schema';

// 运河区's six street centres (公园街道's below the 1000 m² standard) and its 73 community centres,
// about one in seven below 500 m²; a 小区党建客厅 on the first grid of two communities per street.
const STREET_AREAS = [1350, 1120, 1060, 960, 1500, 1010];
const WORKDAYS = WEEKDAYS.slice(0, 5);
const OFFICE_HOURS: OpeningInterval[] = WORKDAYS.flatMap((weekday) => [
  { weekday, opens: '08:30', closes: '12:00' },
  { weekday, opens: '14:30', closes: '17:30' },
]);
const SATURDAY_MORNING: OpeningInterval = { weekday: 'SATURDAY', opens: '09:00', closes: '12:00' };
const EVERY_DAY = WEEKDAYS.map((weekday) => ({ weekday, opens: '08:00', closes: '20:00' }));
const STREET_WINDOWS: ServiceWindow[] = [
  { name: '党员服务窗口', services: ['组织关系转接', '党费收缴', '入党咨询'] },
  { name: '社会保障窗口', services: ['社保登记', '医保报销', '退休认证'] },
  { name: '民政服务窗口', services: ['低保申请', '残疾人证办理', '养老服务补贴'] },
  { name: '综合受理窗口', services: ['居住证明', '计划生育服务', '群众诉求受理'] },
];
const STREET_FACILITIES = [
  '党员活动室',
  '综合服务大厅',
  '新时代文明实践站',
  '日间照料中心',
  '图书阅览室',
  '会议室',
];
const COMMUNITY_FACILITIES = [
  '党员活动室',
  '综合服务站',
  '日间照料站',
  '新时代文明实践站',
  '爱心超市',
  '居民议事厅',
];
const SIX_HAVES = Object.keys(SIX_HAVES_LABELS) as StandardItem[];
const PARTLY_MET: StandardItem[] = [...SIX_HAVES.slice(0, 4), ...STANDARD_ITEMS.slice(6, 12)];

const short = (node: DemoNode) => node.name.replace(/(党支部|党委|党工委|党总支)$/, '');

function center(
  org: DemoNode,
  fields: {
    name: string;
    kind: ServiceCenterKind;
    level: ServiceCenterLevel;
    floorAreaSqm: number;
    facilities: string[];
    standardItemsMet: StandardItem[];
    openingHours: OpeningInterval[];
    windows: ServiceWindow[];
  },
  now: Date,
): ServiceCenter {
  return {
    _id: demoId(`service-center:${org._id}:${fields.kind}`),
    organizationId: org._id,
    ...fields,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

export function demoServiceCenters(nodes: DemoNode[], now: Date): ServiceCenter[] {
  const yunhe = demoNodeNamed(nodes, '中共沧州市运河区委员会');
  const streets = demoChildren(nodes, yunhe).filter(
    (n) => n.kind === 'WORKING_COMMITTEE' && n.sector === 'COMMUNITY',
  );
  const centers: ServiceCenter[] = streets.map((street, s) =>
    center(
      street,
      {
        name: `${short(street)}党群服务中心`,
        kind: 'SERVICE_CENTER',
        level: 'STREET',
        floorAreaSqm: STREET_AREAS[s % STREET_AREAS.length],
        facilities: STREET_FACILITIES,
        standardItemsMet: STANDARD_ITEMS,
        openingHours: [...OFFICE_HOURS, SATURDAY_MORNING],
        windows: STREET_WINDOWS,
      },
      now,
    ),
  );
  let k = 0;
  for (const street of streets) {
    demoChildren(nodes, street).forEach((community, c) => {
      const below = k % 7 === 3;
      centers.push(
        center(
          community,
          {
            name: `${short(community)}党群服务中心`,
            kind: 'SERVICE_CENTER',
            level: 'COMMUNITY',
            floorAreaSqm: below ? 380 + ((k * 37) % 110) : 520 + ((k * 97) % 700),
            facilities: COMMUNITY_FACILITIES.slice(0, 3 + (k % 4)),
            standardItemsMet: below || k % 3 === 1 ? PARTLY_MET : STANDARD_ITEMS,
            openingHours: k % 2 === 0 ? [...OFFICE_HOURS, SATURDAY_MORNING] : OFFICE_HOURS,
            windows: [{ name: '综合服务窗口', services: ['社保代办', '居住证明', '党员服务'] }],
          },
          now,
        ),
      );
      const grid = demoChildren(nodes, community)[0];
      if (c < 2 && grid)
        centers.push(
          center(
            grid,
            {
              name: `${short(community)}${short(grid)}小区党建客厅`,
              kind: 'COMPOUND_LOUNGE',
              level: 'COMPOUND',
              floorAreaSqm: 60 + ((k * 7) % 80),
              facilities: ['党员活动区', '协商议事区', '便民服务点'],
              standardItemsMet: SIX_HAVES,
              // "无假日工作制": open every day.
              openingHours: EVERY_DAY,
              windows: [],
            },
            now,
          ),
        );
      k += 1;
    });
  }
  return centers;
}

export async function loadServiceCenterDemo(connection: Connection, nodes: DemoNode[]) {
  const model = connection.model(SERVICE_CENTER_MODEL, serviceCenterSchema);
  await model.init();
  return insertMissing(model, demoServiceCenters(nodes, new Date()));
}
