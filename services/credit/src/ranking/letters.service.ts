import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type Model, type QueryFilter } from 'mongoose';
import { badUserInput, paginate, type PageArgs } from '@jiceng/graphql';
import { isDuplicateKeyError } from '@jiceng/mongo';
import { OrgProjectionService } from '@jiceng/org-projection';
import { parsePeriod, periodLabel, periodStart } from '@jiceng/calendar';
import type { AccountKind } from '../account/account';
import { insertIgnoringDuplicates } from '../ledger/bulk-writes';
import { CreditRulesService } from '../rules/credit-rules.service';
import {
  LETTER_BATCH_MODEL,
  LETTER_KIND_LABELS,
  LETTER_MODEL,
  type Letter,
  type LetterBatch,
} from './letter.schemas';
import { pickLetters, type LetterKind, type LetterPick } from './ranking';
import { RankingService } from './ranking.service';

// A batch document holds its letters (about 1 kB each), so a batch stays far below 16 MB; a
// bottom tie this large (a whole district without points) is better written per community.
const MAX_LETTERS_PER_BATCH = 2000;

function letterText(
  pick: LetterPick,
  kind: AccountKind,
  period: string,
  scope: string,
  participants: number,
) {
  const who = kind === 'MEMBER' ? '您' : '贵组织';
  const among = kind === 'MEMBER' ? `${participants}名党员` : `${participants}个党组织`;
  const standing = `在${periodLabel(period)}志愿服务积分排名中，${who}在${scope}${among}中位列第${pick.rank}名，获得积分${pick.points}分。`;
  const closing =
    pick.kind === 'THANK_YOU'
      ? kind === 'MEMBER'
        ? '感谢您积极参与志愿服务、热心服务群众，发挥了党员先锋模范作用，特致此信，以表谢意。'
        : '感谢贵组织积极组织党员参与志愿服务、服务群众，特致此信，以表谢意。'
      : kind === 'MEMBER'
        ? '请积极认领社区志愿服务任务，主动到社区报到服务，发挥党员先锋模范作用。'
        : '请贵组织加强对党员参与志愿服务的组织动员，积极认领社区志愿服务任务。';
  return { title: LETTER_KIND_LABELS[pick.kind], body: `${standing}${closing}` };
}

@Injectable()
export class LettersService {
  constructor(
    @InjectModel(LETTER_MODEL) private readonly letters: Model<Letter>,
    @InjectModel(LETTER_BATCH_MODEL) private readonly batches: Model<LetterBatch>,
    private readonly rankings: RankingService,
    private readonly rules: CreditRulesService,
    private readonly orgTree: OrgProjectionService,
  ) {}

  /**
   * Letters for a month (members of the subtree) or a quarter (its organizations). Idempotent:
   * the first call fixes the recipients in the batch document, later calls return that batch.
   */
  async generate(period: string, organizationId: string): Promise<LetterBatch> {
    const _id = `${period}|${organizationId}`;
    let batch = await this.batches.findById(_id).lean<LetterBatch>();
    if (!batch) batch = await this.plan(_id, period, organizationId);
    if (batch.state === 'GENERATING') {
      await insertIgnoringDuplicates(this.letters, batch.letters);
      await this.batches.updateOne({ _id }, { $set: { state: 'DONE' } });
      batch = { ...batch, state: 'DONE' };
    }
    return batch;
  }

  private async plan(_id: string, period: string, organizationId: string): Promise<LetterBatch> {
    const recipientKind: AccountKind =
      parsePeriod(period)?.kind === 'MONTH' ? 'MEMBER' : 'ORGANIZATION';
    const rule = await this.rules.at(periodStart(period));
    const ranking = await this.rankings.ranking(recipientKind, period, organizationId);
    const [top, bottom] =
      recipientKind === 'MEMBER'
        ? [rule.letters.memberTop, rule.letters.memberBottom]
        : [rule.letters.organizationTop, rule.letters.organizationBottom];
    const picks = pickLetters(ranking, top, bottom);
    if (picks.length > MAX_LETTERS_PER_BATCH) {
      throw badUserInput([
        {
          field: 'organizationId',
          message: `would write ${picks.length} letters (more than ${MAX_LETTERS_PER_BATCH}, mostly a tie at the bottom): generate them per street or community`,
        },
      ]);
    }
    const scope = (await this.orgTree.get(organizationId))?.name ?? '本组织';
    const createdAt = new Date();
    const letters: Letter[] = picks.map((pick) => ({
      _id: new Types.ObjectId(),
      batchId: _id,
      period,
      scopeOrganizationId: organizationId,
      kind: pick.kind,
      recipientKind,
      recipientId: pick.id,
      rank: pick.rank,
      points: pick.points,
      participants: ranking.length,
      ...letterText(pick, recipientKind, period, scope, ranking.length),
      createdAt,
    }));
    const batch: LetterBatch = {
      _id,
      period,
      organizationId,
      recipientKind,
      state: 'GENERATING',
      participants: ranking.length,
      ruleVersion: rule.version,
      letters,
      createdAt,
    };
    try {
      await this.batches.create(batch);
      return batch;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await this.batches.findById(_id).lean<LetterBatch>())!;
    }
  }

  list(
    filter: { organizationId: string; period?: string | null; kind?: LetterKind | null },
    page: PageArgs,
  ) {
    const query: QueryFilter<Letter> = { scopeOrganizationId: filter.organizationId };
    if (filter.period) query.period = filter.period;
    if (filter.kind) query.kind = filter.kind;
    return paginate<Letter>(this.letters, query, page);
  }
}
