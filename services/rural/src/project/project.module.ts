import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PairingModule } from '../pairing/pairing.module';
import { AccessModule } from '../access/access.module';
import { PairingProjectsResolver } from './pairing-projects.resolver';
import { RuralCollectiveIncomeResolver, RuralFundingResolver } from './project-parts.resolver';
import { ProjectResolver } from './project.resolver';
import { RURAL_PROJECT_MODEL, ruralProjectSchema } from './project.schema';
import { ProjectService } from './project.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: RURAL_PROJECT_MODEL, schema: ruralProjectSchema }]),
    AccessModule,
    PairingModule,
  ],
  providers: [
    ProjectService,
    ProjectResolver,
    PairingProjectsResolver,
    RuralFundingResolver,
    RuralCollectiveIncomeResolver,
  ],
  exports: [ProjectService, MongooseModule],
})
export class ProjectModule {}
