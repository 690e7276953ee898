// 雄安's four construction projects, which firm stands behind each project branch, and the demo
// quarter in which "24家企业获得党建信用加分": the organizations demo builds the projects from this,
// the volunteering demo lets the floating members of each firm's branches serve from it, and the
// credit demo's test proves from it that exactly the 24 firms reach a tier. One plan, so no
// service guesses what another one built.

/** Each project with its number of project branches (标段临时党支部), "140余个". */
export const XIONGAN_PROJECTS: [string, number][] = [
  ['雄安高铁站', 40],
  ['东西轴线', 36],
  ['容东片区', 34],
  ['启动区', 30],
];

/** The 24 contractors spread over the four projects, in the order of the demo's firm list. */
export const XIONGAN_PROJECT_FIRMS: Record<string, number> = {
  雄安高铁站: 7,
  东西轴线: 6,
  容东片区: 6,
  启动区: 5,
};

/** A project branch's name; `section` counts from 1. */
export const xionganBranchName = (project: string, section: number) =>
  `${project}${section}标段临时党支部`;

/**
 * The index in the demo's firm list of the firm behind a project branch: the project's firms
 * take its sections in turn. Null for a name that is no demo project branch.
 */
export function xionganFirmOfBranch(branchName: string): number | null {
  let offset = 0;
  for (const [project, sections] of XIONGAN_PROJECTS) {
    const match = new RegExp(`^${project}(\\d+)标段临时党支部$`).exec(branchName);
    const firms = XIONGAN_PROJECT_FIRMS[project];
    if (match && Number(match[1]) >= 1 && Number(match[1]) <= sections)
      return offset + ((Number(match[1]) - 1) % firms);
    offset += firms;
  }
  return null;
}

/** The (past) quarter whose volunteering earns the 24 firms their bonus. */
export const DEMO_BONUS_QUARTER = '2024-Q2';
/** The quarter's working weeks the service days fall in: 2024-04-08 … 2024-06-21. */
export const DEMO_BONUS_WEEKS = 11;
/** Points of one 项目党员进社区 service task: a working day's service in a 容东 community. */
export const DEMO_BONUS_TASK_POINTS = 20;
/** Members one service task takes. */
export const DEMO_BONUS_TASK_SLOTS = 10;

export type DemoBonusTier = 'A' | 'B' | 'C';

/**
 * The tier each firm is meant to reach, firm by firm: four A, eight B, twelve C, spread over
 * the projects.
 */
export const demoFirmTier = (firm: number): DemoBonusTier =>
  firm % 6 === 0 ? 'A' : firm % 3 === 1 ? 'B' : 'C';

/**
 * Approved service days (claims) the firm's floating members give in the demo quarter. At 10 firm
 * points a day (half of 20): A 3300–3700 (≥ 3000), B 1400–2200 (1000–2999), C 450–650 (300–999).
 * Each lies 15 days or more inside its band: a broker that also carries other runs' members
 * (tests on a shared infrastructure) may leave a few approvals unattributed without moving a
 * firm out of its tier.
 */
export function demoFirmServiceDays(firm: number): number {
  const step = firm % 5;
  const tier = demoFirmTier(firm);
  if (tier === 'A') return 330 + step * 10;
  if (tier === 'B') return 140 + step * 20;
  return 45 + step * 5;
}

/** Service days the firm's members signed up for but did not get approved (not counted). */
export const demoFirmUnapprovedDays = (firm: number) => 2 + (firm % 3);
