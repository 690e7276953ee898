import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { CloudEvent, OrganizationLifecycleV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { COMMUNITY_SECTORS } from './community-scope';
import {
  ORG_AWAITED_PARENT_MODEL,
  ORG_NODE_MODEL,
  pathOf,
  type AwaitedParent,
  type OrgNode,
} from './org-node.schema';
import { rewriteDescendantPaths } from './path-rewrite';

const samePath = (a: Types.ObjectId[] = [], b: Types.ObjectId[]) =>
  a.length === b.length && a.every((id, i) => id.equals(b[i]));

/**
 * The organization tree as this service knows it. Volunteering records keep only their
 * community's id; subtree reads ask this projection for the communities below a node, so a moved
 * subtree needs no rewrite outside the projection.
 */
@Injectable()
export class OrgProjectionService {
  private readonly logger = new Logger(OrgProjectionService.name);

  constructor(
    @InjectModel(ORG_NODE_MODEL) private readonly model: Model<OrgNode>,
    @InjectModel(ORG_AWAITED_PARENT_MODEL) private readonly awaited: Model<AwaitedParent>,
  ) {}

  get(id: string | Types.ObjectId): Promise<OrgNode | null> {
    return Types.ObjectId.isValid(id)
      ? this.model.findById(id).lean<OrgNode>()
      : Promise.resolve(null);
  }

  /** The ids of the node and of every community and village below it. */
  async communityIdsUnder(root: Types.ObjectId): Promise<Types.ObjectId[]> {
    const below = await this.model
      .find({ ancestorIds: root, sector: { $in: COMMUNITY_SECTORS } }, { _id: 1 })
      .lean<Pick<OrgNode, '_id'>[]>();
    return [root, ...below.map((n) => n._id)];
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
      if (await this.awaited.findOneAndDelete({ _id }).lean())
        await rewriteDescendantPaths(this.model, _id, pathOf(node));
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

  private async propagate(node: OrgNode): Promise<void> {
    const rewritten = await rewriteDescendantPaths(this.model, node._id, pathOf(node));
    this.logger.log(`paths through ${node._id} rewritten (${rewritten} descendant organizations)`);
  }
}
