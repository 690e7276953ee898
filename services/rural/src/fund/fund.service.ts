import { visibleOrNull } from '@jiceng/auth';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { createOrConflict, transition } from '@jiceng/workflow';
import { RuralAccess } from '../access/rural-access';
import { stepDateProblems } from '../validation/step-dates';
import type {
  AdvanceFundApplicationInput,
  ApplyForFundInput,
  CreateFundInput,
  FundApplicationFilter,
  FundFilter,
} from './dto/fund.inputs';
import { FUND_APPLICATION_MODEL, FUND_MODEL, type Fund, type FundApplication } from './fund.schema';
import { actorFor, FUND_STEPS, fundStepProblem, isFundStep, type FundStage } from './fund-steps';

@Injectable()
export class FundService {
  constructor(
    @InjectModel(FUND_MODEL) private readonly funds: Model<Fund>,
    @InjectModel(FUND_APPLICATION_MODEL) private readonly applications: Model<FundApplication>,
    private readonly access: RuralAccess,
  ) {}

  // ---- reads -----------------------------------------------------------------------------

  findFund(id: string | Types.ObjectId): Promise<Fund | null> {
    return Types.ObjectId.isValid(id)
      ? this.funds.findById(id).lean<Fund>().exec()
      : Promise.resolve(null);
  }

  async getFund(id: string | Types.ObjectId): Promise<Fund> {
    const fund = await this.findFund(id);
    if (!fund) throw notFound('Fund', String(id));
    return fund;
  }

  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readableFund(claims: Claims, id: string): Promise<Fund | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Funds');
    return visibleOrNull(await this.findFund(id), (fund) =>
      this.access.isAnyWithinScope(claims, [fund.organizationId]),
    );
  }

  findFundsByIds(ids: readonly string[]): Promise<Fund[]> {
    return this.funds
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
      .lean<Fund[]>();
  }

  findApplicationsByIds(ids: readonly string[]): Promise<FundApplication[]> {
    return this.applications
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
      .lean<FundApplication[]>();
  }

  async listFunds(
    claims: Claims,
    organizationId: string | undefined,
    filter: FundFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Fund>> {
    const orgs = await this.access.scope(claims, organizationId);
    return paginate(
      this.funds,
      {
        ...(orgs && { organizationId: { $in: orgs } }),
        ...(filter?.year && { year: filter.year }),
      },
      page,
    );
  }

  findApplication(id: string): Promise<FundApplication | null> {
    return Types.ObjectId.isValid(id)
      ? this.applications.findById(id).lean<FundApplication>().exec()
      : Promise.resolve(null);
  }

  async getApplication(id: string): Promise<FundApplication> {
    const application = await this.findApplication(id);
    if (!application) throw notFound('Fund application', id);
    return application;
  }

  /** Readable by the applicant's subtree and by the organizer's. */
  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readableApplication(claims: Claims, id: string): Promise<FundApplication | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Fund applications');
    return visibleOrNull(await this.findApplication(id), async (application) => {
      const fund = await this.findFund(application.fundId);
      return this.access.isAnyWithinScope(claims, [
        application.organizationId,
        ...(fund ? [fund.organizationId] : []),
      ]);
    });
  }

  applicationsOf(
    fund: Fund,
    filter: FundApplicationFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<FundApplication>> {
    return paginate(
      this.applications,
      { fundId: fund._id, ...(filter?.stages?.length && { stage: { $in: filter.stages } }) },
      page,
    );
  }

  /** Applications per stage of several funds, in one aggregation. */
  async stageCounts(fundIds: readonly string[]) {
    const groups = await this.applications.aggregate<{
      _id: { fundId: Types.ObjectId; stage: FundStage };
      count: number;
    }>([
      { $match: { fundId: { $in: fundIds.map((id) => new Types.ObjectId(id)) } } },
      { $group: { _id: { fundId: '$fundId', stage: '$stage' }, count: { $sum: 1 } } },
    ]);
    return fundIds.map((id) =>
      FUND_STEPS.states.map((stage) => ({
        stage,
        count: groups.find((g) => String(g._id.fundId) === id && g._id.stage === stage)?.count ?? 0,
      })),
    );
  }

  // ---- changes ---------------------------------------------------------------------------

  async createFund(input: CreateFundInput, claims: Claims): Promise<Fund> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    await this.access.requireWrite(claims, org._id, 'OWN_OR_ABOVE', 'Creating a fund');
    const now = new Date();
    const fund: Fund = {
      _id: new Types.ObjectId(),
      organizationId: org._id,
      name: input.name.trim(),
      year: input.year,
      budgetFen: input.budgetFen,
      remainingFen: input.budgetFen,
      allocations: [],
      createdBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    await this.funds.create(fund);
    return fund;
  }

  /** 自主申报 by an organization below the organizer; once per organization and fund. */
  async apply(input: ApplyForFundInput, claims: Claims): Promise<FundApplication> {
    const fund = await this.getFund(input.fundId);
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    if (!org.ancestorIds.some((id) => id.equals(fund.organizationId)))
      throw badUserInput([
        { field: 'input.organizationId', message: `${org.name} is not below the fund's organizer` },
      ]);
    await this.access.requireWrite(
      claims,
      org._id,
      actorFor('SELF_APPLIED').authority,
      'Applying for a fund',
    );
    const now = new Date();
    const at = input.at ?? now;
    const problems = stepDateProblems('input.at', at, null, now);
    if (problems.length) throw badUserInput(problems);
    const application: FundApplication = {
      _id: new Types.ObjectId(),
      fundId: fund._id,
      organizationId: org._id,
      title: input.title.trim(),
      requestedFen: input.requestedFen,
      stage: 'SELF_APPLIED',
      steps: [{ stage: 'SELF_APPLIED', at, by: claims.sub, score: null, note: null }],
      allocatedFen: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    return createOrConflict(
      this.applications,
      application,
      `${org.name} has already applied for fund ${input.fundId}`,
    );
  }

  /** One stage forward (or out), written only on the stage and version it was decided on. */
  async advance(input: AdvanceFundApplicationInput, claims: Claims): Promise<FundApplication> {
    const application = await this.getApplication(input.id);
    const fund = await this.getFund(application.fundId);
    const actor = actorFor(input.to);
    const orgId = actor.of === 'APPLICANT' ? application.organizationId : fund.organizationId;
    const { to } = input;
    await this.access.requireWrite(claims, orgId, actor.authority, FUND_STEPS.describe(to));
    if (input.to === 'ALLOCATED')
      throw badUserInput([{ field: 'input.to', message: 'ALLOCATED is recorded by allocateFund' }]);
    if (input.expectedVersion !== undefined && input.expectedVersion !== application.version)
      throw conflict(
        `Fund application ${input.id} is at version ${application.version} (${FUND_STEPS.describe(application.stage)}), not ${input.expectedVersion}`,
      );
    // fundStepProblem refuses a `to` no step leads to; the second test narrows `to` for the write.
    const problem = fundStepProblem(application.stage, to);
    if (problem || !isFundStep(to)) throw conflict(problem ?? FUND_STEPS.describe(to));
    if (
      input.to === 'NOT_SELECTED' &&
      fund.allocations.some((a) => a.applicationId.equals(application._id))
    )
      throw conflict(
        `Fund application ${input.id} has an allocation recorded; complete it with allocateFund`,
      );
    const now = new Date();
    const at = input.at ?? now;
    const last = application.steps[application.steps.length - 1];
    const problems = stepDateProblems('input.at', at, last?.at ?? null, now);
    if (input.to === 'NOT_SELECTED' && !input.note?.trim())
      problems.push({
        field: 'input.note',
        message: 'is required to record NOT_SELECTED (未入选)',
      });
    if (problems.length) throw badUserInput(problems);
    const step = {
      stage: input.to,
      at,
      by: claims.sub,
      score: input.score ?? null,
      note: input.note?.trim() || null,
    };
    await transition(this.applications, {
      steps: FUND_STEPS,
      step: to,
      id: application._id,
      field: 'stage',
      guards: { version: application.version },
      set: { updatedAt: now },
      push: { steps: step },
      inc: { version: 1 },
      what: 'Fund application',
    });
    return this.getApplication(input.id);
  }
}
