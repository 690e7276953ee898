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
import { createOrConflict, updateOrConflict } from '@jiceng/workflow';
import { RuralAccess } from '../access/rural-access';
import type {
  CloseContestInput,
  ContestFilter,
  CreateContestInput,
  EnterContestInput,
  ScoreContestEntryInput,
} from './dto/contest.inputs';
import { closingProblem, rankEntries, type ContestRankRow } from './contest-ranking';
import { CONTEST_MODEL, type Contest } from './contest.schema';

@Injectable()
export class ContestService {
  constructor(
    @InjectModel(CONTEST_MODEL) private readonly model: Model<Contest>,
    private readonly access: RuralAccess,
  ) {}

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<Contest | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<Contest>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<Contest> {
    const contest = await this.find(id);
    if (!contest) throw notFound('Contest', id);
    return contest;
  }

  /** The lookup by id: null when unknown or outside the caller's scope (visibleOrNull); FORBIDDEN for a role that reads no rural records. */
  async readable(claims: Claims, id: string): Promise<Contest | null> {
    // A role that reads no rural records is refused whatever the id.
    this.access.requireReader(claims, 'Contests');
    return visibleOrNull(await this.find(id), (contest) =>
      this.access.isAnyWithinScope(claims, [contest.organizationId]),
    );
  }

  async list(
    claims: Claims,
    organizationId: string | undefined,
    filter: ContestFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Contest>> {
    const orgs = await this.access.scope(claims, organizationId);
    return paginate(
      this.model,
      {
        ...(orgs && { organizationId: { $in: orgs } }),
        ...(filter?.quarter && { quarter: filter.quarter }),
      },
      page,
    );
  }

  /** The fixed ranking of a closed contest, the provisional one of an open contest. */
  ranking(contest: Contest): ContestRankRow[] {
    if (contest.status === 'CLOSED')
      return contest.ranking.map((r) => ({ ...r, entryId: String(r.entryId) }));
    return rankEntries(
      contest.entries.map((e) => ({ id: String(e._id), scores: e.scores })),
      contest.winnerCount,
    );
  }

  // ---- changes ---------------------------------------------------------------------------

  async create(input: CreateContestInput, claims: Claims): Promise<Contest> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    await this.access.requireWrite(claims, org._id, 'OWN_OR_ABOVE', 'Running a contest');
    const now = new Date();
    const contest: Contest = {
      _id: new Types.ObjectId(),
      organizationId: org._id,
      quarter: input.quarter,
      theme: input.theme.trim(),
      jurors: input.jurors.map((j) => j.trim()),
      winnerCount: input.winnerCount,
      status: 'OPEN',
      entries: [],
      ranking: [],
      closedAt: null,
      closedBy: null,
      version: 1,
      createdBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    return createOrConflict(
      this.model,
      contest,
      `${org.name} already holds a contest in ${input.quarter}`,
    );
  }

  /** An organization below the organizer goes on the stage, once per contest. */
  async enter(input: EnterContestInput, claims: Claims): Promise<Contest> {
    const contest = await this.get(input.contestId);
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    if (!org.ancestorIds.some((id) => id.equals(contest.organizationId)))
      throw badUserInput([
        {
          field: 'input.organizationId',
          message: `${org.name} is not below the contest's organizer`,
        },
      ]);
    await this.access.requireWrite(claims, org._id, 'OWN_OR_ABOVE', 'Entering a contest');
    const now = new Date();
    await updateOrConflict(
      this.model,
      { _id: contest._id, status: 'OPEN', 'entries.organizationId': { $ne: org._id } },
      {
        $push: {
          entries: {
            _id: new Types.ObjectId(),
            organizationId: org._id,
            title: input.title.trim(),
            enteredAt: now,
            enteredBy: claims.sub,
            scores: [],
          },
        },
        $inc: { version: 1 },
        $set: { updatedAt: now },
      },
      () =>
        this.lost(input.contestId, `${org.name} has already entered contest ${input.contestId}`),
    );
    return this.get(input.contestId);
  }

  /** One juror's score of one entry: the write matches only while that score is missing. */
  async score(input: ScoreContestEntryInput, claims: Claims): Promise<Contest> {
    const contest = await this.organized(input.contestId, claims, 'Scoring a contest');
    const juror = input.juror.trim();
    if (!contest.jurors.includes(juror))
      throw badUserInput([
        { field: 'input.juror', message: `is not on the jury (${contest.jurors.join(', ')})` },
      ]);
    const entry = contest.entries.find((e) => String(e._id) === input.entryId);
    if (!entry)
      throw badUserInput([{ field: 'input.entryId', message: 'is not an entry of this contest' }]);
    const now = new Date();
    await updateOrConflict(
      this.model,
      {
        _id: contest._id,
        status: 'OPEN',
        entries: { $elemMatch: { _id: entry._id, 'scores.juror': { $ne: juror } } },
      },
      {
        $push: {
          'entries.$[e].scores': { juror, score: input.score, at: now, recordedBy: claims.sub },
        },
        $inc: { version: 1 },
        $set: { updatedAt: now },
      },
      () => this.lost(input.contestId, `${juror} has already scored entry ${input.entryId}`),
      { arrayFilters: [{ 'e._id': entry._id }] },
    );
    return this.get(input.contestId);
  }

  /** Fixes the ranking of exactly the scores read: the write is conditioned on their version. */
  async close(input: CloseContestInput, claims: Claims): Promise<Contest> {
    const contest = await this.organized(input.id, claims, 'Closing a contest');
    if (contest.status === 'CLOSED') throw conflict(`Contest ${input.id} is already closed`);
    const problem = closingProblem(
      contest.jurors,
      contest.entries.map((e) => ({ id: String(e._id), scores: e.scores })),
    );
    if (problem) throw conflict(problem);
    const now = new Date();
    const ranking = this.ranking(contest).map((r) => ({
      ...r,
      entryId: new Types.ObjectId(r.entryId),
    }));
    await updateOrConflict(
      this.model,
      { _id: contest._id, status: 'OPEN', version: contest.version },
      {
        $set: { status: 'CLOSED', ranking, closedAt: now, closedBy: claims.sub, updatedAt: now },
        $inc: { version: 1 },
      },
      `Contest ${input.id} changed while closing; read it again and retry`,
    );
    return this.get(input.id);
  }

  /** Why an entry or a score did not land: the contest closed meanwhile, or it was there already. */
  private async lost(contestId: string, already: string): Promise<string> {
    const current = await this.get(contestId);
    return current.status === 'CLOSED' ? `Contest ${contestId} is closed` : already;
  }

  private async organized(id: string, claims: Claims, what: string): Promise<Contest> {
    const contest = await this.get(id);
    await this.access.requireWrite(claims, contest.organizationId, 'OWN_OR_ABOVE', what);
    return contest;
  }
}
