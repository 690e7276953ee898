import { Injectable } from '@nestjs/common';
import { canManage, isWithinScope, type Claims } from '@jiceng/auth';
import { badUserInput, forbidden, notFound } from '@jiceng/graphql';
import { FirmService } from '../firm/firm.service';
import type { OrganizationKind } from '@jiceng/events';
import type { Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import type {
  AssignBranchToFirmInput,
  CreateProjectAreaBranchInput,
  CreateProjectBranchInput,
  CreateProjectTeamGroupInput,
} from './dto/project.inputs';
import type { ConstructionProject } from './project.schema';
import { ProjectService } from './project.service';

const PROJECT_BRANCH_KINDS: OrganizationKind[] = ['TEMPORARY_BRANCH', 'BRANCH'];

/**
 * The three-level floating-member structure under a project's joint committee
 * (片区党总支 → 项目党支部 → 班组党小组), built as organization nodes through OrganizationService so
 * each gets its lifecycle event and the tree's scope rules, and the firm behind each project branch.
 */
@Injectable()
export class ProjectStructureService {
  constructor(
    private readonly projects: ProjectService,
    private readonly organizations: OrganizationService,
    private readonly firms: FirmService,
  ) {}

  async createAreaBranch(input: CreateProjectAreaBranchInput, claims: Claims) {
    // A write answers FORBIDDEN outside the caller's scope (createBelow checks it), not the
    // lookup's null: only lookups hide existence.
    const project = await this.projects.get(input.projectId);
    if (!project) throw badUserInput([{ field: 'input.projectId', message: 'does not exist' }]);
    const jc = await this.projects.jointCommitteeOf(project);
    if (!jc) throw notFound('Organization', String(project.jointCommitteeId));
    return this.createBelow(jc, input.name, 'GENERAL_BRANCH', claims);
  }

  async createBranch(input: CreateProjectBranchInput, claims: Claims) {
    const area = await this.levelParent(
      input.areaBranchId,
      'input.areaBranchId',
      ['GENERAL_BRANCH'],
      'an area general branch (片区党总支)',
      claims,
    );
    return this.createBelow(area.parent, input.name, 'TEMPORARY_BRANCH', claims);
  }

  async createTeamGroup(input: CreateProjectTeamGroupInput, claims: Claims) {
    const branch = await this.levelParent(
      input.branchId,
      'input.branchId',
      PROJECT_BRANCH_KINDS,
      'a project branch (项目党支部)',
      claims,
    );
    return this.createBelow(branch.parent, input.name, 'GROUP', claims);
  }

  /** Records which firm stands behind a project branch; one event per change of the link. */
  async assignBranchToFirm(
    input: AssignBranchToFirmInput,
    claims: Claims,
  ): Promise<ConstructionProject> {
    const { parent: branch, project } = await this.levelParent(
      input.branchId,
      'input.branchId',
      PROJECT_BRANCH_KINDS,
      'a project branch (项目党支部)',
      claims,
    );
    // Like changing the branch's node, linking it takes ADMIN or an ORG_ADMIN above it.
    if (!canManage(claims, scopedNode(branch)))
      throw forbidden(`You may not change project branch ${branch._id}`);
    if (branch.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.branchId', message: 'is dissolved' }]);
    const firm = await this.firms.get(input.firmId);
    if (!firm) throw badUserInput([{ field: 'input.firmId', message: 'does not exist' }]);
    if (!project.firmIds.some((id) => id.equals(firm._id)))
      throw badUserInput([
        { field: 'input.firmId', message: `is not a firm of construction project ${project._id}` },
      ]);
    if (firm.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.firmId', message: 'is deregistered' }]);
    const current = project.branchLinks.find((l) => l.branchId.equals(branch._id));
    if (current?.firmId.equals(firm._id)) return project;
    const branchLinks = [
      ...project.branchLinks.filter((l) => !l.branchId.equals(branch._id)),
      { branchId: branch._id, firmId: firm._id, linkedAt: new Date() },
    ];
    return this.projects.commit(project, { branchLinks }, 'branch-linked', ['firms']);
  }

  /** A node of the given kinds inside some project, readable by the caller. */
  private async levelParent(
    id: string,
    field: string,
    kinds: OrganizationKind[],
    what: string,
    claims: Claims,
  ): Promise<{ parent: Organization; project: ConstructionProject }> {
    const [parent] = await this.organizations.findByIds([id]);
    if (!parent) throw badUserInput([{ field, message: 'does not exist' }]);
    if (!isWithinScope(claims, scopedNode(parent)))
      throw forbidden(`Organization ${id} is outside your scope`);
    const project = kinds.includes(parent.kind) ? await this.projects.containing(parent) : null;
    if (!project)
      throw badUserInput([{ field, message: `must be ${what} of a construction project` }]);
    return { parent, project };
  }

  private createBelow(parent: Organization, name: string, kind: OrganizationKind, claims: Claims) {
    return this.organizations.create(
      {
        name,
        kind,
        sector: 'CONSTRUCTION_PROJECT',
        regionCode: parent.regionCode,
        parentId: String(parent._id),
      },
      claims,
    );
  }
}
