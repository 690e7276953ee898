import type { Connection } from 'mongoose';
import {
  XIONGAN_COUNTIES,
  XIONGAN_ENTERPRISES,
  XIONGAN_UNITS,
  demoChildren,
  demoId,
  demoNodeNamed,
  insertMissing,
  weifangVillageName,
  xionganVillageName,
  type DemoNode,
} from './demo-tree';
import { DEMO_FIRMS, firmBranchName } from './demo-firms';
import {
  PAIRING_KIND_LABELS,
  type JointProjectStatus,
  type PairingKind,
} from '../pairing/pairing.enums';
import { pairingRecord } from '../pairing/pairing.events';
import { pairingKindProblem } from '../pairing/pairing-rules';
import { PAIRING_MODEL, pairingSchema, type Pairing } from '../pairing/pairing.schema';

interface PartySpec {
  node: DemoNode;
  partTimeCommitteeMembers?: number;
}

/** A list item: [index of the party offering or needing it, name]. */
type ItemSpec = [number, string];

interface JointProjectSpec {
  name: string;
  note?: string;
  /** The statuses it went through after PLANNED, one step every 60 days. */
  steps: JointProjectStatus[];
}

interface PairingSpec {
  kind: PairingKind;
  name: string;
  parties: PartySpec[];
  resources: ItemSpec[];
  needs: ItemSpec[];
  jointProjects: JointProjectSpec[];
  startedAt: Date;
  ended?: { reason: string; at: Date };
}

const DAY_MS = 86_400_000;
const short = (node: DemoNode) => node.name.replace(/(党支部|党委|党工委)$/, '');
const day = (i: number) => new Date(Date.UTC(2021 + (i % 3), (i * 5) % 12, 1 + (i % 27)));
const pick = <T>(list: readonly T[], i: number) => list[i % list.length];

const ENTERPRISE_RESOURCES = [
  '技术培训',
  '就业岗位',
  '农产品采购',
  '结对帮扶资金',
  '志愿服务队',
  '电商直播',
  '设备捐赠',
];
const VILLAGE_NEEDS = ['产业项目', '农产品销路', '人居环境整治', '技能培训', '集体经济增收'];
const COMMUNITY_NEEDS = ['便民服务', '文明创建志愿者', '老旧小区改造', '青少年托管'];
const UNIT_RESOURCES = [
  '法律咨询',
  '义诊',
  '防诈骗宣传',
  '政策宣讲',
  '文明创建志愿服务',
  '技能培训',
];
const YUNHE_COMMUNITY_NEEDS = [
  '小门管控志愿者',
  '核酸检测志愿者',
  '老旧小区改造协调',
  '困难群众帮扶',
];
const JOINT_PROJECT_NAMES = [
  '党建共建示范点',
  '特色种植基地',
  '乡村振兴工作站',
  '村集体经济项目',
  '技能培训基地',
];
const STEP_PATTERNS: JointProjectStatus[][] = [
  [],
  ['IN_PROGRESS'],
  ['IN_PROGRESS', 'COMPLETED'],
  ['CANCELLED'],
];

// 村企 / 社企 / 国企联建: each of the 154 enterprises with one of the 132 villages and communities.
function enterprisePairings(nodes: DemoNode[]): PairingSpec[] {
  const enterprises = [
    ...DEMO_FIRMS.map((f) => demoNodeNamed(nodes, firmBranchName(f))),
    ...XIONGAN_ENTERPRISES.map((name) => demoNodeNamed(nodes, name)),
  ];
  const rural = [
    ...XIONGAN_COUNTIES.flatMap(([county]) =>
      demoChildren(nodes, demoNodeNamed(nodes, county)).filter((n) => n.sector === 'VILLAGE'),
    ),
    ...demoChildren(nodes, demoNodeNamed(nodes, '容东片区党工委')),
  ];
  return enterprises.map((enterprise, i) => {
    const partner = pick(rural, i);
    const kind: PairingKind =
      partner.sector !== 'VILLAGE'
        ? 'COMMUNITY_ENTERPRISE'
        : enterprise.sector === 'SOE' && i % 3 === 0
          ? 'SOE'
          : 'VILLAGE_ENTERPRISE';
    const startedAt = day(i);
    return {
      kind,
      name: `${short(partner)}—${short(enterprise)}${PAIRING_KIND_LABELS[kind]}`,
      parties: [{ node: partner }, { node: enterprise }],
      resources: [
        [1, pick(ENTERPRISE_RESOURCES, i)],
        [1, pick(ENTERPRISE_RESOURCES, i + 3)],
      ],
      needs: [[0, pick(partner.sector === 'VILLAGE' ? VILLAGE_NEEDS : COMMUNITY_NEEDS, i)]],
      jointProjects:
        i % 3 === 0
          ? [{ name: pick(JOINT_PROJECT_NAMES, i), steps: pick(STEP_PATTERNS, i / 3) }]
          : [],
      startedAt,
      ended:
        i % 50 === 49
          ? { reason: '企业迁出，联建协议到期', at: new Date(startedAt.getTime() + 365 * DAY_MS) }
          : undefined,
    };
  });
}

// 政企联建: "推动新区各单位党组织与疏解企业党组织开展结对联建…帮助协调解决用地、用工、资金、生产等问题".
function governmentPairings(nodes: DemoNode[]): PairingSpec[] {
  return XIONGAN_UNITS.map((unitName, i) => {
    const unit = demoNodeNamed(nodes, unitName);
    const firm = demoNodeNamed(nodes, firmBranchName(DEMO_FIRMS[i]));
    return {
      kind: 'GOVERNMENT_ENTERPRISE',
      name: `${short(unit)}—${short(firm)}政企联建`,
      parties: [{ node: unit }, { node: firm }],
      resources: [
        [0, '政策咨询'],
        [0, '审批代办'],
      ],
      needs: [[1, pick(['用地协调', '用工对接', '资金对接', '生产要素保障'], i)]],
      jointProjects: [],
      startedAt: day(i + 7),
    };
  });
}

// 跨省联建 雄安–潍坊: the umbrella agreement with its projects, and the first 8 village pairs.
function crossProvincePairings(nodes: DemoNode[]): PairingSpec[] {
  const xiongan = demoNodeNamed(nodes, '中共河北雄安新区工作委员会');
  const weifang = demoNodeNamed(nodes, '中共潍坊市委员会');
  const startedAt = new Date(Date.UTC(2022, 2, 15));
  const umbrella: PairingSpec = {
    kind: 'CROSS_PROVINCE',
    name: '雄安—潍坊跨省党建联建',
    parties: [{ node: xiongan }, { node: weifang }],
    resources: [
      [1, '设施农业技术'],
      [1, '蔬菜品种与标准'],
      [0, '土地与市场'],
    ],
    needs: [[0, '现代设施农业人才']],
    jointProjects: [
      {
        name: '高品质现代设施农业',
        note: '两地首批8个村党支部结对，累计投资2180万元，建设1300亩',
        steps: ['IN_PROGRESS'],
      },
      { name: '全国蔬菜质量标准中心品质蔬菜雄安试验站', steps: ['IN_PROGRESS', 'COMPLETED'] },
      { name: '“贾思勰·新农人行动”雄安人才服务站', steps: ['IN_PROGRESS', 'COMPLETED'] },
      { name: '雄安新区现代农业会客厅', steps: ['IN_PROGRESS'] },
    ],
    startedAt,
  };
  const xionganVillages = [
    ...[0, 1, 2].map((v) => xionganVillageName('安新县委', v)),
    ...[0, 1, 2].map((v) => xionganVillageName('容城县委', v)),
    ...[0, 1].map((v) => xionganVillageName('雄县县委', v)),
  ];
  const pairs: PairingSpec[] = xionganVillages.map((name, v) => {
    const village = demoNodeNamed(nodes, name);
    const partner = demoNodeNamed(nodes, weifangVillageName(v));
    return {
      kind: 'CROSS_PROVINCE',
      name: `${short(village)}—${short(partner)}跨省结对`,
      parties: [{ node: village }, { node: partner }],
      resources: [
        [1, '蔬菜种植技术'],
        [1, '种苗供应'],
      ],
      needs: [[0, '设施农业技术指导']],
      jointProjects: [
        { name: '设施蔬菜种植基地', steps: v < 4 ? ['IN_PROGRESS', 'COMPLETED'] : ['IN_PROGRESS'] },
      ],
      startedAt: new Date(startedAt.getTime() + 30 * DAY_MS),
    };
  });
  return [umbrella, ...pairs];
}

// 运河区 "大党委": each community leads the city and district units that report to it, and each
// unit sends one part-time member (兼职委员) to the community's committee.
function communityUnitPairings(nodes: DemoNode[]): PairingSpec[] {
  const yunhe = demoNodeNamed(nodes, '中共沧州市运河区委员会');
  const communities = demoChildren(nodes, yunhe)
    .filter((n) => n.kind === 'WORKING_COMMITTEE' && n.sector === 'COMMUNITY')
    .flatMap((street) => demoChildren(nodes, street));
  const units = [
    ...demoChildren(nodes, demoNodeNamed(nodes, '运河区直属机关工委')),
    ...demoChildren(nodes, demoNodeNamed(nodes, '沧州市直属机关工委')),
  ];
  return communities.map((community, c) => {
    const members = units.filter((_, u) => u % communities.length === c);
    return {
      kind: 'COMMUNITY_UNIT',
      name: `${short(community)}大党委`,
      parties: [
        { node: community },
        ...members.map((node) => ({ node, partTimeCommitteeMembers: 1 })),
      ],
      resources: members.map((_, m): ItemSpec => [m + 1, pick(UNIT_RESOURCES, c + m)]),
      needs: [[0, pick(YUNHE_COMMUNITY_NEEDS, c)]],
      jointProjects: c % 4 === 0 ? [{ name: '德邻有约服务日', steps: ['IN_PROGRESS'] }] : [],
      startedAt: new Date(Date.UTC(2022, 4, 1 + (c % 28))),
    };
  });
}

function build(spec: PairingSpec, now: Date): Pairing {
  const problem = pairingKindProblem(
    spec.kind,
    spec.parties.map((p) => p.node),
  );
  if (problem) throw new Error(`demo pairing ${spec.name}: ${problem}`);
  const key = spec.parties.map((p) => p.node.name).join('+');
  const item =
    (list: string) =>
    ([party, name]: ItemSpec, i: number) => ({
      _id: demoId(`pairing:${key}:${list}:${i}`),
      name,
      description: null,
      organizationId: spec.parties[party].node._id,
    });
  const pairing: Omit<Pairing, 'outbox'> = {
    _id: demoId(`pairing:${spec.kind}:${key}`),
    name: spec.name,
    kind: spec.kind,
    status: spec.ended ? 'ENDED' : 'ACTIVE',
    parties: spec.parties.map((p) => ({
      organizationId: p.node._id,
      partTimeCommitteeMembers: p.partTimeCommitteeMembers ?? 0,
    })),
    resources: spec.resources.map(item('resources')),
    needs: spec.needs.map(item('needs')),
    jointProjects: spec.jointProjects.map((j) => {
      const statuses: JointProjectStatus[] = ['PLANNED', ...j.steps];
      return {
        _id: demoId(`pairing:${key}:project:${j.name}`),
        name: j.name,
        description: null,
        note: j.note ?? null,
        status: statuses[statuses.length - 1],
        statusChanges: statuses.map((status, s) => ({
          status,
          at: new Date(spec.startedAt.getTime() + (s + 1) * 60 * DAY_MS),
          note: null,
        })),
      };
    }),
    startedAt: spec.startedAt,
    ...(spec.ended ? { endedAt: spec.ended.at, endReason: spec.ended.reason } : {}),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { ...pairing, outbox: [pairingRecord('created', pairing, ['*'])] };
}

export function demoPairings(nodes: DemoNode[], now: Date): Pairing[] {
  return [
    ...enterprisePairings(nodes),
    ...governmentPairings(nodes),
    ...crossProvincePairings(nodes),
    ...communityUnitPairings(nodes),
  ].map((spec) => build(spec, now));
}

export async function loadPairingDemo(connection: Connection, nodes: DemoNode[]) {
  const model = connection.model(PAIRING_MODEL, pairingSchema);
  await model.init();
  return insertMissing(model, demoPairings(nodes, new Date()));
}
