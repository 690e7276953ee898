import { visibleOrNull } from '@jiceng/auth';
import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import {
  badUserInput,
  notFound,
  paginate,
  type Connection,
  type FieldError,
  type PageArgs,
} from '@jiceng/graphql';
import { createOrConflict, transition } from '@jiceng/workflow';
import { shanghaiDate } from '@jiceng/calendar';
import { RuralAccess } from '../access/rural-access';
import { stepDateProblems } from '../validation/step-dates';
import type {
  AssessCommitmentSheetInput,
  CommitmentSheetFilter,
  FileCommitmentSheetInput,
  ReportCommitmentSheetInput,
} from './dto/commitment-sheet.inputs';
import { COMMITMENT_SHEET_MODEL, type CommitmentSheet } from './commitment-sheet.schema';
import {
  CADRE_ROLE_LABELS,
  COMMITMENT_SHEET_STEPS,
  earliestDate,
  type CadreRole,
  type CommitmentSheetStage,
  type CommitmentStep,
} from './commitment-sheet-steps';

@Injectable()
export class CommitmentSheetService {
  constructor(
    @InjectModel(COMMITMENT_SHEET_MODEL) private readonly model: Model<CommitmentSheet>,
    private readonly access: RuralAccess,
  ) {}

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<CommitmentSheet | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<CommitmentSheet>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<CommitmentSheet> {
    const sheet = await this.find(id);
    if (!sheet) throw notFound('Commitment sheet', id);
    return sheet;
  }

  /** The lookup by id: null when unknown or not the caller's to see (visibleOrNull). */
  async readable(claims: Claims, id: string): Promise<CommitmentSheet | null> {
    if (claims.role !== 'MEMBER') this.access.requireReader(claims, 'Commitment sheets');
    return visibleOrNull(await this.find(id), (sheet) =>
      this.access.memberRecordVisible(claims, sheet, 'Commitment sheets'),
    );
  }

  async of(claims: Claims, memberId: string, year: number): Promise<CommitmentSheet | null> {
    // A member asking for another's sheet is refused before the lookup: filed or not stays hidden.
    if (claims.role === 'MEMBER')
      await this.access.requireMemberRecordReadable(claims, memberId, [], 'Commitment sheets');
    else this.access.requireReader(claims, 'Commitment sheets');
    const sheet = await this.model.findOne({ memberId, year }).lean<CommitmentSheet>();
    return visibleOrNull(sheet, (s) =>
      this.access.memberRecordVisible(claims, s, 'Commitment sheets'),
    );
  }

  async list(
    claims: Claims,
    organizationId: string | undefined,
    filter: CommitmentSheetFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<CommitmentSheet>> {
    // A member lists only its own sheets (narrowed to the organization's subtree when named).
    const own = claims.role === 'MEMBER';
    const orgs = own
      ? await this.ownSubtree(organizationId)
      : await this.access.scope(claims, organizationId);
    return paginate(
      this.model,
      {
        ...filterQuery(filter),
        ...(own && { memberId: claims.memberId ?? { $in: [] } }),
        ...(orgs && { organizationId: { $in: orgs } }),
      },
      page,
    );
  }

  private async ownSubtree(organizationId: string | undefined) {
    if (!organizationId) return null;
    const root = this.access.organizationId(organizationId);
    return (await this.access.subtreeIds([root])).get(String(root)) ?? [];
  }

  async stats(claims: Claims, organizationId: string | undefined, year: number) {
    const orgs = await this.access.scope(claims, organizationId);
    const groups = await this.model.aggregate<{
      _id: { stage: CommitmentSheetStage; role: CadreRole };
      sheets: number;
      goals: number;
    }>([
      { $match: { year, ...(orgs && { organizationId: { $in: orgs } }) } },
      {
        $group: {
          _id: { stage: '$stage', role: '$role' },
          sheets: { $sum: 1 },
          goals: { $sum: { $size: '$goals' } },
        },
      },
    ]);
    const count = <K extends string>(key: (g: (typeof groups)[number]) => K) => {
      const counts = new Map<K, number>();
      for (const g of groups) counts.set(key(g), (counts.get(key(g)) ?? 0) + g.sheets);
      return counts;
    };
    const stages = count((g) => g._id.stage);
    const roles = count((g) => g._id.role);
    return {
      year,
      sheets: groups.reduce((n, g) => n + g.sheets, 0),
      goals: groups.reduce((n, g) => n + g.goals, 0),
      byStage: Object.entries(COMMITMENT_SHEET_STEPS.labels).map(([stage, stageLabel]) => ({
        stage,
        stageLabel,
        count: stages.get(stage as CommitmentSheetStage) ?? 0,
      })),
      byRole: Object.entries(CADRE_ROLE_LABELS).map(([role, roleLabel]) => ({
        role,
        roleLabel,
        count: roles.get(role as CadreRole) ?? 0,
      })),
    };
  }

  // ---- changes ---------------------------------------------------------------------------

  /** 年初: the cadre's goals; one sheet per cadre and year (a unique index decides races). */
  async file(input: FileCommitmentSheetInput, claims: Claims): Promise<CommitmentSheet> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    await this.access.requireWrite(claims, org._id, 'OWN_OR_ABOVE', 'Filing a commitment sheet');
    const now = new Date();
    const at = input.at ?? now;
    const problems: FieldError[] = [...stepDateProblems('input.at', at, null, now)];
    input.goals.forEach((goal, i) => {
      if (goal.deadline && !goal.deadline.startsWith(`${input.year}-`))
        problems.push({ field: `input.goals.${i}.deadline`, message: `is not in ${input.year}` });
    });
    if (problems.length) throw badUserInput(problems);
    const sheet: CommitmentSheet = {
      _id: new Types.ObjectId(),
      memberId: input.memberId,
      organizationId: org._id,
      year: input.year,
      role: input.role,
      goals: input.goals.map((g) => ({
        title: g.title.trim(),
        measures: g.measures?.trim() || null,
        deadline: g.deadline ?? null,
      })),
      stage: 'GOALS_SET',
      goalsSetAt: at,
      goalsSetBy: claims.sub,
      midYearReport: null,
      yearEndAssessment: null,
      createdAt: now,
      updatedAt: now,
    };
    return createOrConflict(
      this.model,
      sheet,
      `Member ${input.memberId} already has a commitment sheet for ${input.year}`,
    );
  }

  reportMidYear(input: ReportCommitmentSheetInput, claims: Claims): Promise<CommitmentSheet> {
    return this.step(input.id, 'midYearReport', claims, input.at, (sheet, at) => ({
      value: { at, by: claims.sub, report: input.report.trim() },
      problems: [],
      since: sheet.goalsSetAt,
    }));
  }

  assess(input: AssessCommitmentSheetInput, claims: Claims): Promise<CommitmentSheet> {
    return this.step(input.id, 'yearEndAssessment', claims, input.at, (sheet, at) => ({
      value: {
        at,
        by: claims.sub,
        completedGoals: input.completedGoals,
        score: input.score,
        comment: input.comment?.trim() || null,
      },
      problems:
        input.completedGoals > sheet.goals.length
          ? [
              {
                field: 'input.completedGoals',
                message: `is more than the sheet's ${sheet.goals.length} goal(s)`,
              },
            ]
          : [],
      since: sheet.midYearReport?.at ?? sheet.goalsSetAt,
    }));
  }

  /** Records one step once, only while the sheet is at the stage the step follows. */
  private async step(
    id: string,
    step: CommitmentStep,
    claims: Claims,
    requestedAt: Date | undefined,
    build: (
      sheet: CommitmentSheet,
      at: Date,
    ) => { value: object; problems: FieldError[]; since: Date },
  ): Promise<CommitmentSheet> {
    const sheet = await this.get(id);
    const { authority, label } = COMMITMENT_SHEET_STEPS.steps[step];
    await this.access.requireWrite(claims, sheet.organizationId, authority, `Recording ${label}`);
    COMMITMENT_SHEET_STEPS.requireStep(sheet.stage, step);
    const now = new Date();
    const at = requestedAt ?? now;
    const { value, problems, since } = build(sheet, at);
    const earliest = earliestDate(sheet.year, step);
    if (shanghaiDate(at) < earliest)
      problems.push({ field: 'input.at', message: `is before ${earliest}` });
    problems.push(...stepDateProblems('input.at', at, since, now));
    if (problems.length) throw badUserInput(problems);
    await transition(this.model, {
      steps: COMMITMENT_SHEET_STEPS,
      step,
      id: sheet._id,
      field: 'stage',
      set: { [step]: value, updatedAt: now },
      what: 'Commitment sheet',
    });
    return this.get(id);
  }
}

function filterQuery(filter: CommitmentSheetFilter | undefined): QueryFilter<CommitmentSheet> {
  const query: QueryFilter<CommitmentSheet> = {};
  if (filter?.year) query.year = filter.year;
  if (filter?.stages?.length) query.stage = { $in: filter.stages };
  if (filter?.roles?.length) query.role = { $in: filter.roles };
  return query;
}
