import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, type Claims } from '@jiceng/auth';
import { toGeoPoint } from '@jiceng/geo';
import { badUserInput, notFound, paginate, type Connection, type PageArgs } from '@jiceng/graphql';
import { FacetPager } from '@jiceng/org-access';
import type { GraphQLContext } from '@jiceng/subgraph';
import { updateOrConflict } from '@jiceng/workflow';
import { CommunityAccess } from '../community/community-access';
import type {
  CancelVolunteerTaskInput,
  PublishVolunteerTaskInput,
  VolunteerTaskFilter,
} from './dto/task.inputs';
import { audiencesFor, claimantKindOf } from './task.enums';
import { TASK_MODEL, TASK_PROJECTION, type VolunteerTask } from './task.schema';

/** A task lasts at most a day; longer engagements are published as one task per day. */
const MAX_TASK_HOURS = 24;
/** A slot held this long without its claim document was left by a crash; it is freed at start. */
const ORPHAN_HOLD_MS = 60_000;

export type SlotOutcome = 'reserved' | 'already-claimed' | 'full' | 'closed';

@Injectable()
export class TaskService implements OnApplicationBootstrap {
  private readonly logger = new Logger(TaskService.name);
  private orphanCheck?: (claimIds: Types.ObjectId[]) => Promise<Set<string>>;
  private readonly pager: FacetPager<VolunteerTask>;

  constructor(
    @InjectModel(TASK_MODEL) private readonly model: Model<VolunteerTask>,
    private readonly access: CommunityAccess,
  ) {
    this.pager = new FacetPager(model, TASK_PROJECTION);
  }

  // ---- reads -----------------------------------------------------------------------------

  findByIds(ids: readonly string[]): Promise<VolunteerTask[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }, TASK_PROJECTION).lean<VolunteerTask[]>();
  }

  find(id: string): Promise<VolunteerTask | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id, TASK_PROJECTION).lean<VolunteerTask>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<VolunteerTask> {
    const task = await this.find(id);
    if (!task) throw notFound('Volunteer task', id);
    return task;
  }

  /**
   * A task is readable within its community's scope, and, as a notice on the board (线上发布),
   * by every caller it is published for while it is open: members and organizations outside the
   * community's subtree claim its tasks (双报到).
   */
  async canRead(claims: Claims, task: VolunteerTask): Promise<boolean> {
    if (hasGlobalScope(claims)) return true;
    const kind = claimantKindOf(claims);
    if (kind && task.status === 'PUBLISHED' && audiencesFor(kind).includes(task.audience))
      return true;
    return this.access.isReadable(claims, task.communityId);
  }

  /** Tasks of the organization's communities (the community itself, or those below a street). */
  /** Organization.tasks of a page of organizations: one aggregation per tick (see FacetPager). */
  async ofOrganization(
    ctx: GraphQLContext,
    organizationId: string,
    filter: VolunteerTaskFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<VolunteerTask>> {
    const communities = await this.access.communitiesUnder(ctx, organizationId);
    return this.pager.page(ctx, {
      filter: { ...this.filterQuery(filter), communityId: { $in: communities } },
      page,
    });
  }

  /** The board: open tasks with free slots the caller may claim, newest last. */
  async claimable(
    claims: Claims,
    filter: VolunteerTaskFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<VolunteerTask>> {
    const kind = claimantKindOf(claims);
    const query: QueryFilter<VolunteerTask> = {
      ...this.filterQuery(filter),
      status: 'PUBLISHED',
      endsAt: { $gt: new Date() },
      remainingSlots: { $gt: 0 },
    };
    if (kind) query.audience = { $in: audiencesFor(kind) };
    // Posted for its claimants everywhere; a caller who claims nothing reads its own subtree's.
    const communities = await this.access.boardCommunities(claims, filter?.organizationId, !!kind);
    if (communities) query.communityId = { $in: communities };
    return paginate(this.model, query, page, TASK_PROJECTION);
  }

  private filterQuery(filter: VolunteerTaskFilter | undefined): QueryFilter<VolunteerTask> {
    const query: QueryFilter<VolunteerTask> = {};
    if (filter?.categories?.length) query.category = { $in: filter.categories };
    if (filter?.status) query.status = filter.status;
    return query;
  }

  // ---- changes ---------------------------------------------------------------------------

  async publish(input: PublishVolunteerTaskInput, claims: Claims): Promise<VolunteerTask> {
    const community = await this.access.community(input.communityId, 'input.communityId');
    await this.access.requireAdmin(claims, community._id);
    const now = new Date();
    const problems = [];
    if (input.endsAt <= input.startsAt)
      problems.push({ field: 'input.endsAt', message: 'must be after input.startsAt' });
    else if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_TASK_HOURS * 3600_000)
      problems.push({
        field: 'input.endsAt',
        message: `a task lasts at most ${MAX_TASK_HOURS} hours`,
      });
    if (input.endsAt <= now) problems.push({ field: 'input.endsAt', message: 'is in the past' });
    if (problems.length) throw badUserInput(problems);
    const task: VolunteerTask = {
      _id: new Types.ObjectId(),
      communityId: community._id,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      category: input.category,
      audience: input.audience,
      slots: input.slots,
      remainingSlots: input.slots,
      holders: [],
      place: toGeoPoint(input.place),
      address: input.address?.trim() || null,
      radiusMeters: input.radiusMeters,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      points: input.points,
      status: 'PUBLISHED',
      publishedBy: claims.sub,
      createdAt: now,
      updatedAt: now,
    };
    await this.model.create(task);
    return task;
  }

  /** Cancels a task before it ends; claims already checked in keep their way to review. */
  async cancel(input: CancelVolunteerTaskInput, claims: Claims): Promise<VolunteerTask> {
    const task = await this.get(input.id);
    await this.access.requireAdmin(claims, task.communityId);
    const now = new Date();
    await updateOrConflict(
      this.model,
      { _id: task._id, status: 'PUBLISHED' },
      {
        $set: {
          status: 'CANCELLED',
          cancelledAt: now,
          cancelReason: input.reason.trim(),
          updatedAt: now,
        },
      },
      `Volunteer task ${input.id} is already cancelled`,
    );
    return this.get(input.id);
  }

  // ---- slots -----------------------------------------------------------------------------

  /**
   * Takes one slot for a claim in one conditional single-document update: the task is open, a
   * slot is free and the claimant holds none yet. Of any number of concurrent claims, at most
   * `remainingSlots` match.
   */
  async reserveSlot(
    taskId: Types.ObjectId,
    key: string,
    claimId: Types.ObjectId,
    now: Date,
  ): Promise<SlotOutcome> {
    const result = await this.model.updateOne(
      {
        _id: taskId,
        status: 'PUBLISHED',
        endsAt: { $gt: now },
        remainingSlots: { $gt: 0 },
        'holders.key': { $ne: key },
      },
      {
        $inc: { remainingSlots: -1 },
        $push: { holders: { key, claimId, at: now } },
        $set: { updatedAt: now },
      },
    );
    if (result.matchedCount === 1) return 'reserved';
    const task = await this.model
      .findById(taskId, { holders: 1, remainingSlots: 1, status: 1, endsAt: 1 })
      .lean<VolunteerTask>();
    if (!task || task.status !== 'PUBLISHED' || task.endsAt <= now) return 'closed';
    if (task.holders.some((h) => h.key === key)) return 'already-claimed';
    return 'full';
  }

  /** Frees the slot a claim holds; a second call for the same claim changes nothing. */
  async releaseSlot(taskId: Types.ObjectId, claimId: Types.ObjectId): Promise<void> {
    await this.model.updateOne(
      { _id: taskId, 'holders.claimId': claimId },
      {
        $pull: { holders: { claimId } },
        $inc: { remainingSlots: 1 },
        $set: { updatedAt: new Date() },
      },
    );
  }

  /**
   * The claim feature tells which held claims still hold their slot (exist and are not
   * withdrawn); it registers here because tasks do not depend on claims.
   */
  registerHolderCheck(check: (claimIds: Types.ObjectId[]) => Promise<Set<string>>): void {
    this.orphanCheck = check;
  }

  /** Frees slots left held by a crash between reserving and writing (or withdrawing) a claim. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.orphanCheck) return;
    const cutoff = new Date(Date.now() - ORPHAN_HOLD_MS);
    const tasks = await this.model
      .find({ holders: { $elemMatch: { at: { $lt: cutoff } } } }, { holders: 1 })
      .lean<Pick<VolunteerTask, '_id' | 'holders'>[]>();
    let freed = 0;
    for (const task of tasks) {
      const held = task.holders.filter((h) => h.at < cutoff);
      const alive = await this.orphanCheck(held.map((h) => h.claimId));
      for (const holder of held.filter((h) => !alive.has(String(h.claimId)))) {
        await this.releaseSlot(task._id, holder.claimId);
        freed++;
      }
    }
    if (freed) this.logger.warn(`freed ${freed} slot(s) held by claims that were never written`);
  }
}
