import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, isWithinScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import type { ConstructionFirm } from '../firm/firm.schema';
import { FirmService } from '../firm/firm.service';
import type { Organization } from '../organization/organization.schema';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import type {
  ConstructionProjectFilter,
  CreateConstructionProjectInput,
  UpdateConstructionProjectInput,
} from './dto/project.inputs';
import { projectStatusProblem } from './construction-project-steps';
import { projectRecord, type ProjectChange } from './project.events';
import { PROJECT_MODEL, PROJECT_PROJECTION, type ConstructionProject } from './project.schema';

/** A project is read by whoever may read its joint committee. */
export function canReadProject(claims: Claims, jointCommittee: Organization | null): boolean {
  return jointCommittee !== null && isWithinScope(claims, scopedNode(jointCommittee));
}

/**
 * A project is the joint committee's own business, so its ORG_ADMIN manages it, as do the
 * ORG_ADMINs above it and ADMIN (unlike the committee's node record, which the level above keeps).
 */
export function canManageProject(claims: Claims, jointCommittee: Organization): boolean {
  return (
    claims.role === 'ADMIN' ||
    (claims.role === 'ORG_ADMIN' && isWithinScope(claims, scopedNode(jointCommittee)))
  );
}

function filterQuery(filter: ConstructionProjectFilter | undefined) {
  const query: QueryFilter<ConstructionProject> = {};
  if (filter?.status) query.status = filter.status;
  if (filter?.regionCodePrefix) query.regionCode = { $regex: `^${filter.regionCodePrefix}` };
  return query;
}

@Injectable()
export class ProjectService {
  constructor(
    @InjectModel(PROJECT_MODEL) private readonly model: Model<ConstructionProject>,
    private readonly organizations: OrganizationService,
    private readonly firms: FirmService,
    private readonly relay: OutboxRelays,
  ) {}

  // ---- reads ---------------------------------------------------------------------------

  async get(id: string): Promise<ConstructionProject | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    return this.model.findById(id, PROJECT_PROJECTION).lean<ConstructionProject>();
  }

  async getReadable(id: string, claims: Claims): Promise<ConstructionProject | null> {
    return visibleOrNull(await this.get(id), async (project) =>
      canReadProject(claims, await this.jointCommitteeOf(project)),
    );
  }

  async list(
    claims: Claims,
    filter: ConstructionProjectFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<ConstructionProject>> {
    return this.paginateVisible(claims, filterQuery(filter), page);
  }

  projectsOfFirm(
    firm: ConstructionFirm,
    claims: Claims,
    page: PageArgs,
  ): Promise<Connection<ConstructionProject>> {
    return this.paginateVisible(claims, { firmIds: firm._id }, page);
  }

  /** The project whose joint committee is this node or one of its ancestors, when readable. */
  async forOrganization(org: Organization, claims: Claims): Promise<ConstructionProject | null> {
    const project = await this.containing(org);
    if (!project) return null;
    return canReadProject(claims, await this.jointCommitteeOf(project)) ? project : null;
  }

  containing(org: Pick<Organization, '_id' | 'ancestorIds'>): Promise<ConstructionProject | null> {
    return this.model
      .findOne({ jointCommitteeId: { $in: [org._id, ...org.ancestorIds] } }, PROJECT_PROJECTION)
      .lean<ConstructionProject>();
  }

  /** The project on which this branch is linked to a firm. */
  linkedBranch(branchId: Types.ObjectId): Promise<ConstructionProject | null> {
    return this.model
      .findOne({ 'branchLinks.branchId': branchId }, PROJECT_PROJECTION)
      .lean<ConstructionProject>();
  }

  async jointCommitteeOf(project: ConstructionProject): Promise<Organization | null> {
    const [jc] = await this.organizations.findByIds([String(project.jointCommitteeId)]);
    return jc ?? null;
  }

  /**
   * Pages the projects matching `query` whose joint committee the caller may read. Projects are
   * few (one per joint committee), so the readable committees are found among those of the
   * matching projects rather than by walking the caller's subtree.
   */
  private async paginateVisible(
    claims: Claims,
    query: QueryFilter<ConstructionProject>,
    page: PageArgs,
  ): Promise<Connection<ConstructionProject>> {
    if (hasGlobalScope(claims)) return paginate(this.model, query, page, PROJECT_PROJECTION);
    const committeeIds = (await this.model.distinct('jointCommitteeId', query)) as Types.ObjectId[];
    const readable = (await this.organizations.findByIds(committeeIds.map(String)))
      .filter((jc) => canReadProject(claims, jc))
      .map((jc) => jc._id);
    return paginate(
      this.model,
      { ...query, jointCommitteeId: { $in: readable } },
      page,
      PROJECT_PROJECTION,
    );
  }

  // ---- changes -------------------------------------------------------------------------

  async create(
    input: CreateConstructionProjectInput,
    claims: Claims,
  ): Promise<ConstructionProject> {
    const [jc] = await this.organizations.findByIds([input.jointCommitteeId]);
    if (!jc) throw badUserInput([{ field: 'input.jointCommitteeId', message: 'does not exist' }]);
    if (!canManageProject(claims, jc))
      throw forbidden(`You may not manage projects of organization ${jc._id}`);
    if (jc.kind !== 'JOINT_COMMITTEE')
      throw badUserInput([
        { field: 'input.jointCommitteeId', message: 'must be a joint committee (联合党委)' },
      ]);
    if (jc.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.jointCommitteeId', message: 'is dissolved' }]);
    const firms = await this.activeFirms(input.firmIds ?? []);
    const now = new Date();
    const project: Omit<ConstructionProject, 'outbox'> = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      regionCode: input.regionCode,
      jointCommitteeId: jc._id,
      firmIds: firms.map((f) => f._id),
      status: input.status ?? 'PLANNED',
      branchLinks: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await createOrConflict(
      this.model,
      { ...project, outbox: [projectRecord('created', project, firms, ['*'])] },
      `Joint committee ${jc._id} already has a construction project`,
      this.relay,
    );
    return { ...project, outbox: [] };
  }

  async update(
    input: UpdateConstructionProjectInput,
    claims: Claims,
  ): Promise<ConstructionProject> {
    const project = await this.getManageable(input.id, claims);
    const changes: Partial<ConstructionProject> = {};
    if (input.name !== undefined && input.name.trim() !== project.name)
      changes.name = input.name.trim();
    if (input.regionCode !== undefined && input.regionCode !== project.regionCode)
      changes.regionCode = input.regionCode;
    if (input.status !== undefined && input.status !== project.status) {
      // The status moves with the other fields in one versioned write (commit), so the step is
      // checked here rather than written by transition().
      const problem = projectStatusProblem(project.status, input.status);
      if (problem) throw badUserInput([{ field: 'input.status', message: problem }]);
      changes.status = input.status;
    }
    if (input.firmIds !== undefined) {
      const firms = await this.activeFirms(input.firmIds, project.firmIds);
      const kept = new Set(firms.map((f) => String(f._id)));
      const orphaned = project.branchLinks.filter((l) => !kept.has(String(l.firmId)));
      if (orphaned.length)
        throw badUserInput([
          {
            field: 'input.firmIds',
            message: `firm ${orphaned[0].firmId} still stands behind ${orphaned.length} branch(es); assign them to another firm first`,
          },
        ]);
      const next = firms.map((f) => String(f._id));
      if (next.join() !== project.firmIds.map(String).join())
        changes.firmIds = firms.map((f) => f._id);
    }
    const changedFields = Object.keys(changes);
    if (!changedFields.length) return project;
    return this.commit(project, changes, 'updated', changedFields);
  }

  async getManageable(id: string, claims: Claims): Promise<ConstructionProject> {
    const project = await this.get(id);
    if (!project) throw notFound('ConstructionProject', id);
    const jc = await this.jointCommitteeOf(project);
    if (!jc || !canManageProject(claims, jc))
      throw forbidden(`You may not change construction project ${id}`);
    return project;
  }

  /**
   * Writes the change and its event in one single-document update, guarded by the version
   * read, so a concurrent change is reported instead of overwritten.
   */
  async commit(
    project: ConstructionProject,
    changes: Partial<ConstructionProject>,
    change: ProjectChange,
    changedFields: string[],
  ): Promise<ConstructionProject> {
    const next = { ...project, ...changes, version: project.version + 1, updatedAt: new Date() };
    const firms = await this.firms.findByIds(next.firmIds);
    await updateOrConflict(
      this.model,
      { _id: project._id, version: project.version },
      {
        $set: { ...changes, version: next.version, updatedAt: next.updatedAt },
        $push: { outbox: projectRecord(change, next, firms, changedFields) },
      },
      `ConstructionProject ${project._id} was changed concurrently; read it again and retry`,
      { relay: this.relay },
    );
    return next;
  }

  /**
   * The firms named, in the order given and without repeats. A firm already on the project may
   * stay after it is deregistered; a new one must be ACTIVE.
   */
  private async activeFirms(
    ids: string[],
    current: Types.ObjectId[] = [],
  ): Promise<ConstructionFirm[]> {
    const unique = [...new Set(ids)];
    const found = new Map((await this.firms.findByIds(unique)).map((f) => [String(f._id), f]));
    const onProject = new Set(current.map(String));
    return unique.map((id) => {
      const firm = found.get(id);
      if (!firm)
        throw badUserInput([{ field: 'input.firmIds', message: `firm ${id} does not exist` }]);
      if (firm.status !== 'ACTIVE' && !onProject.has(id))
        throw badUserInput([{ field: 'input.firmIds', message: `firm ${id} is deregistered` }]);
      return firm;
    });
  }
}
