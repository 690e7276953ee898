import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { CloudEvent, ProjectEventV1 } from '@jiceng/events';
import type { HandlerOutcome } from '@jiceng/kafka';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { PROJECT_REF_MODEL, type ProjectFirmRef, type ProjectRef } from './projection.schemas';

@Injectable()
export class ProjectRefsService {
  constructor(@InjectModel(PROJECT_REF_MODEL) private readonly model: Model<ProjectRef>) {}

  /** The project's whole state with a version-guarded upsert. */
  async apply({ data }: CloudEvent<ProjectEventV1>): Promise<HandlerOutcome> {
    try {
      await this.model.updateOne(
        { _id: data.projectId, version: { $lt: data.version } },
        { $set: { version: data.version, name: data.name, firms: data.firms } },
        { upsert: true },
      );
      return 'applied';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'duplicate';
      throw error;
    }
  }

  /** The firm standing behind a project branch, if any project links one. */
  async firmOfBranch(branchId: string): Promise<ProjectFirmRef | null> {
    return (await this.firmsOfBranches([branchId])).get(branchId) ?? null;
  }

  /**
   * The firm behind each of these project branches, in one query (a batch of check-ins asks
   * once; on the local server it scans the small projects collection, on MongoDB it uses the
   * multikey index). The first project by id decides, as for a single branch.
   */
  async firmsOfBranches(branchIds: readonly string[]): Promise<Map<string, ProjectFirmRef>> {
    const firms = new Map<string, ProjectFirmRef>();
    if (!branchIds.length) return firms;
    const projects = await this.model
      .find({ 'firms.branchIds': { $in: [...new Set(branchIds)] } })
      .sort({ _id: 1 })
      .lean<ProjectRef[]>();
    for (const branchId of branchIds) {
      for (const project of projects) {
        const firm = project.firms.find((f) => f.branchIds.includes(branchId));
        if (firm && !firms.has(branchId)) firms.set(branchId, firm);
      }
    }
    return firms;
  }

  /** The project branches a firm stands behind, over all its projects. */
  async branchesOfFirm(firmId: string): Promise<string[]> {
    const projects = await this.model.find({ 'firms.firmId': firmId }).lean<ProjectRef[]>();
    return [
      ...new Set(
        projects.flatMap((p) =>
          p.firms.filter((f) => f.firmId === firmId).flatMap((f) => f.branchIds),
        ),
      ),
    ];
  }

  async creditCodeOf(firmId: string): Promise<string | null> {
    const project = await this.model.findOne({ 'firms.firmId': firmId }).lean<ProjectRef>();
    return project?.firms.find((f) => f.firmId === firmId)?.creditCode ?? null;
  }
}
