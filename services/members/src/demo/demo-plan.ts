import { idNumberCheckCharacter } from '../personal-data/id-number';
import { ageOn } from '../member/age';
import type { Gender, MemberStatus } from '../member/member.enums';
import type { OrgNode } from '@jiceng/org-projection';
import {
  demoCast,
  GAOMI,
  GAOMI_FIGURES,
  GAOMI_UNITS,
  gaomiCommunities,
  gaomiUnitBranches,
  gaomiUnitCommunity,
  gaomiUnitOrganization,
  LINGHE_STREETS,
  lingheStreetName,
  LULONG,
  lulongDemoGrids,
} from '@jiceng/demo';
import type { Types } from 'mongoose';
import { mobilePhone, personName, pick, rng, ROLES, type Role } from './demo-people';

// The demo members, planned from the demo organization trees as the projection knows them:
// the report's figures exactly (运河区: 27 city-unit and 53 district-unit organizations and
// 1509 + 1628 in-service members registered with its 73 communities, 96 applicants) and the
// rest at realistic scale; 高密's 140 units with 384 branches and 3600 members registered with its
// communities, and 卢龙's demo township's grid members with the shared plan's ids (@jiceng/demo
// grid-governance). Pure and deterministic: the same trees give the same members.

export const DEMO_TODAY = new Date(Date.UTC(2024, 5, 30));
export const FIGURES = {
  cityUnits: 27,
  districtUnits: 53,
  cityReporting: 1509,
  districtReporting: 1628,
  applicants: 96,
  yunheCommunities: 73,
  projectBranches: 140,
} as const;
export const LANDMARK_NAMES = {
  yunhe: '中共沧州市运河区委员会',
  cityUnits: '沧州市直属机关工委',
  districtUnits: '运河区直属机关工委',
  xiongan: '中共河北雄安新区工作委员会',
} as const;

// Members per branch by kind of branch; grid branches (community residents) take the rest.
// 高密's grid and compound branches (德邻有约) keep a fixed size: the rest goes to 运河区's grids.
const BRANCH_SIZES = {
  enterprise: 50,
  soe: 120,
  villager: 70,
  rider: 60,
  organ: 60,
  gaomiResident: 30,
} as const;
const UNIT_MEMBERS_NOT_REPORTING = { city: 12, district: 10, gaomi: 2 } as const;
const DAY = 86_400_000;

export interface PlannedMember {
  /** A fixed id for a member other services' demos refer to (the demo cast); else assigned. */
  id?: Types.ObjectId;
  branch: OrgNode;
  name: string;
  gender: Gender;
  birthDate: Date;
  idNumber: string;
  phone?: string;
  status: MemberStatus;
  statusSince: Date;
  reason?: string;
  employer?: string;
  occupation: string;
  tags: string[];
  inService: boolean;
  unit?: OrgNode;
  community?: { node: OrgNode; since: Date };
  floating?: { node: OrgNode; from: Date };
}

export interface PlannedUnitReport {
  unit: OrgNode;
  community: OrgNode;
  since: Date;
}

export interface Landmarks {
  yunhe: OrgNode;
  cityUnits: OrgNode[];
  districtUnits: OrgNode[];
  communities: OrgNode[];
  projectBranches: OrgNode[];
  xiongan: OrgNode;
  /** 凌河区's street working committees, street by street: the demo cast's organizations. */
  lingheStreets: OrgNode[];
  /** 卢龙县委: its villages' members stay home (no floating to 雄安's sites). */
  lulong: OrgNode;
  /** The 卢龙 demo township's village branches by name: their members are the grids' (plan). */
  lulongGridVillages: Map<string, OrgNode>;
  /** 高密市委: its grid and compound branches keep a fixed size. */
  gaomi: OrgNode;
  /** 高密's communities in the plan's order, and its 140 units' organizations in plan order. */
  gaomiCommunities: OrgNode[];
  gaomiUnits: OrgNode[];
  /** 高密's 384 unit branches, in plan order: their members report to 高密's communities. */
  gaomiUnitBranches: OrgNode[];
}

const byId = (a: OrgNode, b: OrgNode) => String(a._id).localeCompare(String(b._id));
const addDays = (date: Date, days: number) => new Date(date.getTime() + Math.floor(days) * DAY);
const yearsAfter = (date: Date, years: number) =>
  new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);
const compact = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');

/** The landmarks the plan needs, or what is still missing from the projection. */
export function findLandmarks(nodes: OrgNode[]): Landmarks | string[] {
  const children = new Map<string, OrgNode[]>();
  for (const node of nodes) {
    const key = String(node.parentId);
    children.set(key, [...(children.get(key) ?? []), node]);
  }
  const childrenOf = (node: OrgNode | undefined) =>
    node ? (children.get(String(node._id)) ?? []).sort(byId) : [];
  const named = (name: string) => nodes.find((n) => n.name === name);
  const yunhe = named(LANDMARK_NAMES.yunhe);
  const xiongan = named(LANDMARK_NAMES.xiongan);
  const branches = (name: string) => childrenOf(named(name)).filter((n) => n.kind === 'BRANCH');
  const cityUnits = branches(LANDMARK_NAMES.cityUnits);
  const districtUnits = branches(LANDMARK_NAMES.districtUnits);
  const communities = childrenOf(yunhe)
    .filter((street) => street.kind === 'WORKING_COMMITTEE' && street.sector === 'COMMUNITY')
    .flatMap(childrenOf)
    .filter((n) => n.sector === 'COMMUNITY');
  const projectBranches = xiongan
    ? nodes
        .filter(
          (n) => n.kind === 'TEMPORARY_BRANCH' && n.ancestorIds.some((a) => a.equals(xiongan._id)),
        )
        .sort(byId)
    : [];
  const lingheStreets = Array.from({ length: LINGHE_STREETS }, (_, s) =>
    named(lingheStreetName(s)),
  );
  const lulong = named(LULONG.county);
  const gaomi = named(GAOMI.city);
  const gridVillages = [...new Set(lulongDemoGrids().map((g) => g.village))];
  const lulongGridVillages = new Map(
    gridVillages.flatMap((name) => {
      const node = named(name);
      return node ? [[name, node] as const] : [];
    }),
  );
  const found = (names: string[]) => names.flatMap((name) => named(name) ?? []);
  const gaomiCommunityNodes = found(gaomiCommunities());
  const gaomiUnits = found(GAOMI_UNITS.map((u) => gaomiUnitOrganization(u).name));
  const gaomiUnitBranchNodes = found(GAOMI_UNITS.flatMap(gaomiUnitBranches));
  const missing = [
    ...(!lulong ? [LULONG.county] : []),
    ...(!gaomi ? [GAOMI.city] : []),
    ...(lulongGridVillages.size < gridVillages.length
      ? [`${gridVillages.length} villages of ${LULONG.demoTownship} (${lulongGridVillages.size})`]
      : []),
    ...(gaomiCommunityNodes.length < gaomiCommunities().length
      ? [`${gaomiCommunities().length} communities of 高密 (${gaomiCommunityNodes.length})`]
      : []),
    ...(gaomiUnits.length < GAOMI_FIGURES.units
      ? [`${GAOMI_FIGURES.units} units under ${GAOMI.units} (${gaomiUnits.length})`]
      : []),
    ...(gaomiUnitBranchNodes.length < GAOMI_FIGURES.unitBranches
      ? [
          `${GAOMI_FIGURES.unitBranches} unit branches under ${GAOMI.units} (${gaomiUnitBranchNodes.length})`,
        ]
      : []),
    ...lingheStreets.flatMap((street, s) => (street ? [] : [lingheStreetName(s)])),
    ...(!yunhe ? [LANDMARK_NAMES.yunhe] : []),
    ...(!xiongan ? [LANDMARK_NAMES.xiongan] : []),
    ...(cityUnits.length < FIGURES.cityUnits
      ? [`${FIGURES.cityUnits} branches under ${LANDMARK_NAMES.cityUnits} (${cityUnits.length})`]
      : []),
    ...(districtUnits.length < FIGURES.districtUnits
      ? [
          `${FIGURES.districtUnits} branches under ${LANDMARK_NAMES.districtUnits} (${districtUnits.length})`,
        ]
      : []),
    ...(communities.length < FIGURES.yunheCommunities
      ? [`${FIGURES.yunheCommunities} communities of 运河区 (${communities.length})`]
      : []),
    ...(projectBranches.length < FIGURES.projectBranches
      ? [`${FIGURES.projectBranches} project branches of 雄安 (${projectBranches.length})`]
      : []),
  ];
  if (missing.length) return missing;
  return {
    yunhe: yunhe!,
    xiongan: xiongan!,
    cityUnits: cityUnits.slice(0, FIGURES.cityUnits),
    districtUnits: districtUnits.slice(0, FIGURES.districtUnits),
    communities,
    projectBranches,
    lingheStreets: lingheStreets as OrgNode[],
    lulong: lulong!,
    lulongGridVillages,
    gaomi: gaomi!,
    gaomiCommunities: gaomiCommunityNodes,
    gaomiUnits,
    gaomiUnitBranches: gaomiUnitBranchNodes,
  };
}

/** Splits `total` over `parts` as evenly as possible, the first ones taking the remainder. */
const share = (total: number, parts: number, i: number) =>
  Math.floor(total / parts) + (i < total % parts ? 1 : 0);

type Kind =
  | keyof typeof BRANCH_SIZES
  | 'resident'
  | 'cityUnit'
  | 'districtUnit'
  | 'gaomiUnit'
  | 'gridVillage';

export function planDemo(nodes: OrgNode[], landmarks: Landmarks, target = 100_000) {
  const isUnder = (node: OrgNode, root: OrgNode) =>
    node.ancestorIds.some((a) => a.equals(root._id));
  const cityUnits = new Set(landmarks.cityUnits.map((n) => String(n._id)));
  const districtUnits = new Set(landmarks.districtUnits.map((n) => String(n._id)));
  const gaomiBranchIndex = new Map(landmarks.gaomiUnitBranches.map((n, i) => [String(n._id), i]));
  // Each 高密 unit branch's unit (高密市人民医院), its members' employer.
  const gaomiEmployers = GAOMI_UNITS.flatMap((u) => gaomiUnitBranches(u).map(() => u.unit));
  const gridVillages = new Set(
    [...landmarks.lulongGridVillages.values()].map((n) => String(n._id)),
  );
  const kindOf = (node: OrgNode): Kind => {
    if (cityUnits.has(String(node._id))) return 'cityUnit';
    if (districtUnits.has(String(node._id))) return 'districtUnit';
    if (gaomiBranchIndex.has(String(node._id))) return 'gaomiUnit';
    if (gridVillages.has(String(node._id))) return 'gridVillage';
    if (isUnder(node, landmarks.gaomi) && ['GRID', 'RESIDENTIAL_COMPOUND'].includes(node.sector))
      return 'gaomiResident';
    if (node.kind === 'MOBILE_BRANCH') return 'rider';
    if (node.sector === 'GRID') return 'resident';
    if (node.sector === 'VILLAGE') return 'villager';
    if (node.sector === 'SOE') return 'soe';
    if (node.sector === 'STATE_ORGAN') return 'organ';
    return 'enterprise';
  };
  const holders = nodes
    .filter((n) => n.status === 'ACTIVE' && (n.kind === 'BRANCH' || n.kind === 'MOBILE_BRANCH'))
    .sort(byId);
  const grids = holders.filter((n) => kindOf(n) === 'resident');
  // 卢龙's demo township: every member of a village branch is one of its grids' (fixed ids).
  const gridMembers = lulongDemoGrids().flatMap((g) =>
    g.memberIds.map((id) => ({ id, branch: landmarks.lulongGridVillages.get(g.village)! })),
  );
  const fixed = holders.reduce(
    (sum, n) => {
      const kind = kindOf(n);
      if (kind === 'cityUnit') return sum + UNIT_MEMBERS_NOT_REPORTING.city;
      if (kind === 'districtUnit') return sum + UNIT_MEMBERS_NOT_REPORTING.district;
      if (kind === 'gaomiUnit') return sum + UNIT_MEMBERS_NOT_REPORTING.gaomi;
      return kind === 'resident' || kind === 'gridVillage' ? sum : sum + BRANCH_SIZES[kind];
    },
    FIGURES.cityReporting +
      FIGURES.districtReporting +
      FIGURES.applicants +
      demoCast().length +
      GAOMI_FIGURES.reportingMembers +
      gridMembers.length,
  );
  const perGrid = Math.max(20, Math.ceil((target - fixed) / Math.max(1, grids.length)));

  const sequences = new Map<string, number>();
  const members: PlannedMember[] = [];
  const person = (branch: OrgNode, key: string, role: Role) => {
    const random = rng(`jiceng-demo-member:${branch._id}:${key}`);
    const male = random() >= role.femaleShare;
    const [youngest, oldest] = role.ages;
    const skew = role === ROLES.resident ? Math.sqrt(random()) : random();
    const age = youngest + Math.floor((oldest - youngest + 1) * skew);
    const birthDate = addDays(yearsAfter(DEMO_TODAY, -age - 1), 1 + random() * 364);
    // GB 11643: region, birth date, a sequence odd for men and even for women, check character.
    const region = /00$/.test(branch.regionCode)
      ? pick(random, ['130902', '130903'])
      : branch.regionCode;
    const slot = `${region}${compact(birthDate)}${male ? 1 : 0}`;
    const n = sequences.get(slot) ?? 0;
    sequences.set(slot, n + 1);
    const first17 = `${slot.slice(0, 14)}${String(n * 2 + (male ? 1 : 0)).padStart(3, '0')}`;
    return {
      random,
      base: {
        branch,
        name: personName(random, male),
        gender: (male ? 'MALE' : 'FEMALE') as Gender,
        birthDate,
        idNumber: first17 + idNumberCheckCharacter(first17),
        ...(random() < 0.92 && { phone: mobilePhone(random) }),
        occupation: pick(random, role.occupations),
        ...('employer' in role && role.employer
          ? { employer: role.employer(branch.name, random) }
          : {}),
        tags: [] as string[],
        inService: false,
      },
    };
  };
  const status = (random: () => number, birthDate: Date, reporting: boolean) => {
    const adult = yearsAfter(birthDate, 18);
    const draw = random();
    const recent = (fromDays: number, toDays: number) =>
      maxDate(adult, addDays(DEMO_TODAY, -(fromDays + random() * (toDays - fromDays))));
    if (!reporting && draw < 0.005)
      return {
        status: 'LEFT' as const,
        statusSince: recent(180, 3000),
        reason: pick(random, ['本人申请退党', '组织除名', '受开除党籍处分']),
      };
    if (!reporting && draw < 0.025)
      return { status: 'ACTIVIST' as const, statusSince: recent(30, 700) };
    if (!reporting && draw < 0.04)
      return { status: 'CANDIDATE' as const, statusSince: recent(10, 300) };
    if (draw < 0.07) return { status: 'PROBATIONARY' as const, statusSince: recent(5, 360) };
    const joined = addDays(yearsAfter(birthDate, 20 + Math.floor(random() * 15)), random() * 364);
    return {
      status: 'FULL' as const,
      statusSince: maxDate(adult, minDate(joined, addDays(DEMO_TODAY, -400))),
    };
  };

  for (const branch of holders) {
    const kind = kindOf(branch);
    if (kind === 'gridVillage') continue; // its members are the grids', below
    const unitIndex =
      kind === 'cityUnit'
        ? landmarks.cityUnits.findIndex((u) => u._id.equals(branch._id))
        : kind === 'gaomiUnit'
          ? gaomiBranchIndex.get(String(branch._id))!
          : landmarks.districtUnits.findIndex((u) => u._id.equals(branch._id));
    const reporting =
      kind === 'cityUnit'
        ? share(FIGURES.cityReporting, FIGURES.cityUnits, unitIndex)
        : kind === 'districtUnit'
          ? share(FIGURES.districtReporting, FIGURES.districtUnits, unitIndex)
          : kind === 'gaomiUnit'
            ? share(GAOMI_FIGURES.reportingMembers, GAOMI_FIGURES.unitBranches, unitIndex)
            : 0;
    const size =
      kind === 'cityUnit'
        ? reporting + UNIT_MEMBERS_NOT_REPORTING.city
        : kind === 'districtUnit'
          ? reporting + UNIT_MEMBERS_NOT_REPORTING.district
          : kind === 'gaomiUnit'
            ? reporting + UNIT_MEMBERS_NOT_REPORTING.gaomi
            : kind === 'resident'
              ? perGrid
              : BRANCH_SIZES[kind];
    const role: Role =
      kind === 'cityUnit' || kind === 'districtUnit' || kind === 'gaomiUnit' || kind === 'organ'
        ? ROLES.inService
        : kind === 'resident' || kind === 'gaomiResident'
          ? ROLES.resident
          : kind === 'villager'
            ? ROLES.villager
            : kind === 'rider'
              ? ROLES.rider
              : kind === 'soe'
                ? ROLES.soe
                : ROLES.enterprise;
    for (let i = 0; i < size; i++) {
      const { random, base } = person(branch, String(i), role);
      const reports = i < reporting;
      const member: PlannedMember = { ...base, ...status(random, base.birthDate, reports) };
      if (kind === 'gaomiUnit') member.employer = gaomiEmployers[unitIndex];
      if (role === ROLES.inService && member.status !== 'LEFT') {
        member.inService = true;
        member.unit = branch;
      }
      if (reports) {
        // 高密's in-service members report to the communities where they live, all over the city.
        const communities =
          kind === 'gaomiUnit' ? landmarks.gaomiCommunities : landmarks.communities;
        const c = (unitIndex * 11 + i) % communities.length;
        const since = addDays(new Date(Date.UTC(2022, 2, 5)), (unitIndex * 13 + i) % 300);
        member.community = {
          node: communities[c],
          since: maxDate(since, member.statusSince),
        };
      }
      if (kind === 'resident' && random() < 0.015) member.tags.push('党员智囊团');
      if (kind === 'resident' && random() < 0.03) member.tags.push('帮帮团');
      if (kind === 'rider' && branch.name.includes('车轮') && i < 10) member.tags.push('红旗车');
      // 卢龙's villagers stay in their villages (党员联系户 there), far from 雄安's sites.
      const worksOnSites =
        (kind === 'villager' && !isUnder(branch, landmarks.lulong)) ||
        (kind === 'enterprise' && isUnder(branch, landmarks.xiongan));
      const fit =
        ['FULL', 'PROBATIONARY'].includes(member.status) &&
        ageOn(member.birthDate, DEMO_TODAY) <= 58;
      if (worksOnSites && fit && random() < 0.5) {
        const from = maxDate(
          member.statusSince,
          addDays(new Date(Date.UTC(2023, 2, 1)), random() * 450),
        );
        member.floating = { node: pick(random, landmarks.projectBranches), from };
        member.occupation = pick(random, ['建筑工人', '钢筋工', '电焊工', '施工员', '项目经理']);
      }
      members.push(member);
    }
  }

  // "96名优秀青年递交了入党申请书": young applicants of 运河区's community and enterprise branches.
  const yunheHolders = holders.filter(
    (n) => isUnder(n, landmarks.yunhe) && ['resident', 'enterprise'].includes(kindOf(n)),
  );
  for (let j = 0; j < FIGURES.applicants; j++) {
    const branch = yunheHolders[(j * 7) % yunheHolders.length];
    const { random, base } = person(branch, `applicant-${j}`, ROLES.applicant);
    const applied = addDays(new Date(Date.UTC(2023, 2, 1)), random() * 300);
    members.push({
      ...base,
      status: 'APPLICANT',
      statusSince: maxDate(applied, yearsAfter(base.birthDate, 18)),
    });
  }

  // The members other services' demos refer to by id (the demo cast): cadres of 凌河区's streets.
  for (const cadre of demoCast()) {
    const branch = landmarks.lingheStreets[cadre.street];
    const { random, base } = person(branch, `cast-${cadre.id}`, ROLES.cadre);
    members.push({ ...base, id: cadre.id, ...status(random, base.birthDate, true) });
  }

  // 卢龙's demo township: each grid's members (2–6) with the plan's ids, in good standing so
  // that each can take 10–15 households (党员联系户).
  for (const { id, branch } of gridMembers) {
    const { random, base } = person(branch, `grid-${id}`, ROLES.villager);
    members.push({ ...base, id, ...status(random, base.birthDate, true) });
  }

  const unitReports: PlannedUnitReport[] = [
    ...landmarks.cityUnits.map((unit, i) => ({ unit, i, offset: 0 })),
    ...landmarks.districtUnits.map((unit, i) => ({ unit, i, offset: 1 })),
  ].map(({ unit, i, offset }) => ({
    unit,
    community: landmarks.communities[(i * 3 + offset) % landmarks.communities.length],
    since: addDays(new Date(Date.UTC(2022, 2, 1)), i),
  }));
  // 高密's 140 units report as units to the community the plan gives them (单位报到).
  const gaomiCommunityByName = new Map(landmarks.gaomiCommunities.map((n) => [n.name, n]));
  landmarks.gaomiUnits.forEach((unit, i) =>
    unitReports.push({
      unit,
      community: gaomiCommunityByName.get(gaomiUnitCommunity(i))!,
      since: addDays(new Date(Date.UTC(2023, 0, 5)), i),
    }),
  );
  return { members, unitReports };
}
