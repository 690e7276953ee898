import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import type { ScopedNode } from '@jiceng/auth';
import type { CloudEvent, OrganizationLifecycleV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import {
  ORG_AWAITED_PARENT_MODEL,
  ORG_NODE_MODEL,
  pathOf,
  type AwaitedParent,
  type OrgNode,
} from './org-node.schema';
import { rewritePaths } from './path-rewrite';

/** Called when a node's path changed, to rewrite the paths other collections keep through it. */
export type PathChangeListener = (node: OrgNode) => Promise<void>;

const samePath = (a: Types.ObjectId[] = [], b: Types.ObjectId[]) =>
  a.length === b.length && a.every((id, i) => id.equals(b[i]));

/** The organization tree as this service knows it, kept from the lifecycle topic. */
@Injectable()
export class OrgProjectionService {
  private readonly logger = new Logger(OrgProjectionService.name);
  private readonly pathListeners: PathChangeListener[] = [];

  constructor(
    @InjectModel(ORG_NODE_MODEL) private readonly model: Model<OrgNode>,
    @InjectModel(ORG_AWAITED_PARENT_MODEL) private readonly awaited: Model<AwaitedParent>,
  ) {}

  onPathChange(listener: PathChangeListener): void {
    this.pathListeners.push(listener);
  }

  get(id: string | Types.ObjectId): Promise<OrgNode | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<OrgNode>()
      : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<OrgNode[]> {
    const valid = ids.filter((id) => Types.ObjectId.isValid(id));
    return this.model.find({ _id: { $in: valid } }).lean<OrgNode[]>();
  }

  /** The root's id and the ids of the nodes below it that match `filter`. */
  async idsUnder(
    root: string | Types.ObjectId,
    filter: QueryFilter<OrgNode> = {},
  ): Promise<Types.ObjectId[]> {
    const rootId = new Types.ObjectId(root);
    const below = await this.model
      .find({ ...filter, ancestorIds: rootId }, { _id: 1 })
      .lean<Pick<OrgNode, '_id'>[]>();
    return [rootId, ...below.map((n) => n._id)];
  }

  /**
   * The root (when known) and every node below it; `fields` (a projection such as
   * `{ sector: 1 }`) keeps large subtrees cheap to read when only a few fields are needed.
   */
  async subtree(root: string | Types.ObjectId, fields?: Record<string, 1>): Promise<OrgNode[]> {
    return (await this.subtrees([root], { fields })).get(String(root)) ?? [];
  }

  /**
   * The subtrees of several roots in one read: for each root, its own node (when known) and every
   * node below it, optionally only those matching `where` (the root included). A request that
   * lists something per organization of a page asks for all of them at once, instead of one
   * subtree read per organization.
   */
  async subtrees(
    roots: readonly (string | Types.ObjectId)[],
    options: { fields?: Record<string, 1>; where?: QueryFilter<OrgNode> } = {},
  ): Promise<Map<string, OrgNode[]>> {
    const ids = [...new Set(roots.map(String))].filter((r) => Types.ObjectId.isValid(r));
    const subtrees = new Map<string, OrgNode[]>(ids.map((id) => [id, []]));
    if (!ids.length) return subtrees;
    const rootIds = ids.map((id) => new Types.ObjectId(id));
    const nodes = await this.model
      .find(
        { ...options.where, $or: [{ _id: { $in: rootIds } }, { ancestorIds: { $in: rootIds } }] },
        options.fields && { ...options.fields, ancestorIds: 1 },
      )
      .lean<OrgNode[]>();
    for (const node of nodes)
      for (const owner of [node._id, ...node.ancestorIds]) subtrees.get(String(owner))?.push(node);
    return subtrees;
  }

  /** The node as scope checks see it; a node not seen (yet) has no known ancestors. */
  async scoped(id: string | Types.ObjectId): Promise<ScopedNode> {
    const node = await this.get(id);
    return node ? scopedNode(node) : { id: String(id), ancestorIds: [] };
  }

  /**
   * Applies one lifecycle event with a version-guarded upsert: an event older than the stored
   * state (a replay, or a late message from another partition) changes nothing.
   */
  async apply({ type, data }: CloudEvent<OrganizationLifecycleV1>): Promise<HandlerOutcome> {
    const _id = new Types.ObjectId(data.organizationId);
    const node: OrgNode = {
      _id,
      name: data.name,
      kind: data.kind,
      sector: data.sector,
      regionCode: data.regionCode,
      status: data.status,
      parentId: data.parentId ? new Types.ObjectId(data.parentId) : null,
      ancestorIds: await this.ancestorsOf(data),
      version: data.version,
      updatedAt: new Date(),
    };
    const { _id: _ignored, ...state } = node;
    let before: Pick<OrgNode, '_id' | 'ancestorIds'> | null;
    try {
      before = await this.model
        .findOneAndUpdate(
          { _id, version: { $lt: data.version } },
          { $set: state },
          { upsert: true, returnDocument: 'before', projection: { ancestorIds: 1 } },
        )
        .lean<Pick<OrgNode, '_id' | 'ancestorIds'>>();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // Already at this version or newer. A replayed move may have been cut short mid-rewrite.
      if (type.endsWith('.moved')) await this.propagateStoredPath(_id);
      return 'duplicate';
    }
    // A new node may arrive after its children (events of different keys are not ordered).
    // Some servers answer an upsert with an empty document instead of null.
    if (!before?._id) {
      if (await this.awaited.findOneAndDelete({ _id }).lean()) await this.propagate(node);
    } else if (!samePath(before.ancestorIds, node.ancestorIds)) await this.propagate(node);
    return 'applied';
  }

  /**
   * The parent's path as this projection knows it wins over the event's: after a move, a
   * descendant's late event may still carry the path from before the move.
   */
  private async ancestorsOf(data: OrganizationLifecycleV1): Promise<Types.ObjectId[]> {
    if (!data.parentId) return [];
    const parent = await this.model.findById(data.parentId, { ancestorIds: 1 }).lean<OrgNode>();
    if (parent) return pathOf(parent);
    // Recorded before the child is written, so the parent's arrival always finds it.
    await this.awaited.updateOne(
      { _id: new Types.ObjectId(data.parentId) },
      { $setOnInsert: { since: new Date() } },
      { upsert: true },
    );
    return data.ancestorIds.map((id) => new Types.ObjectId(id));
  }

  private async propagateStoredPath(id: Types.ObjectId): Promise<void> {
    const node = await this.model.findById(id).lean<OrgNode>();
    if (node) await this.propagate(node);
  }

  /** Descendants move with their ancestor: in this projection and wherever paths are kept. */
  private async propagate(node: OrgNode): Promise<void> {
    const rewritten = await rewritePaths(this.model, ['ancestorIds'], node._id, pathOf(node));
    for (const listener of this.pathListeners) await listener(node);
    if (rewritten)
      this.logger.log(
        `paths through ${node._id} rewritten (${rewritten} descendant organizations)`,
      );
  }
}

export function scopedNode(node: Pick<OrgNode, '_id' | 'ancestorIds'>): ScopedNode {
  return { id: String(node._id), ancestorIds: node.ancestorIds.map(String) };
}
