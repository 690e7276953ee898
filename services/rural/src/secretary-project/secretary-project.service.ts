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
import { FacetPager } from '@jiceng/org-access';
import { RuralAccess } from '../access/rural-access';
import { transition } from '@jiceng/workflow';
import { stepDateProblems } from '../validation/step-dates';
import { completionByYear, type CompletionRow, type StateCount } from './completion';
import type {
  AdvanceSecretaryProjectInput,
  ProposeSecretaryProjectInput,
  SecretaryProjectFilter,
} from './dto/secretary-project.inputs';
import {
  SECRETARY_PROJECT_MODEL,
  type SecretaryProject,
  type SecretaryProjectStep,
} from './secretary-project.schema';
import {
  isSecretaryStep,
  SECRETARY_PROJECT_STEPS,
  stepInputProblems,
  transitionProblem,
} from './secretary-project-steps';

@Injectable()
export class SecretaryProjectService {
  private readonly pager: FacetPager<SecretaryProject>;

  constructor(
    @InjectModel(SECRETARY_PROJECT_MODEL) private readonly model: Model<SecretaryProject>,
    private readonly access: RuralAccess,
  ) {
    this.pager = new FacetPager(model);
  }

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<SecretaryProject | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<SecretaryProject>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<SecretaryProject> {
    const project = await this.find(id);
    if (!project) throw notFound('Secretary project', id);
    return project;
  }

  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readable(claims: Claims, id: string): Promise<SecretaryProject | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Secretary projects');
    return visibleOrNull(await this.find(id), (project) =>
      this.access.isAnyWithinScope(claims, [project.organizationId]),
    );
  }

  async list(
    claims: Claims,
    organizationId: string | undefined,
    filter: SecretaryProjectFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<SecretaryProject>> {
    const orgs = await this.access.scope(claims, organizationId);
    return paginate(
      this.model,
      { ...filterQuery(filter), ...(orgs && { organizationId: { $in: orgs } }) },
      page,
    );
  }

  /** Organization.secretaryProjects for a page of organizations: one aggregation per tick. */
  ofOrganizations(
    ctx: object,
    key: string,
    orgs: Types.ObjectId[],
    filter: SecretaryProjectFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<SecretaryProject>> {
    return this.pager.page(ctx, {
      key: JSON.stringify([key, filter ?? null, page]),
      filter: { ...filterQuery(filter), organizationId: { $in: orgs } },
      page,
    });
  }

  async completion(
    claims: Claims,
    organizationId: string | undefined,
    year: number | undefined,
  ): Promise<CompletionRow[]> {
    const orgs = await this.access.scope(claims, organizationId);
    const counts = await this.model.aggregate<{ _id: Omit<StateCount, 'count'>; count: number }>([
      {
        $match: {
          ...(orgs && { organizationId: { $in: orgs } }),
          ...(year !== undefined && year !== null && { year }),
        },
      },
      { $group: { _id: { year: '$year', state: '$state' }, count: { $sum: 1 } } },
    ]);
    return completionByYear(counts.map((c) => ({ ...c._id, count: c.count })));
  }

  // ---- changes ---------------------------------------------------------------------------

  /** 立项申请 by the organization itself (or those above it). */
  async propose(input: ProposeSecretaryProjectInput, claims: Claims): Promise<SecretaryProject> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    await this.access.requireWrite(
      claims,
      org._id,
      'OWN_OR_ABOVE',
      'Proposing a secretary project',
    );
    const now = new Date();
    const at = input.at ?? now;
    const problems = stepDateProblems('input.at', at, null, now);
    if (problems.length) throw badUserInput(problems);
    const project: SecretaryProject = {
      _id: new Types.ObjectId(),
      organizationId: org._id,
      year: input.year,
      title: input.title.trim(),
      goals: input.goals?.trim() || null,
      secretaryMemberId: input.secretaryMemberId ?? null,
      state: 'PROPOSED',
      steps: [{ state: 'PROPOSED', at, by: claims.sub, note: null }],
      midtermScore: null,
      selfCheckScore: null,
      upperReviewScore: null,
      residentScore: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(project);
    return project;
  }

  /**
   * One step of the lifecycle, written only if the project is still in the state (and at the
   * version) the step was decided on: of two concurrent steps exactly one succeeds, the other
   * gets CONFLICT naming the state it found.
   */
  async advance(input: AdvanceSecretaryProjectInput, claims: Claims): Promise<SecretaryProject> {
    const project = await this.get(input.id);
    const { to } = input;
    const authority = isSecretaryStep(to) ? SECRETARY_PROJECT_STEPS.steps[to].authority : 'ABOVE';
    const what = SECRETARY_PROJECT_STEPS.describe(to);
    await this.access.requireWrite(claims, project.organizationId, authority, what);
    if (input.expectedVersion !== undefined && input.expectedVersion !== project.version)
      throw conflict(
        `Secretary project ${input.id} is at version ${project.version} (${SECRETARY_PROJECT_STEPS.describe(project.state)}), not ${input.expectedVersion}`,
      );
    // transitionProblem refuses a `to` no step leads to; the second test narrows `to` for the write.
    const problem = transitionProblem(project.state, to);
    if (problem || !isSecretaryStep(to)) throw conflict(problem ?? what);
    const now = new Date();
    const at = input.at ?? now;
    const last = project.steps[project.steps.length - 1];
    const problems = [
      ...stepInputProblems(input.to, input),
      ...stepDateProblems('input.at', at, last?.at ?? null, now),
    ];
    if (problems.length) throw badUserInput(problems);
    const scores = {
      midtermScore: input.midtermScore,
      selfCheckScore: input.selfCheckScore,
      upperReviewScore: input.upperReviewScore,
      residentScore: input.residentScore,
    };
    const given = Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined));
    const record: SecretaryProjectStep = {
      state: input.to,
      at,
      by: claims.sub,
      note: input.note?.trim() || null,
      ...given,
    };
    await transition(this.model, {
      steps: SECRETARY_PROJECT_STEPS,
      step: to,
      id: project._id,
      guards: { version: project.version },
      set: { updatedAt: now, ...given },
      push: { steps: record },
      inc: { version: 1 },
      what: 'Secretary project',
    });
    return this.get(input.id);
  }
}

function filterQuery(filter: SecretaryProjectFilter | undefined): QueryFilter<SecretaryProject> {
  const query: QueryFilter<SecretaryProject> = {};
  if (filter?.year) query.year = filter.year;
  if (filter?.states?.length) query.state = { $in: filter.states };
  return query;
}
