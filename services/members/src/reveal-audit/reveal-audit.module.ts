import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OrgAccessModule } from '@jiceng/org-access';
import { REVEAL_MODEL, revealSchema } from './reveal.schema';
import { RevealAudit } from './reveal-audit.service';
import { RevealAuditResolver } from './reveal-audit.resolver';

/** The append-only record of who received members' personal data unmasked. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: REVEAL_MODEL, schema: revealSchema }]),
    OrgAccessModule,
  ],
  providers: [RevealAudit, RevealAuditResolver],
  exports: [RevealAudit],
})
export class RevealAuditModule {}
