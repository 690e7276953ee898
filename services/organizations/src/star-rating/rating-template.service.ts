import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model } from 'mongoose';
import type { Claims } from '@jiceng/auth';
import { badUserInput, forbidden, paginate, type PageArgs } from '@jiceng/graphql';
import { createOrConflict } from '@jiceng/workflow';
import type { CreateRatingTemplateInput } from './dto/rating-template.inputs';
import { buildTemplate, templateProblems } from './rating-template.rules';
import { RATING_TEMPLATE_MODEL, type RatingTemplate } from './rating-template.schema';
import { STAR_RATING_MODEL, type StarRating } from './star-rating.schema';

@Injectable()
export class RatingTemplateService {
  // Versions never change, so one read per version and process is enough.
  private readonly byVersion = new Map<number, RatingTemplate>();

  constructor(
    @InjectModel(RATING_TEMPLATE_MODEL) private readonly model: Model<RatingTemplate>,
    @InjectModel(STAR_RATING_MODEL) private readonly ratings: Model<StarRating>,
  ) {}

  async version(version: number): Promise<RatingTemplate | null> {
    const cached = this.byVersion.get(version);
    if (cached) return cached;
    const found = await this.model.findOne({ version }).lean<RatingTemplate>();
    if (found) this.byVersion.set(version, found);
    return found;
  }

  latest(): Promise<RatingTemplate | null> {
    return this.model.findOne().sort({ version: -1 }).lean<RatingTemplate>().exec();
  }

  /** The version a self-assessment for `period` is scored against. */
  effectiveFor(period: string): Promise<RatingTemplate | null> {
    return this.model
      .findOne({ effectiveFrom: { $lte: period } })
      .sort({ effectiveFrom: -1, version: -1 })
      .lean<RatingTemplate>()
      .exec();
  }

  list(page: PageArgs) {
    return paginate<RatingTemplate>(this.model, {}, page);
  }

  async create(input: CreateRatingTemplateInput, claims: Claims): Promise<RatingTemplate> {
    if (claims.role !== 'ADMIN') throw forbidden('Only ADMIN may create a rating template');
    const problems = templateProblems(input);
    if (problems.length) throw badUserInput(problems);
    // A period's ratings are all scored against one version: a new version starts after them.
    const rated = await this.ratings
      .findOne({ period: { $gte: input.effectiveFrom } }, { period: 1 })
      .sort({ period: -1 })
      .lean<Pick<StarRating, 'period'>>();
    if (rated) {
      throw badUserInput([
        {
          field: 'input.effectiveFrom',
          message: `ratings of ${rated.period} already use an earlier version; a new version can take effect after ${rated.period}`,
        },
      ]);
    }
    const latest = await this.latest();
    const template = buildTemplate(input, {
      _id: new Types.ObjectId(),
      version: (latest?.version ?? 0) + 1,
      createdAt: new Date(),
      createdBy: claims.sub,
    });
    return createOrConflict(
      this.model,
      template,
      `Template version ${template.version} was created concurrently; retry`,
    );
  }
}
