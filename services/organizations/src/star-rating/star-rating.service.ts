import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { isWithinScope, visibleOrNull, type Claims } from '@jiceng/auth';
import {
  badUserInput,
  conflict,
  forbidden,
  notFound,
  paginate,
  type Connection,
  type PageArgs,
} from '@jiceng/graphql';
import { OutboxRelays } from '@jiceng/outbox';
import { createOrConflict, transition } from '@jiceng/workflow';
import { isYear, periodStart, quartersOfYear, YEAR_MESSAGE } from '@jiceng/calendar';
import { OrganizationService, scopedNode } from '../organization/organization.service';
import { ratingConsequences, type RatingConsequences } from './consequences';
import type {
  DefendStarRatingInput,
  InspectStarRatingInput,
  PublishStarRatingInput,
  ReviewStarRatingInput,
  SelfAssessStarRatingInput,
  StarRatingFilter,
} from './dto/star-rating.inputs';
import { FiveStarQuotaService } from './five-star-quota.service';
import type { RatingTemplate } from './rating-template.schema';
import { RatingTemplateService } from './rating-template.service';
import {
  adjustmentProblems,
  applyAdjustments,
  criterionScores,
  roundScore,
  scoreProblems,
  starsSupportedBy,
  totalScore,
} from './scoring';
import {
  fiveStarCap,
  INSPECTION_CHECKS,
  isRatedOrganization,
  RATED_KINDS,
  RATED_SECTOR,
  type StarRatingStatus,
} from './star-rating.enums';
import { ratingRecord } from './star-rating.events';
import {
  STAR_RATING_MODEL,
  STAR_RATING_PROJECTION,
  starRatingId,
  type InspectionFinding,
  type RatingHistoryEntry,
  type StarRating,
} from './star-rating.schema';
import {
  defenseProblems,
  findingProblems,
  reviewProblems,
  stepProblem,
  STAR_RATING_STEPS,
  transitionProblem,
  type RatingPath,
  type TransitionStep,
} from './star-rating-steps';

const pathOf = (
  r: Pick<StarRating, 'organizationId' | 'streetId' | 'ancestorIds'>,
): RatingPath => ({
  organizationId: String(r.organizationId),
  streetId: String(r.streetId),
  ancestorIds: r.ancestorIds.map(String),
});

/** Read scope follows the community's path when it self-assessed. */
const ratingNode = (r: StarRating) => ({
  id: String(r.organizationId),
  ancestorIds: r.ancestorIds.map(String),
});

/** Optional remarks, trimmed, left out when empty (so no `undefined` reaches MongoDB). */
const remarksOf = (remarks: string | undefined) =>
  remarks?.trim() ? { remarks: remarks.trim() } : {};

function historyEntry(claims: Claims, status: StarRatingStatus, at: Date): RatingHistoryEntry {
  return {
    status,
    at,
    actor: claims.sub,
    actorRole: claims.role,
    actorOrganizationId: claims.orgId ? new Types.ObjectId(claims.orgId) : null,
  };
}

function assertYear(year: number): void {
  if (!isYear(year)) throw badUserInput([{ field: 'year', message: YEAR_MESSAGE }]);
}

@Injectable()
export class StarRatingService {
  constructor(
    @InjectModel(STAR_RATING_MODEL) private readonly model: Model<StarRating>,
    private readonly templates: RatingTemplateService,
    private readonly quota: FiveStarQuotaService,
    private readonly organizations: OrganizationService,
    private readonly relay: OutboxRelays,
  ) {}

  // ---- reads ---------------------------------------------------------------------------

  async getReadable(id: string, claims: Claims): Promise<StarRating | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const rating = await this.model.findById(id, STAR_RATING_PROJECTION).lean<StarRating>();
    return visibleOrNull(rating, (r) => isWithinScope(claims, ratingNode(r)));
  }

  async list(
    filter: StarRatingFilter,
    page: PageArgs,
    claims: Claims,
  ): Promise<Connection<StarRating>> {
    const [root] = await this.organizations.findByIds([filter.rootId]);
    if (!root) throw notFound('Organization', filter.rootId);
    if (!isWithinScope(claims, scopedNode(root)))
      throw forbidden(`Organization ${filter.rootId} is outside your scope`);
    const query: QueryFilter<StarRating> = {
      $or: [{ organizationId: root._id }, { ancestorIds: root._id }],
    };
    if (filter.period) query.period = filter.period;
    if (filter.status) query.status = filter.status;
    if (filter.stars) query.stars = filter.stars;
    return paginate(this.model, query, page, STAR_RATING_PROJECTION);
  }

  /** The organization's ratings of a year by period, read by their derived ids. */
  async ofOrganization(organizationId: Types.ObjectId, year: number): Promise<StarRating[]> {
    assertYear(year);
    const ids = quartersOfYear(year).map((period) => starRatingId(organizationId, period));
    const found = await this.model
      .find({ _id: { $in: ids } }, STAR_RATING_PROJECTION)
      .lean<StarRating[]>();
    return found.sort((a, b) => a.period.localeCompare(b.period));
  }

  async consequences(organizationId: Types.ObjectId, year: number): Promise<RatingConsequences> {
    const ratings = await this.ofOrganization(organizationId, year);
    const published = ratings.flatMap((r) =>
      r.status === 'PUBLISHED' && r.stars ? [{ period: r.period, stars: r.stars }] : [],
    );
    return ratingConsequences(year, published);
  }

  // ---- the workflow ----------------------------------------------------------------------

  /** 自己评: creates the rating with its first event. */
  async selfAssess(input: SelfAssessStarRatingInput, claims: Claims): Promise<StarRating> {
    const [org] = await this.organizations.findByIds([input.organizationId]);
    if (!org) throw badUserInput([{ field: 'input.organizationId', message: 'does not exist' }]);
    const path: RatingPath = {
      organizationId: String(org._id),
      streetId: String(org.parentId),
      ancestorIds: org.ancestorIds.map(String),
    };
    const denied = stepProblem(claims, 'selfAssess', path);
    if (denied) throw forbidden(denied);
    if (!isRatedOrganization(org) || !org.parentId) {
      throw badUserInput([
        {
          field: 'input.organizationId',
          message: `only community party organizations (社区党委、党总支、党支部 of the ${RATED_SECTOR} sector) below a street are star-rated`,
        },
      ]);
    }
    if (org.status !== 'ACTIVE')
      throw badUserInput([{ field: 'input.organizationId', message: 'is dissolved' }]);
    const now = new Date();
    if (periodStart(input.period) > now) {
      throw badUserInput([
        { field: 'input.period', message: `${input.period} has not begun (Asia/Shanghai)` },
      ]);
    }
    const template = await this.templates.effectiveFor(input.period);
    if (!template) {
      throw badUserInput([
        { field: 'input.period', message: `no rating template is effective for ${input.period}` },
      ]);
    }
    const problems = scoreProblems(template, input.scores);
    if (problems.length) throw badUserInput(problems);
    const scores = criterionScores(template, input.scores);
    const total = totalScore(scores);
    const supported = starsSupportedBy(template, total);
    if (input.claimedStars > supported) {
      throw badUserInput([
        {
          field: 'input.claimedStars',
          message: `a total of ${total} supports at most ${supported} stars (five need ${template.fiveStarMinScore}, four ${template.fourStarMinScore})`,
        },
      ]);
    }
    const rating: Omit<StarRating, 'outbox'> = {
      _id: starRatingId(org._id, input.period),
      organizationId: org._id,
      streetId: org.parentId,
      ancestorIds: org.ancestorIds,
      period: input.period,
      year: Number(input.period.slice(0, 4)),
      templateVersion: template.version,
      status: 'SELF_ASSESSED',
      selfAssessment: {
        scores,
        totalScore: total,
        claimedStars: input.claimedStars,
        ...remarksOf(input.remarks),
        at: now,
      },
      history: [historyEntry(claims, 'SELF_ASSESSED', now)],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await createOrConflict(
      this.model,
      { ...rating, outbox: [ratingRecord(rating)] },
      `${org.name} has already self-assessed for ${input.period}`,
      this.relay,
    );
    return { ...rating, outbox: [] };
  }

  /** 公开讲: the street's score and proposed stars; five stars within the street's 20% cap. */
  async defend(input: DefendStarRatingInput, claims: Claims): Promise<StarRating> {
    const rating = await this.load(input.id, claims, 'defend');
    const problems = defenseProblems(rating, input.proposedStars);
    if (problems.length) throw badUserInput(problems);
    const now = new Date();
    const changes: Partial<StarRating> = {
      defense: {
        score: roundScore(input.score),
        proposedStars: input.proposedStars,
        ...remarksOf(input.remarks),
        at: now,
      },
    };
    const { streetId, period } = rating;
    if (input.proposedStars !== 5) {
      const defended = await this.commit(rating, 'defend', changes, claims, now);
      // A place claimed by an interrupted five-star attempt of this rating goes back.
      await this.quota.release(streetId, period, rating._id);
      return defended;
    }
    const { cap, communities } = await this.fiveStarCapOf(streetId);
    if (!(await this.quota.claim(streetId, period, rating._id, cap))) {
      const named = await this.quota.named(streetId, period);
      throw conflict(
        `The street has already named ${named} five-star communities for ${period}, the most its ${communities} communities allow (20%, rounded up: ${cap})`,
      );
    }
    try {
      return await this.commit(rating, 'defend', changes, claims, now);
    } catch (error) {
      const current = await this.model.findById(rating._id, { defense: 1 }).lean<StarRating>();
      if (current?.defense?.proposedStars !== 5)
        await this.quota.release(streetId, period, rating._id);
      throw error;
    }
  }

  /** 实地看 (三查三看): findings for the three checks and score adjustments. */
  async inspect(input: InspectStarRatingInput, claims: Claims): Promise<StarRating> {
    const rating = await this.load(input.id, claims, 'inspect');
    const template = await this.templateOf(rating);
    const requested = input.adjustments ?? [];
    const problems = [
      ...findingProblems(input.findings),
      ...adjustmentProblems(template, requested),
    ];
    if (problems.length) throw badUserInput(problems);
    const findings = INSPECTION_CHECKS.map((check): InspectionFinding => {
      const f = input.findings.find((x) => x.check === check) as InspectionFinding;
      return { check, passed: f.passed, note: f.note.trim() };
    });
    const { adjustments, adjustedScore } = applyAdjustments(
      rating.selfAssessment.scores,
      requested,
    );
    const now = new Date();
    return this.commit(
      rating,
      'inspect',
      {
        inspection: {
          findings,
          adjustments,
          adjustedScore,
          passed: findings.every((f) => f.passed),
          ...remarksOf(input.remarks),
          at: now,
        },
      },
      claims,
      now,
    );
  }

  /** 复评: the district's final stars. */
  async review(input: ReviewStarRatingInput, claims: Claims): Promise<StarRating> {
    const rating = await this.load(input.id, claims, 'review');
    const problems = reviewProblems(rating, input.stars);
    if (problems.length) throw badUserInput(problems);
    const now = new Date();
    return this.commit(
      rating,
      'review',
      { review: { stars: input.stars, ...remarksOf(input.remarks), at: now }, stars: input.stars },
      claims,
      now,
    );
  }

  async publish(input: PublishStarRatingInput, claims: Claims): Promise<StarRating> {
    const rating = await this.load(input.id, claims, 'publish');
    const now = new Date();
    return this.commit(rating, 'publish', { publishedAt: now }, claims, now);
  }

  // ---- helpers -------------------------------------------------------------------------

  templateOf(rating: Pick<StarRating, 'templateVersion'>): Promise<RatingTemplate> {
    return this.templates.version(rating.templateVersion).then((template) => {
      if (!template) throw new Error(`Rating template v${rating.templateVersion} is missing`);
      return template;
    });
  }

  /** The rating, if the caller takes this step and the step may follow its status. */
  private async load(id: string, claims: Claims, step: TransitionStep): Promise<StarRating> {
    const rating = Types.ObjectId.isValid(id)
      ? await this.model.findById(id, STAR_RATING_PROJECTION).lean<StarRating>()
      : null;
    if (!rating) throw notFound('Star rating', id);
    const denied = stepProblem(claims, step, pathOf(rating));
    if (denied) throw forbidden(denied);
    const blocked = transitionProblem(rating, step);
    if (blocked) throw conflict(blocked);
    return rating;
  }

  /** ceil(20%) of the street's active community organizations. */
  private async fiveStarCapOf(streetId: Types.ObjectId) {
    const [street] = await this.organizations.findByIds([String(streetId)]);
    const communities = street
      ? await this.organizations.descendantCount(street, 1, {
          sectors: [RATED_SECTOR],
          kinds: [...RATED_KINDS],
          status: 'ACTIVE',
        })
      : 0;
    return { cap: fiveStarCap(communities), communities };
  }

  /**
   * Writes the step and its event in one single-document update, guarded by the version read,
   * so a concurrent step is reported instead of overwritten.
   */
  private async commit(
    rating: StarRating,
    step: TransitionStep,
    changes: Partial<StarRating>,
    claims: Claims,
    at: Date,
  ): Promise<StarRating> {
    const status = STAR_RATING_STEPS.steps[step].to;
    const entry = historyEntry(claims, status, at);
    const next: StarRating = {
      ...rating,
      ...changes,
      status,
      version: rating.version + 1,
      updatedAt: at,
      history: [...rating.history, entry],
    };
    await transition(this.model, {
      steps: STAR_RATING_STEPS,
      step,
      id: rating._id,
      field: 'status',
      guards: { version: rating.version },
      set: { ...changes, version: next.version, updatedAt: at },
      push: { history: entry },
      outbox: ratingRecord(next),
      relay: this.relay,
      what: 'Star rating',
    });
    return next;
  }
}
