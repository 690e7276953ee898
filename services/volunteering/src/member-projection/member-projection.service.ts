import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { CloudEvent, MemberLifecycleV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { MEMBER_NODE_MODEL, type MemberNode } from './member-node.schema';

const oid = (id: string | null) => (id ? new Types.ObjectId(id) : null);

@Injectable()
export class MemberProjectionService {
  constructor(@InjectModel(MEMBER_NODE_MODEL) private readonly members: Model<MemberNode>) {}

  get(memberId: string): Promise<MemberNode | null> {
    return Types.ObjectId.isValid(memberId)
      ? this.members.findById(memberId).lean<MemberNode>()
      : Promise.resolve(null);
  }

  /** A version-guarded upsert: a replayed or older event changes nothing. */
  async apply({ data }: CloudEvent<MemberLifecycleV1>): Promise<HandlerOutcome> {
    try {
      if (data.member) {
        const m = data.member;
        await this.members.updateOne(
          { _id: new Types.ObjectId(m.memberId), version: { $lt: m.version } },
          {
            $set: {
              organizationId: new Types.ObjectId(m.organizationId),
              communityId: oid(m.communityId),
              unitOrganizationId: oid(m.unitOrganizationId),
              projectBranchId: oid(m.projectBranchId),
              status: m.status,
              version: m.version,
              updatedAt: new Date(),
            },
          },
          { upsert: true },
        );
      }
      // Unit registrations (data.unitReport) are not needed here: organizations claim through
      // their ORG_ADMIN, whose scope comes from the organization projection.
      return 'applied';
    } catch (error) {
      // The upsert found the id at this version or newer.
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }
}
