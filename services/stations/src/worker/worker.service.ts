import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { hasGlobalScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { isDuplicateKeyError } from '@jiceng/mongo';
import type { GraphQLContext } from '@jiceng/subgraph';
import { updateOrConflict } from '@jiceng/workflow';
import { canAdminister } from '../access/access-rules';
import { StationsAccess } from '../access/stations-access';
import type {
  LinkWorkerMemberInput,
  RegisterWorkerInput,
  UpdateWorkerInput,
  WorkerFilter,
} from './dto/worker.inputs';
import { pseudonym } from './pseudonym';
import { WORKER_MODEL, type Worker } from './worker.schema';

const PSEUDONYM_ATTEMPTS = 5;

@Injectable()
export class WorkerService {
  constructor(
    @InjectModel(WORKER_MODEL) private readonly model: Model<Worker>,
    private readonly access: StationsAccess,
  ) {}

  // ---- reads -----------------------------------------------------------------------------

  find(id: string): Promise<Worker | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<Worker>().exec()
      : Promise.resolve(null);
  }

  async get(id: string): Promise<Worker> {
    const worker = await this.find(id);
    if (!worker) throw notFound('Worker', id);
    return worker;
  }

  findByIds(ids: readonly string[]): Promise<Worker[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }).lean<Worker[]>();
  }

  /** Within the scope of the organization that looks after the worker, or of its mobile branch. */
  async canRead(claims: Claims, worker: Worker): Promise<boolean> {
    if (hasGlobalScope(claims)) return true;
    // A member reads the worker record linked to itself, none of its branch's others.
    if (claims.role === 'MEMBER') return isLinkedTo(claims, worker);
    if (await this.access.isReadable(claims, worker.organizationId)) return true;
    return worker.mobileBranchId !== null && this.access.isReadable(claims, worker.mobileBranchId);
  }

  /** The lookup by id (query and entity reference): null when unknown or outside the caller's scope. */
  async lookup(id: string, claims: Claims): Promise<Worker | null> {
    return visibleOrNull(await this.find(id), (worker) => this.canRead(claims, worker));
  }

  async getReadable(id: string, claims: Claims): Promise<Worker> {
    const worker = await this.get(id);
    if (!(await this.canRead(claims, worker)))
      throw forbidden(`Worker ${id} is outside your scope`);
    return worker;
  }

  /**
   * Whether the caller sees the worker's link to a member: ADMIN and the admins of the member's
   * branch (or above) do; so does the member itself. Batched per request, for pages of workers.
   */
  async seesMemberLink(ctx: GraphQLContext, worker: Worker): Promise<boolean> {
    const link = worker.memberLink;
    if (!link) return false;
    if (ctx.claims.role === 'MEMBER') return isLinkedTo(ctx.claims, worker);
    return this.access.allows(ctx, link.branchId, canAdminister);
  }

  /** Workers looked after in the subtree or belonging to its mobile branches. */
  async inSubtree(
    claims: Claims,
    organizationId: string,
    filter: WorkerFilter | undefined,
    page: PageArgs,
  ): Promise<Connection<Worker>> {
    const ids = await this.access.readableSubtree(claims, organizationId);
    const query: QueryFilter<Worker> = {
      $or: [{ organizationId: { $in: ids } }, { mobileBranchId: { $in: ids } }],
    };
    if (filter?.kinds?.length) query.kind = { $in: filter.kinds };
    if (filter?.platforms?.length) query.platform = { $in: filter.platforms };
    return paginate(this.model, query, page);
  }

  // ---- changes ---------------------------------------------------------------------------

  async register(input: RegisterWorkerInput, claims: Claims): Promise<Worker> {
    const org = await this.access.organization(input.organizationId, 'input.organizationId');
    await this.access.requireOperator(claims, org._id, 'register workers');
    const branch = input.mobileBranchId
      ? await this.joinableBranch(input.mobileBranchId, claims)
      : null;
    const now = new Date();
    for (let attempt = 1; ; attempt++) {
      const worker: Worker = {
        _id: new Types.ObjectId(),
        pseudonym: pseudonym(input.kind),
        kind: input.kind,
        platform: input.platform,
        organizationId: org._id,
        mobileBranchId: branch,
        memberLink: null,
        registeredBy: claims.sub,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      try {
        await this.model.create(worker);
        return worker;
      } catch (error) {
        // Another worker drew the same pseudonym: draw again.
        if (!isDuplicateKeyError(error) || attempt === PSEUDONYM_ATTEMPTS) throw error;
      }
    }
  }

  async update(input: UpdateWorkerInput, claims: Claims): Promise<Worker> {
    const worker = await this.get(input.id);
    await this.access.requireOperator(claims, worker.organizationId, 'change this worker');
    const changes: Partial<Worker> = {};
    if (input.kind) changes.kind = input.kind;
    if (input.platform) changes.platform = input.platform;
    if (input.mobileBranchId === null) changes.mobileBranchId = null;
    else if (input.mobileBranchId)
      changes.mobileBranchId = await this.joinableBranch(input.mobileBranchId, claims);
    return this.write(worker, { $set: { ...changes, updatedAt: new Date() } });
  }

  /** The admins of the member's branch vouch for the link; they must see the worker too. */
  async linkMember(input: LinkWorkerMemberInput, claims: Claims): Promise<Worker> {
    const worker = await this.getReadable(input.workerId, claims);
    const branch = await this.access.organization(input.memberBranchId, 'input.memberBranchId');
    await this.access.requireAdmin(claims, branch._id, "link workers to this branch's members");
    const memberId = new Types.ObjectId(input.memberId);
    if (worker.memberLink && !worker.memberLink.memberId.equals(memberId))
      throw conflict(`Worker ${input.workerId} is linked to another member; unlink it first`);
    const link = { memberId, branchId: branch._id, linkedBy: claims.sub, linkedAt: new Date() };
    return this.write(worker, { $set: { memberLink: link, updatedAt: link.linkedAt } });
  }

  async unlinkMember(workerId: string, claims: Claims): Promise<Worker> {
    const worker = await this.get(workerId);
    if (!worker.memberLink) throw conflict(`Worker ${workerId} is not linked to a member`);
    await this.access.requireAdmin(claims, worker.memberLink.branchId, 'unlink this worker');
    return this.write(worker, { $set: { memberLink: null, updatedAt: new Date() } });
  }

  private async joinableBranch(id: string, claims: Claims): Promise<Types.ObjectId> {
    const branch = await this.access.mobileBranch(id, 'input.mobileBranchId');
    await this.access.requireOperator(claims, branch._id, 'add workers to this mobile branch');
    return branch._id;
  }

  private async write(worker: Worker, update: { $set: Partial<Worker> }): Promise<Worker> {
    await updateOrConflict(
      this.model,
      { _id: worker._id, version: worker.version },
      { ...update, $inc: { version: 1 } },
      `Worker ${worker._id} changed concurrently; read it again and retry`,
    );
    return this.get(String(worker._id));
  }
}

function isLinkedTo(claims: Claims, worker: Worker): boolean {
  return !!worker.memberLink && claims.memberId === String(worker.memberLink.memberId);
}
