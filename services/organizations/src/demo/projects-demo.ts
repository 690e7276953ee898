import type { Connection } from 'mongoose';
import {
  XIONGAN_PROJECTS,
  XIONGAN_PROJECT_FIRMS,
  xionganFirmOfBranch,
  demoId,
  demoNodeNamed,
  insertMissing,
  type DemoNode,
} from './demo-tree';
import { demoFirms } from './firms-demo';
import type { ProjectStatus } from '../project/construction-project-steps';
import { projectRecord } from '../project/project.events';
import { PROJECT_MODEL, projectSchema, type ConstructionProject } from '../project/project.schema';

// 雄安站 opened in 2020, the rest are being built.
const PROJECT_STATUS: Record<string, ProjectStatus> = { 雄安高铁站: 'COMPLETED' };

/**
 * The four 雄安 projects on their joint committees, each project branch (临时党支部) linked to one of
 * the project's firms in turn (as xionganFirmOfBranch in @jiceng/demo says, which the volunteering
 * demo relies on). Each project carries its `created` event with that whole state.
 */
export function demoProjects(nodes: DemoNode[], now: Date): ConstructionProject[] {
  const firms = demoFirms(nodes, now);
  let nextFirm = 0;
  return XIONGAN_PROJECTS.map(([name]) => {
    const jc = demoNodeNamed(nodes, `${name}项目联合党委`);
    const projectFirms = firms.slice(nextFirm, nextFirm + XIONGAN_PROJECT_FIRMS[name]);
    nextFirm += projectFirms.length;
    const branches = nodes.filter(
      (n) => n.kind === 'TEMPORARY_BRANCH' && n.ancestorIds.some((a) => a.equals(jc._id)),
    );
    const project: Omit<ConstructionProject, 'outbox'> = {
      _id: demoId(`project:${name}`),
      name,
      regionCode: jc.regionCode,
      jointCommitteeId: jc._id,
      firmIds: projectFirms.map((f) => f._id),
      status: PROJECT_STATUS[name] ?? 'UNDER_CONSTRUCTION',
      branchLinks: branches.map((branch) => ({
        branchId: branch._id,
        firmId: firms[xionganFirmOfBranch(branch.name)!]._id,
        linkedAt: now,
      })),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return { ...project, outbox: [projectRecord('created', project, projectFirms, ['*'])] };
  });
}

export async function loadProjectDemo(connection: Connection, nodes: DemoNode[]) {
  const model = connection.model(PROJECT_MODEL, projectSchema);
  await model.init();
  return insertMissing(model, demoProjects(nodes, new Date()));
}
