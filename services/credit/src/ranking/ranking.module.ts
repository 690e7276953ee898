import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { LedgerModule } from '../ledger/ledger.module';
import {
  LETTER_BATCH_MODEL,
  LETTER_MODEL,
  letterBatchSchema,
  letterSchema,
} from './letter.schemas';
import { LettersService } from './letters.service';
import {
  LetterBatchResolver,
  LetterResolver,
  MemberRankResolver,
  RankingResolver,
} from './ranking.resolver';
import { RankingService } from './ranking.service';

@Module({
  imports: [
    LedgerModule,
    MongooseModule.forFeature([
      { name: LETTER_MODEL, schema: letterSchema },
      { name: LETTER_BATCH_MODEL, schema: letterBatchSchema },
    ]),
  ],
  providers: [
    RankingService,
    LettersService,
    RankingResolver,
    MemberRankResolver,
    LetterResolver,
    LetterBatchResolver,
  ],
})
export class RankingModule {}
