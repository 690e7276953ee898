import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessModule } from '../access/access.module';
import { CommitmentSheetResolver } from './commitment-sheet.resolver';
import { COMMITMENT_SHEET_MODEL, commitmentSheetSchema } from './commitment-sheet.schema';
import { CommitmentSheetService } from './commitment-sheet.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: COMMITMENT_SHEET_MODEL, schema: commitmentSheetSchema }]),
    AccessModule,
  ],
  providers: [CommitmentSheetService, CommitmentSheetResolver],
})
export class CommitmentSheetModule {}
