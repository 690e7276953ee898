import { visibleOrNull } from '@jiceng/auth';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { transition, updateOrConflict } from '@jiceng/workflow';
import { shanghaiDate, shanghaiYear } from '@jiceng/calendar';
import { PairingService } from '../pairing/pairing.service';
import { VILLAGE_SECTOR } from '../access/authority';
import { FacetPager } from '@jiceng/org-access';
import { RuralAccess } from '../access/rural-access';
import type {
  AddRuralMilestoneInput,
  AdvanceRuralProjectStatusInput,
  CreateRuralProjectInput,
  ReachRuralMilestoneInput,
  RecordCollectiveIncomeInput,
  RecordRuralFundingInput,
  RuralProjectFilter,
} from './dto/project.inputs';
import { isRuralProjectStep, RURAL_PROJECT_STEPS } from './rural-project-steps';
import { RURAL_PROJECT_MODEL, type CollectiveIncome, type RuralProject } from './project.schema';

/** Concurrent replacements of a project's incomes retry this often before giving up. */
const CAS_ATTEMPTS = 5;

@Injectable()
export class ProjectService {
  private readonly pager: FacetPager<RuralProject>;

  constructor(
    @InjectModel(RURAL_PROJECT_MODEL) private readonly model: Model<RuralProject>,
    private readonly access: RuralAccess,
    private readonly pairings: PairingService,
  ) {
    this.pager = new FacetPager(model);
  }

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<RuralProject | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<RuralProject>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<RuralProject> {
    const project = await this.find(id);
    if (!project) throw notFound('Rural project', id);
    return project;
  }

  /** A project is readable within the subtree of any of its villages. */
  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readable(claims: Claims, id: string): Promise<RuralProject | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Rural projects');
    return visibleOrNull(await this.find(id), (project) =>
      this.access.isAnyWithinScope(claims, project.villageIds),
    );
  }

  async list(
    claims: Claims,
    organizationId: string | undefined,
    filter: RuralProjectFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<RuralProject>> {
    const villages = await this.access.scope(claims, organizationId, { sector: VILLAGE_SECTOR });
    return paginate(
      this.model,
      { ...filterQuery(filter), ...(villages && { villageIds: { $in: villages } }) },
      page,
    );
  }

  /** Organization.ruralProjects for a page of organizations: one aggregation per tick. */
  ofVillages(
    ctx: object,
    key: string,
    villages: Types.ObjectId[],
    filter: RuralProjectFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<RuralProject>> {
    return this.pager.page(ctx, {
      key: JSON.stringify([key, filter ?? null, page]),
      filter: { ...filterQuery(filter), villageIds: { $in: villages } },
      page,
    });
  }

  ofPairing(ctx: object, pairingId: Types.ObjectId, page: PageArgs) {
    return this.pager.page(ctx, {
      key: JSON.stringify(['pairing', String(pairingId), page]),
      filter: { pairingId },
      page,
    });
  }

  /** What pairing totals need of the pairings' projects. */
  ofPairings(ids: readonly Types.ObjectId[]): Promise<RuralProject[]> {
    return this.model
      .find(
        { pairingId: { $in: ids } },
        { pairingId: 1, areaMu: 1, 'fundings.type': 1, 'fundings.amountFen': 1 },
      )
      .lean<RuralProject[]>();
  }

  // ---- changes ---------------------------------------------------------------------------

  async create(input: CreateRuralProjectInput, claims: Claims): Promise<RuralProject> {
    const field = 'input.villageIds';
    if (new Set(input.villageIds).size !== input.villageIds.length)
      throw badUserInput([{ field, message: 'names a village twice' }]);
    const villages = await Promise.all(
      input.villageIds.map((id) => this.access.village(id, field)),
    );
    await this.access.requireWrite(claims, villages[0]._id, 'ABOVE', 'Creating a rural project');
    let pairingId: Types.ObjectId | null = null;
    if (input.pairingId) {
      const [pairing] = await this.pairings.findByIds([input.pairingId]);
      if (!pairing)
        throw badUserInput([{ field: 'input.pairingId', message: 'is not a known pairing' }]);
      const outside = villages.filter((v) => !pairing.villageIds.some((id) => id.equals(v._id)));
      if (outside.length)
        throw badUserInput([
          {
            field: 'input.pairingId',
            message: `${outside.map((v) => v.name).join(', ')} is not in pairing ${pairing.name}`,
          },
        ]);
      pairingId = pairing._id;
    }
    const now = new Date();
    const plannedOn = input.plannedOn ?? shanghaiDate(now);
    if (plannedOn > shanghaiDate(now))
      throw badUserInput([{ field: 'input.plannedOn', message: 'lies in the future' }]);
    const project: RuralProject = {
      _id: new Types.ObjectId(),
      name: input.name.trim(),
      villageIds: villages.map((v) => v._id),
      kind: input.kind,
      model: input.model?.trim() || null,
      areaMu: input.areaMu,
      startYear: input.startYear,
      pairingId,
      status: 'PLANNED',
      statusChanges: [{ status: 'PLANNED', on: plannedOn, by: claims.sub }],
      milestones: [],
      fundings: [],
      incomes: [],
      version: 1,
      createdBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(project);
    return project;
  }

  async recordFunding(input: RecordRuralFundingInput, claims: Claims): Promise<RuralProject> {
    const project = await this.managed(input.projectId, claims, 'Recording funding');
    const villageId = this.villageOf(project, input.villageId);
    yearProblem(project, input.year);
    const now = new Date();
    await this.model.updateOne(
      { _id: project._id },
      {
        $push: {
          fundings: {
            _id: new Types.ObjectId(),
            type: input.type,
            villageId,
            year: input.year,
            amountFen: input.amountFen,
            source: input.source.trim(),
            note: input.note?.trim() || null,
            recordedAt: now,
            recordedBy: claims.sub,
          },
        },
        $set: { updatedAt: now },
      },
    );
    return this.get(input.projectId);
  }

  /** Sets a village's income from the project for a year, replacing an earlier figure. */
  async recordIncome(input: RecordCollectiveIncomeInput, claims: Claims): Promise<RuralProject> {
    let project = await this.managed(input.projectId, claims, 'Recording collective income');
    const villageId = this.villageOf(project, input.villageId);
    yearProblem(project, input.year);
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const now = new Date();
      const income: CollectiveIncome = {
        villageId,
        year: input.year,
        amountFen: input.amountFen,
        recordedAt: now,
        recordedBy: claims.sub,
      };
      const incomes = [
        ...project.incomes.filter((i) => !(i.villageId.equals(villageId) && i.year === input.year)),
        income,
      ];
      const result = await this.model.updateOne(
        { _id: project._id, version: project.version },
        { $set: { incomes, updatedAt: now }, $inc: { version: 1 } },
      );
      if (result.matchedCount === 1) return this.get(input.projectId);
      project = await this.get(input.projectId);
    }
    throw conflict(`Rural project ${input.projectId} is changing concurrently; try again`);
  }

  async addMilestone(input: AddRuralMilestoneInput, claims: Claims): Promise<RuralProject> {
    const project = await this.managed(input.projectId, claims, 'Adding a milestone');
    await this.model.updateOne(
      { _id: project._id },
      {
        $push: {
          milestones: {
            _id: new Types.ObjectId(),
            title: input.title.trim(),
            dueOn: input.dueOn,
            reachedOn: null,
            recordedBy: claims.sub,
          },
        },
        $set: { updatedAt: new Date() },
      },
    );
    return this.get(input.projectId);
  }

  async reachMilestone(input: ReachRuralMilestoneInput, claims: Claims): Promise<RuralProject> {
    const project = await this.managed(input.projectId, claims, 'Reaching a milestone');
    const milestone = project.milestones.find((m) => String(m._id) === input.milestoneId);
    if (!milestone)
      throw badUserInput([
        { field: 'input.milestoneId', message: 'is not a milestone of this project' },
      ]);
    if (input.reachedOn > shanghaiDate(new Date()))
      throw badUserInput([{ field: 'input.reachedOn', message: 'lies in the future' }]);
    await updateOrConflict(
      this.model,
      {
        _id: project._id,
        milestones: { $elemMatch: { _id: milestone._id, reachedOn: null } },
      },
      {
        $set: { 'milestones.$[m].reachedOn': input.reachedOn, updatedAt: new Date() },
      },
      `Milestone ${input.milestoneId} was already reached`,
      { arrayFilters: [{ 'm._id': milestone._id }] },
    );
    return this.get(input.projectId);
  }

  /** PLANNED → IN_PROGRESS → COMPLETED, conditioned on the status read. */
  async advanceStatus(
    input: AdvanceRuralProjectStatusInput,
    claims: Claims,
  ): Promise<RuralProject> {
    const project = await this.managed(input.id, claims, 'Changing a rural project status');
    const { to } = input;
    if (!isRuralProjectStep(to))
      throw conflict(`${RURAL_PROJECT_STEPS.describe(to)} is where a rural project starts`);
    RURAL_PROJECT_STEPS.requireStep(project.status, to);
    const last = project.statusChanges[project.statusChanges.length - 1];
    if (input.on > shanghaiDate(new Date()))
      throw badUserInput([{ field: 'input.on', message: 'lies in the future' }]);
    if (last && input.on < last.on)
      throw badUserInput([{ field: 'input.on', message: `is before ${last.on}` }]);
    await transition(this.model, {
      steps: RURAL_PROJECT_STEPS,
      step: to,
      id: project._id,
      field: 'status',
      set: { updatedAt: new Date() },
      push: { statusChanges: { status: to, on: input.on, by: claims.sub } },
      what: 'Rural project',
    });
    return this.get(input.id);
  }

  /** The project once the caller manages it: ADMIN or an ORG_ADMIN above the lead village. */
  private async managed(id: string, claims: Claims, what: string): Promise<RuralProject> {
    const project = await this.get(id);
    await this.access.requireWrite(claims, project.villageIds[0], 'ABOVE', what);
    return project;
  }

  private villageOf(project: RuralProject, villageId: string): Types.ObjectId {
    const found = project.villageIds.find((id) => String(id) === villageId);
    if (!found)
      throw badUserInput([
        { field: 'input.villageId', message: "is not one of the project's villages" },
      ]);
    return found;
  }
}

/** Money and income are recorded from the project's first year up to the current one. */
function yearProblem(project: RuralProject, year: number): void {
  const current = shanghaiYear(new Date());
  if (year < project.startYear || year > current)
    throw badUserInput([
      {
        field: 'input.year',
        message: `must lie between the project's start (${project.startYear}) and ${current}`,
      },
    ]);
}

function filterQuery(filter: RuralProjectFilter | undefined): QueryFilter<RuralProject> {
  const query: QueryFilter<RuralProject> = {};
  if (filter?.kinds?.length) query.kind = { $in: filter.kinds };
  if (filter?.statuses?.length) query.status = { $in: filter.statuses };
  if (filter?.pairingId) query.pairingId = new Types.ObjectId(filter.pairingId);
  return query;
}
