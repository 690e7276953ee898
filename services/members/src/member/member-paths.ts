import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { pathOf, OrgProjectionService, rewritePaths } from '@jiceng/org-projection';
import { MEMBER_MODEL, MEMBER_PATH_FIELDS, type Member } from './member.schema';

/** Members move with their organizations: every path through a moved node is rewritten. */
@Injectable()
export class MemberPaths implements OnModuleInit {
  constructor(
    @InjectModel(MEMBER_MODEL) private readonly model: Model<Member>,
    private readonly projection: OrgProjectionService,
  ) {}

  onModuleInit(): void {
    this.projection.onPathChange(async (node) => {
      await rewritePaths(this.model, MEMBER_PATH_FIELDS, node._id, pathOf(node));
    });
  }
}
